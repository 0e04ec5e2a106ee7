import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { createRng } from '@tagwise/engine';
import { syntheticPurchases } from '../support/synthetic-events.ts';
import { call, runJob, startBenchServer, type BenchServer } from './bench-server.ts';
import { median, type BenchSuite } from './suite.ts';

const quick = process.env.BENCH_QUICK === '1';
const INGEST_EVENTS = quick ? 50_000 : 1_000_000;
const INGEST_BATCH = 5_000;
const LOOKUP_CUSTOMERS = quick ? 1_000 : 5_000;
const CONNECTIONS = 64;
const SECONDS = quick ? 3 : 5;
const REPEATS = quick ? 3 : 5;
/** The unit of the CPU times in `/proc/<pid>/stat`. */
const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
const POSTGRES_ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Events per second through `POST /events`, one atomic batch at a time. */
async function measureIngest(server: BenchServer): Promise<number> {
  await call(server, 'POST', '/v1/workspaces', { slug: 'ingest' });
  const started = performance.now();
  let sent = 0;
  for (const batch of syntheticPurchases(INGEST_EVENTS / 10, 10, INGEST_BATCH, 7)) {
    await call(server, 'POST', '/v1/workspaces/ingest/events', { events: batch });
    sent += batch.length;
  }
  return sent / ((performance.now() - started) / 1000);
}

/** A workspace with features, a named cluster, an active churn model, scores and suggestions. */
async function prepareLookupWorkspace(server: BenchServer): Promise<void> {
  await call(server, 'POST', '/v1/workspaces', { slug: 'lookup' });
  for (const batch of syntheticPurchases(LOOKUP_CUSTOMERS, 8, INGEST_BATCH, 3)) {
    await call(server, 'POST', '/v1/workspaces/lookup/events', { events: batch });
  }
  await runJob(server, 'lookup', 'feature-refresh', { asOf: '2024-01-01T00:00:00Z' });
  await runJob(server, 'lookup', 'cluster-run', {
    featureNames: ['recency_days', 'frequency', 'monetary'],
    scaling: 'log1p',
    k: 3,
  });
  const runs = await call<{ items: { id: string }[] }>(
    server,
    'GET',
    '/v1/workspaces/lookup/cluster-runs',
  );
  const runId = runs.items[0]!.id;
  for (const [cluster, slug] of ['steady-buyers', 'big-spenders', 'fading-buyers'].entries()) {
    await call(
      server,
      'POST',
      `/v1/workspaces/lookup/cluster-runs/${runId}/clusters/${cluster}/tag`,
      {
        slug,
        displayName: slug,
        category: 'behaviour',
        definition: `cluster ${cluster} of the benchmark run`,
      },
    );
  }
  await runJob(server, 'lookup', 'churn-train', {
    label: { kind: 'time-split', asOf: '2023-09-01T00:00:00Z', horizonDays: 90 },
    model: 'logistic',
    folds: 3,
  });
  await runJob(server, 'lookup', 'churn-score', { asOf: '2024-01-01T00:00:00Z' });
  await runJob(server, 'lookup', 'suggest', {});
}

interface LoadFigures {
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  /** CPU time of the server process (user + system) per answered request. */
  readonly serverCpuMicros: number;
  /** CPU time of the PostgreSQL server's processes per answered request (PostgreSQL only). */
  readonly databaseCpuMicros?: number;
  /** CPU time of this process, which runs the load generator, per answered request. */
  readonly loadGeneratorCpuMicros: number;
}

/** User + system CPU seconds a process has used so far, from `/proc` (Linux). */
function cpuSecondsOf(pid: number): number {
  return cpuSecondsInStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

/**
 * User + system CPU seconds in a `/proc/<pid>/stat` line; with `reapedChildren`, plus those of
 * the children the process has waited for once they ended.
 */
function cpuSecondsInStat(stat: string, reapedChildren = false): number {
  const fields = stat.split(') ')[1]!.split(' ');
  const own = Number(fields[11]) + Number(fields[12]);
  const children = reapedChildren ? Number(fields[13]) + Number(fields[14]) : 0;
  return (own + children) / CLOCK_TICKS_PER_SECOND;
}

/**
 * User + system CPU seconds used so far by the `postgres` processes of this machine (the
 * server the bench talks to is local): the database's share of each request, since the load
 * generator, the server and PostgreSQL compete for the same cores. A connection's process
 * ends when the pool closes it as idle, and its time then moves to the parent that reaps it,
 * so every process counts its reaped children too.
 */
function postgresCpuSeconds(): number {
  let seconds = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended while we listed them
    }
    if (stat.includes(' (postgres) ')) seconds += cpuSecondsInStat(stat, true);
  }
  return seconds;
}

