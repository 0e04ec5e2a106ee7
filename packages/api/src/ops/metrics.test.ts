import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { enqueueJob } from '../jobs/job.repository.ts';
import { createMemoryLogger } from '../logger.ts';
import { createWorkspaceFixture } from '../testing/fixtures.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { createMetrics } from './metrics.ts';

const sampleLines = (text: string, name: string) =>
  text.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));

for (const kind of testDatabaseKinds()) {
  describe(`metrics collected at scrape time on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(() => database.destroy());

    it('counts queued jobs and failing webhook deliveries', async () => {
      const { workspace } = await createWorkspaceFixture(database.db, 'acme');
      for (let i = 0; i < 3; i++) {
        await enqueueJob(database.db, { workspaceId: workspace.id, kind: 'anything', params: {} });
      }
      const [subscription] = (
        await sql<{ id: string }>`
          INSERT INTO webhook_subscriptions (workspace_id, url, event_types, secret)
          VALUES (${workspace.id}, 'http://127.0.0.1:9/hook', ARRAY['tag.assigned'], 'whsec_test')
          RETURNING id`.execute(database.db)
      ).rows;
      for (const status of ['failed', 'dead', 'dead', 'delivered']) {
        await sql`
          INSERT INTO webhook_deliveries (subscription_id, workspace_id, event_type, payload, status)
          VALUES (${subscription!.id}, ${workspace.id}, 'tag.assigned', '{}', ${status})`.execute(
          database.db,
        );
      }
      const logger = createMemoryLogger();
      const text = await createMetrics({ db: database.db, logger }).registry.metrics();
      expect(sampleLines(text, 'tagwise_jobs')).toEqual([
        'tagwise_jobs{status="queued"} 3',
        'tagwise_jobs{status="running"} 0',
      ]);
      expect(sampleLines(text, 'tagwise_webhook_deliveries_failing')).toEqual([
        'tagwise_webhook_deliveries_failing{status="failed"} 1',
        'tagwise_webhook_deliveries_failing{status="dead"} 2',
      ]);
      expect(logger.records).toEqual([]);
    });
  });
}

describe('metrics while the database is unreachable', () => {
  it('still answers with request and job figures and logs what it could not read', async () => {
    const unreachable = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:9/none' }),
      }),
    });
    const logger = createMemoryLogger();
    const metrics = createMetrics({ db: unreachable, logger });
    metrics.observeRequest({ method: 'GET', route: '/healthz', status: 200, seconds: 0.002 });
    metrics.observeJob({ kind: 'feature-refresh', outcome: 'succeeded', seconds: 3 });
    const text = await metrics.registry.metrics();
    expect(sampleLines(text, 'tagwise_http_requests_total')).toEqual([
      'tagwise_http_requests_total{method="GET",route="/healthz",status="200"} 1',
    ]);
    expect(text).toContain(
      'tagwise_job_duration_seconds_count{kind="feature-refresh",outcome="succeeded"} 1',
    );
    expect(sampleLines(text, 'tagwise_jobs')).toEqual([]);
    expect(logger.records.map((r) => [r.level, r.msg, r.metric])).toEqual([
      ['warn', 'metrics collection failed', 'tagwise_jobs'],
      ['warn', 'metrics collection failed', 'tagwise_webhook_deliveries_failing'],
    ]);
    await unreachable.destroy();
  });
});
