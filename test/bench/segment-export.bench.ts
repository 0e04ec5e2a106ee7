import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  connectDatabase,
  createJsonLogger,
  migrateToLatest,
  parseConfig,
  sql,
  startServer,
} from '@tagwise/api';
import { createWorkspaceFixture } from '@tagwise/api/testing';
import { median, type BenchSuite } from './suite.ts';

const quick = process.env.BENCH_QUICK === '1';
const MEMBERS = quick ? 50_000 : 1_000_000;
const REPEATS = 3;
const SAMPLE_MS = 50;
const MB = 2 ** 20;

interface ExportRun {
  readonly seconds: number;
  readonly rows: number;
  readonly bytes: number;
  readonly baselineRss: number;
  readonly peakRss: number;
}

/**
 * Fills a workspace with `MEMBERS` customers, each holding two tags and scored by a current
 * churn scoring, in a few INSERT ... SELECT generate_series statements.
 */
async function fillWorkspace(
  db: Parameters<typeof createWorkspaceFixture>[0],
  workspaceId: string,
): Promise<void> {
  await sql`
    INSERT INTO customers (workspace_id, external_id, attributes, features, features_stale)
    SELECT ${workspaceId}, 'customer-' || g, jsonb_build_object('region', 'r' || (g % 7)),
           jsonb_build_object('frequency', g % 40, 'monetary', (g % 997) * 1.5), false
      FROM generate_series(1, ${MEMBERS}) AS g`.execute(db);
  const tags = ['vip', 'loyal'];
  for (const slug of tags) {
    await sql`
      INSERT INTO tags (workspace_id, slug, display_name, kind, category, definition)
      VALUES (${workspaceId}, ${slug}, ${slug}, 'fact', 'behaviour', '')`.execute(db);
    await sql`
      INSERT INTO customer_tags (workspace_id, customer_id, tag_id, source)
      SELECT ${workspaceId}, c.id, t.id, 'manual'
        FROM customers c, tags t
       WHERE c.workspace_id = ${workspaceId} AND t.workspace_id = ${workspaceId} AND t.slug = ${slug}`.execute(
      db,
    );
  }
  const { rows: models } = await sql<{ id: string }>`
    INSERT INTO churn_models (workspace_id, version, status, label, feature_schema, artifact,
      metrics, heldout_metric, heldout_value, importance, risk_bands, classifier, backend,
      training_seconds, training_rows, positives)
    VALUES (${workspaceId}, 1, 'active', '{}', '{}', '\\x01', '{}', 'roc_auc', 0.8, '[]',
      '{"thresholds":[0.3,0.6],"labels":["low","medium","high"]}', 'logistic', 'cpu', 1, 1, 1)
    RETURNING id`.execute(db);
  const modelId = models[0]!.id;
  const { rows: jobs } = await sql<{ id: string }>`
    INSERT INTO jobs (workspace_id, kind, params) VALUES (${workspaceId}, 'churn-score', '{}')
    RETURNING id`.execute(db);
  const jobId = jobs[0]!.id;
  await sql`
    INSERT INTO churn_scorings (job_id, workspace_id, model_id, as_of, completed_at, is_current)
    VALUES (${jobId}, ${workspaceId}, ${modelId}, now(), now(), true)`.execute(db);
  await sql`
    INSERT INTO churn_predictions (scoring_job_id, workspace_id, customer_id, model_id,
      probability, risk_band, factors, scored_at)
    SELECT ${jobId}, ${workspaceId}, c.id, ${modelId}, (c.id % 1000) / 1000.0,
           CASE WHEN c.id % 1000 < 300 THEN 'low' WHEN c.id % 1000 < 600 THEN 'medium' ELSE 'high' END,
           '[]', now()
      FROM customers c WHERE c.workspace_id = ${workspaceId}`.execute(db);
  await sql`ANALYZE`.execute(db);
}

/** Downloads the export, counting rows without keeping them, sampling this process's RSS. */
async function exportOnce(url: string, key: string): Promise<ExportRun> {
  (globalThis as { gc?: () => void }).gc?.();
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, SAMPLE_MS);
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${key}` } });
  if (res.status !== 200 || res.body === null) throw new Error(`export: ${res.status}`);
  let newlines = 0;
  let bytes = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) newlines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { seconds, rows: newlines - 1, bytes, baselineRss, peakRss };
}

const suite: BenchSuite = {
  name: 'segment-export',
  description: `Streaming a segment's CSV export of ${MEMBERS.toLocaleString('en')} members from PGlite (data directory on disk) over HTTP: rows/s and the resident memory of the process (server and client together) above its level before the export, sampled every ${SAMPLE_MS} ms. Every customer holds two tags and has a current churn prediction; the segment is \`{ "tag": "vip" }\`.`,
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'tagwise-segment-bench-'));
    const database = await connectDatabase({ kind: 'pglite', dataDir });
    const quiet = { write: () => true };
    try {
      await migrateToLatest(database.db);
      const acme = await createWorkspaceFixture(database.db, 'acme');
      const fillStarted = performance.now();
      await fillWorkspace(database.db, acme.workspace.id);
      const fillSeconds = (performance.now() - fillStarted) / 1000;
      console.log(`filled ${MEMBERS} customers in ${fillSeconds.toFixed(1)} s`);
      const server = await startServer(parseConfig({ PORT: '0' }), {
        database,
        logger: createJsonLogger(quiet, quiet),
      });
      try {
        const created = await fetch(`${server.url}/v1/workspaces/acme/segments`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${acme.keys.analyst}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify({ slug: 'vips', name: 'VIPs', expression: { tag: 'vip' } }),
        });
        if (created.status !== 201) throw new Error(`segment: ${await created.text()}`);
        const runs: ExportRun[] = [];
        for (let i = 0; i < REPEATS; i++) {
          const run = await exportOnce(
            `${server.url}/v1/workspaces/acme/segments/vips/export.csv`,
            acme.keys.service,
          );
          if (run.rows !== MEMBERS) throw new Error(`exported ${run.rows} rows, not ${MEMBERS}`);
          runs.push(run);
          console.log(
            `run ${i + 1}: ${run.seconds.toFixed(1)} s, ${Math.round(run.rows / run.seconds)} rows/s, RSS ${(run.baselineRss / MB).toFixed(0)} → peak ${(run.peakRss / MB).toFixed(0)} MB`,
          );
        }
        const fmt = (n: number) => Math.round(n).toLocaleString('en');
        return [
          `Setup (INSERT ... SELECT generate_series): ${fillSeconds.toFixed(1)} s. Median of ${REPEATS} exports.`,
          '',
          '| members | CSV size | seconds | rows/s | RSS before | peak RSS | peak − before |',
          '| ------: | -------: | ------: | -----: | ---------: | -------: | ------------: |',
          `| ${fmt(MEMBERS)} | ${(median(runs.map((r) => r.bytes)) / MB).toFixed(1)} MB | ${median(runs.map((r) => r.seconds)).toFixed(1)} | ${fmt(median(runs.map((r) => r.rows / r.seconds)))} | ${fmt(median(runs.map((r) => r.baselineRss)) / MB)} MB | ${fmt(median(runs.map((r) => r.peakRss)) / MB)} MB | ${fmt(median(runs.map((r) => r.peakRss - r.baselineRss)) / MB)} MB |`,
        ].join('\n');
      } finally {
        await server.close();
      }
    } finally {
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

export default suite;