function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

interface LoadTarget {
  readonly base: string;
  readonly path: (customer: string) => string;
}

/**
 * `REPEATS` rounds in which every target gets one fixed-duration run of `CONNECTIONS`
 * connections over random customers; each target's figures are those of its median run.
 * Interleaved so that a slow spell of this shared machine hits every target alike instead of
 * all the runs of one.
 */
async function loadInterleaved<Name extends string>(
  server: BenchServer,
  databaseCpuSeconds: (() => number) | undefined,
  targets: Record<Name, LoadTarget>,
): Promise<Record<Name, LoadFigures>> {
  const names = Object.keys(targets) as Name[];
  const customerDraws = new Map(names.map((name) => [name, createRng(5)]));
  const runs = new Map<Name, LoadFigures[]>(names.map((name) => [name, []]));
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const name of names) {
      const rng = customerDraws.get(name)!;
      const { base, path } = targets[name];
      runs
        .get(name)!
        .push(
          await loadOnce(server, databaseCpuSeconds, base, () =>
            path(`c${rng.nextInt(LOOKUP_CUSTOMERS)}`),
          ),
        );
    }
  }
  const medianRun = (ofTarget: LoadFigures[]) => {
    const middle = median(ofTarget.map((run) => run.requestsPerSecond));
    return ofTarget.find((run) => run.requestsPerSecond === middle) ?? ofTarget[0]!;
  };
  return Object.fromEntries(names.map((name) => [name, medianRun(runs.get(name)!)])) as Record<
    Name,
    LoadFigures
  >;
}

async function loadOnce(
  server: BenchServer,
  databaseCpuSeconds: (() => number) | undefined,
  base: string,
  nextPath: () => string,
): Promise<LoadFigures> {
  const cpuBefore = cpuSecondsOf(server.pid);
  const databaseCpuBefore = databaseCpuSeconds?.();
  const ownCpuBefore = ownCpuSeconds();
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { authorization: `Bearer ${server.key}` },
    requests: [{ setupRequest: (request) => ({ ...request, path: nextPath() }) }],
  });
  const perRequest = (seconds: number) => (seconds * 1e6) / result.requests.total;
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    serverCpuMicros: perRequest(cpuSecondsOf(server.pid) - cpuBefore),
    ...(databaseCpuBefore === undefined
      ? {}
      : { databaseCpuMicros: perRequest(databaseCpuSeconds!() - databaseCpuBefore) }),
    loadGeneratorCpuMicros: perRequest(ownCpuSeconds() - ownCpuBefore),
  };
}

/**
 * Loads each endpoint and its baselines on one database. `databaseCpuSeconds` reads the
 * database server's CPU time where it runs in processes of its own (not PGlite, which runs
 * inside the server).
 */
