import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticPurchases } from '../support/synthetic-events.ts';
import {
  call,
  jobState,
  startBenchServer,
  startJob,
  type BenchServer,
  type JobState,
} from './bench-server.ts';
import { median, type BenchSuite } from './suite.ts';

const quick = process.env.BENCH_QUICK === '1';
const CUSTOMERS = quick ? 500 : 4_000;
const EVENTS_PER_CUSTOMER = 100;
const IDLE_SECONDS = 5;
const PAUSE_MS = 50;
const WORKSPACE = 'busy';

/** Milliseconds each request took to answer, by request. */
interface Waits {
  readonly healthz: number[];
  readonly customers: number[];
  readonly jobStatus: number[];
}

/** Milliseconds `request` takes to settle, and its value. */
async function timed<T>(request: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await request();
  return [performance.now() - started, value];
}

async function get(server: BenchServer, path: string): Promise<void> {
  const response = await fetch(`${server.tagwise}${path}`, {
    headers: { authorization: `Bearer ${server.key}` },
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
}

/**
 * What a user waits for while a job runs: `/healthz` (no database), one page of the customer
 * list (one query) and the job's status, asked one after the other with a short pause, until
 * `keepGoing` says stop.
 */
async function waitsWhile(
  server: BenchServer,
  kind: string,
  jobId: string,
  keepGoing: (state: JobState) => boolean,
): Promise<Waits> {
  const waits: Waits = { healthz: [], customers: [], jobStatus: [] };
  for (;;) {
    waits.healthz.push((await timed(() => get(server, '/healthz')))[0]);
    waits.customers.push(
      (await timed(() => get(server, `/v1/workspaces/${WORKSPACE}/customers?limit=1`)))[0],
    );
    const [wait, state] = await timed(() => jobState(server, WORKSPACE, kind, jobId));
    waits.jobStatus.push(wait);
    if (!keepGoing(state)) return waits;
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}

const ms = (value: number) => Math.round(value).toLocaleString('en-GB');
const p50AndMax = (samples: number[]) => `${ms(median(samples))} | ${ms(Math.max(...samples))}`;

function row(what: string, seconds: string, waits: Waits): string {
  const line = `| ${what} | ${seconds} | ${waits.healthz.length} | ${p50AndMax(waits.healthz)} | ${p50AndMax(waits.customers)} | ${p50AndMax(waits.jobStatus)} |`;
  console.log(line);
  return line;
}

const suite: BenchSuite = {
  name: 'responsiveness',
  description: `How long requests wait while a job runs on the embedded database (PGlite runs in the server's own thread): ${CUSTOMERS.toLocaleString('en-GB')} synthetic customers with ${EVENTS_PER_CUSTOMER} purchase events each; while each job runs, GET /healthz (no database), GET /customers?limit=1 (one query) and the job's status are asked one after the other, ${PAUSE_MS} ms apart. The baseline is the same requests for ${IDLE_SECONDS} s with no job running.`,
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'tagwise-bench-'));
    const server = await startBenchServer({ kind: 'pglite', dataDir });
    try {
      await call(server, 'POST', '/v1/workspaces', { slug: WORKSPACE });
      for (const batch of syntheticPurchases(CUSTOMERS, EVENTS_PER_CUSTOMER, 5_000, 11)) {
        await call(server, 'POST', `/v1/workspaces/${WORKSPACE}/events`, { events: batch });
      }
      const refresh = await startJob(server, WORKSPACE, 'feature-refresh', {
        asOf: '2024-01-01T00:00:00Z',
      });
      const rows = [
        '| while | job seconds | samples | /healthz p50 ms | /healthz max ms | customer page p50 ms | customer page max ms | job status p50 ms | job status max ms |',
        '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      ];
      await waitsWhile(server, 'feature-refresh', refresh, (state) => state.status !== 'succeeded');
      const idleUntil = performance.now() + IDLE_SECONDS * 1000;
      const idle = await waitsWhile(
        server,
        'feature-refresh',
        refresh,
        () => performance.now() < idleUntil,
      );
      rows.push(row('no job (baseline)', '–', idle));
      const jobs: [string, string, object][] = [
        [
          'churn training (time split)',
          'churn-train',
          { label: { kind: 'time-split', asOf: '2023-09-01T00:00:00Z', horizonDays: 90 } },
        ],
        ['churn scoring', 'churn-score', { asOf: '2024-01-01T00:00:00Z' }],
        ['suggestion generation', 'suggest', {}],
      ];
      for (const [what, kind, params] of jobs) {
        const started = performance.now();
        const jobId = await startJob(server, WORKSPACE, kind, params);
        const waits = await waitsWhile(
          server,
          kind,
          jobId,
          (state) => state.status !== 'succeeded',
        );
        rows.push(row(what, ((performance.now() - started) / 1000).toFixed(1), waits));
      }
      return rows.join('\n');
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
