import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob, sql } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { stepGate } from '../support/steps-job.ts';
import { startTestServer, type TestServer } from './harness.ts';
import { waitForJob } from './tagging-data.ts';

/** One sample of the exposition text: metric name, labels and value. */
interface Sample {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

function parseSamples(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key!] = value!;
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The value of the sample with exactly these labels, or undefined. */
function valueOf(
  samples: readonly Sample[],
  name: string,
  labels: Record<string, string>,
): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  return samples.find(
    (s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === wanted,
  )?.value;
}

for (const kind of testDatabaseKinds()) {
  describe(`GET /metrics on ${kind}`, () => {
    let t: TestServer;
    const scrape = async (): Promise<Sample[]> => {
      const res = await t.request('/metrics');
      expect(res.status).toBe(200);
      return parseSamples(await res.text());
    };
    /** Scrapes until `ready` holds: the worker reports a job just after its row settles. */
    const scrapeUntil = async (ready: (samples: Sample[]) => boolean): Promise<Sample[]> => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const samples = await scrape();
        if (ready(samples)) return samples;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error('the metrics never showed what was expected');
    };
    const queueJob = async (params: Record<string, unknown>): Promise<string> => {
      const res = await t.request('/v1/workspaces/acme/jobs', {
        key: t.acme.keys.analyst,
        json: { kind: 'test-steps', params },
      });
      expect(res.status).toBe(202);
      return ((await res.json()) as { id: string }).id;
    };

    beforeAll(async () => {
      t = await startTestServer(kind);
    }, 60_000);
    afterAll(() => t.close());

    it('is public and speaks the Prometheus text format', async () => {
      const res = await t.request('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toContain('# TYPE tagwise_http_requests_total counter');
      expect(text).toContain('# TYPE tagwise_http_request_duration_seconds histogram');
      expect(text).toContain('# TYPE tagwise_job_duration_seconds histogram');
      expect(text).toContain('tagwise_process_resident_memory_bytes');
    });

    it('counts and times requests by method, route pattern and status', async () => {
      for (const id of ['c-1', 'c-2']) {
        const res = await t.request(`/v1/workspaces/acme/customers/${id}`, {
          key: t.acme.keys.analyst,
        });
        expect(res.status).toBe(404);
      }
      await t.request('/v1/workspaces/acme/customers', { key: t.acme.keys.analyst });
      const samples = await scrape();
      const labels = {
        method: 'GET',
        route: '/v1/workspaces/:workspace/customers/:externalId',
        status: '404',
      };
      expect(valueOf(samples, 'tagwise_http_requests_total', labels)).toBe(2);
      expect(valueOf(samples, 'tagwise_http_request_duration_seconds_count', labels)).toBe(2);
      expect(
        valueOf(samples, 'tagwise_http_request_duration_seconds_bucket', { ...labels, le: '+Inf' }),
      ).toBe(2);
      expect(
        valueOf(samples, 'tagwise_http_requests_total', {
          method: 'GET',
          route: '/v1/workspaces/:workspace/customers',
          status: '200',
        }),
      ).toBe(1);
      // Raw paths (which hold customer ids) never become labels.
      expect(samples.some((s) => s.labels.route?.includes('c-1'))).toBe(false);
    });

    it('shows queue depth by status, read from the jobs table at scrape time', async () => {
      const gated = await queueJob({ steps: 1, stepMs: 0, gated: true });
      // No worker of this server handles this kind: it stays queued.
      await enqueueJob(t.database.db, {
        workspaceId: t.acme.workspace.id,
        kind: 'handled-elsewhere',
        params: {},
      });
      const busy = await scrapeUntil(
        (s) => valueOf(s, 'tagwise_jobs', { status: 'running' }) === 1,
      );
      expect(valueOf(busy, 'tagwise_jobs', { status: 'queued' })).toBe(1);
      stepGate.release(gated);
      expect((await waitForJob(t, 'acme', gated, t.acme.keys.analyst)).status).toBe('succeeded');
      const idle = await scrape();
      expect(valueOf(idle, 'tagwise_jobs', { status: 'running' })).toBe(0);
    });

    it('times jobs by kind and outcome', async () => {
      await enqueueJob(t.database.db, {
        workspaceId: t.acme.workspace.id,
        kind: 'test-steps',
        params: { steps: 'not a number' },
      });
      const succeeded = { kind: 'test-steps', outcome: 'succeeded' };
      const failed = { kind: 'test-steps', outcome: 'failed' };
      const samples = await scrapeUntil(
        (s) => valueOf(s, 'tagwise_job_duration_seconds_count', failed) === 1,
      );
      expect(valueOf(samples, 'tagwise_job_duration_seconds_count', succeeded)).toBe(1);
      expect(valueOf(samples, 'tagwise_job_duration_seconds_sum', succeeded)).toBeGreaterThan(0);
    });

    it('counts failed and dead webhook deliveries', async () => {
      const db = t.database.db;
      const { rows } = await sql<{ id: string }>`
        INSERT INTO webhook_subscriptions (workspace_id, url, event_types, secret)
        VALUES (${t.acme.workspace.id}, 'http://127.0.0.1:9/hook', ARRAY['tag.assigned'], 's')
        RETURNING id`.execute(db);
      // The failed one is not due for hours, so the deliverer leaves it alone.
      await sql`
        INSERT INTO webhook_deliveries (subscription_id, workspace_id, event_type, payload, status,
                                        attempts, next_attempt_at)
        VALUES (${rows[0]!.id}, ${t.acme.workspace.id}, 'tag.assigned', '{}', 'failed', 1,
                now() + interval '6 hours'),
               (${rows[0]!.id}, ${t.acme.workspace.id}, 'tag.assigned', '{}', 'dead', 8, now()),
               (${rows[0]!.id}, ${t.acme.workspace.id}, 'tag.assigned', '{}', 'dead', 8, now())`.execute(
        db,
      );
      const samples = await scrape();
      expect(valueOf(samples, 'tagwise_webhook_deliveries_failing', { status: 'failed' })).toBe(1);
      expect(valueOf(samples, 'tagwise_webhook_deliveries_failing', { status: 'dead' })).toBe(2);
    });
  });
}