async function benchDatabase(
  name: string,
  target: object,
  databaseCpuSeconds?: () => number,
): Promise<string[]> {
  const server = await startBenchServer(target);
  try {
    console.log(`${name}: ingesting ${INGEST_EVENTS.toLocaleString('en-GB')} events`);
    const ingest = await measureIngest(server);
    console.log(`${name}: ${Math.round(ingest)} events/s; preparing the lookup workspace`);
    await prepareLookupWorkspace(server);
    const { bare, barePrepared, suggestionsWork, suggestions, churnWork, churn } =
      await loadInterleaved(server, databaseCpuSeconds, {
        bare: { base: server.bare, path: (c) => `/lookup/lookup/${c}` },
        barePrepared: { base: server.bare, path: (c) => `/prepared/lookup/${c}` },
        suggestionsWork: { base: server.bare, path: (c) => `/handler/lookup/${c}/suggestions` },
        suggestions: {
          base: server.tagwise,
          path: (c) => `/v1/workspaces/lookup/customers/${c}/suggestions`,
        },
        churnWork: { base: server.bare, path: (c) => `/handler/lookup/${c}/churn` },
        churn: { base: server.tagwise, path: (c) => `/v1/workspaces/lookup/customers/${c}/churn` },
      });
    const row = (label: string, figures: LoadFigures) => {
      const ratio = figures.requestsPerSecond / bare.requestsPerSecond;
      const preparedRatio = figures.requestsPerSecond / barePrepared.requestsPerSecond;
      const databaseCpu =
        figures.databaseCpuMicros === undefined ? undefined : Math.round(figures.databaseCpuMicros);
      console.log(
        `${name} ${label}: ${Math.round(figures.requestsPerSecond)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, CPU µs/request: server ${Math.round(figures.serverCpuMicros)}, database ${databaseCpu ?? 'in the server'}, load generator ${Math.round(figures.loadGeneratorCpuMicros)} (${ratio.toFixed(2)} × bare, ${preparedRatio.toFixed(2)} × bare prepared; ${figures.errors} errors)`,
      );
      return `| ${name} | ${label} | ${Math.round(figures.requestsPerSecond)} | ${figures.p50} | ${figures.p99} | ${Math.round(figures.serverCpuMicros)} | ${databaseCpu ?? ''} | ${Math.round(figures.loadGeneratorCpuMicros)} | ${ratio.toFixed(2)} | ${preparedRatio.toFixed(2)} | ${figures.errors} |`;
    };
    return [
      row('bare Hono + one indexed lookup (baseline)', bare),
      row('bare Hono + the lookup as a named prepared statement', barePrepared),
      row("bare Hono + the suggestions endpoint's service call", suggestionsWork),
      row('GET /customers/{id}/suggestions', suggestions),
      row("bare Hono + the churn endpoint's service call", churnWork),
      row('GET /customers/{id}/churn', churn),
      `| ${name} | ingest POST /events (batches of ${INGEST_BATCH}) | ${Math.round(ingest)} events/s over ${INGEST_EVENTS.toLocaleString('en-GB')} events | | | | | | | | |`,
    ];
  } finally {
    await server.stop();
  }
}

async function postgresTarget(): Promise<{ target: object; drop(): Promise<void> } | undefined> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `tagwise_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    target: { kind: 'postgres', url: url.toString() },
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const suite: BenchSuite = {
  name: 'api',
  description: `Loopback HTTP load (autocannon, ${CONNECTIONS} connections, ${SECONDS} s, median of ${REPEATS} runs, the endpoints taking turns in each round) on ${LOOKUP_CUSTOMERS.toLocaleString('en-GB')} customers with features, a named 3-cluster run, an active churn model, scores and suggestions; the baseline is a bare Hono handler doing one indexed customer lookup (a Kysely query) on the same database handle in the same process; the prepared baseline runs the same lookup as a named prepared statement, the way Tagwise runs its two hot reads. The two endpoints answer concurrent requests in batches (the lookups waiting while two batches are in flight go out as one query); the baselines send one query per request. The service-call rows run each endpoint's own work (the service function its route calls, batches included) on bare Hono: the gap to the endpoint is the cost of the app around it. Server CPU is the server process's user + system time per answered request, PostgreSQL CPU that of all local postgres processes, load generator CPU that of the bench process; the three share the machine's cores, so throughput follows their sum; the server writes its access log to stdout (a pipe), as in production. Ingest: ${INGEST_EVENTS.toLocaleString('en-GB')} events over HTTP.`,
  async run() {
    // The machine is shared: the load around the run says how much the figures can be trusted.
    const loadAtStart = loadavg()[0]!;
    const rows = [
      '| database | endpoint | requests/s | p50 ms | p99 ms | server CPU µs/request | PostgreSQL CPU µs/request | load generator CPU µs/request | × baseline | × prepared baseline | errors |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    const dataDir = mkdtempSync(join(tmpdir(), 'tagwise-bench-'));
    try {
      rows.push(...(await benchDatabase('PGlite', { kind: 'pglite', dataDir })));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const postgres = await postgresTarget();
    if (postgres === undefined) {
      rows.push('| PostgreSQL | not reachable at DATABASE_URL: not measured | | | | | | | | | |');
    } else {
      try {
        rows.push(...(await benchDatabase('PostgreSQL', postgres.target, postgresCpuSeconds)));
      } finally {
        await postgres.drop();
      }
    }
    rows.push(
      '',
      `Load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.`,
    );
    return rows.join('\n');
  },
};

export default suite;
