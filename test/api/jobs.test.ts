import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { stepGate } from '../support/steps-job.ts';
import {
  expectProblem,
  readSse,
  startTestServer,
  type SseEvent,
  type TestServer,
} from './harness.ts';

interface JobJson {
  id: string;
  status: string;
  progress: number;
  message: string | null;
  result: unknown;
  cancelRequested: boolean;
}

for (const kind of testDatabaseKinds()) {
  describe(`jobs over HTTP on ${kind}`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(kind);
    });
    afterAll(() => t.close());

    const createJob = async (steps: number, stepMs: number, gated = false): Promise<JobJson> => {
      const res = await t.request('/v1/workspaces/acme/jobs', {
        key: t.acme.keys.analyst,
        json: { kind: 'test-steps', params: { steps, stepMs, gated } },
      });
      expect(res.status).toBe(202);
      return (await res.json()) as JobJson;
    };

    it('streams every progress step as server-sent events until the job ends', async () => {
      const job = await createJob(4, 0, true);
      const stream = await t.request(`/v1/workspaces/acme/jobs/${job.id}/events`, {
        key: t.acme.keys.service,
      });
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const events: SseEvent[] = [];
      let released = 0;
      for await (const event of readSse(stream)) {
        events.push(event);
        const state = JSON.parse(event.data) as JobJson;
        // Release the next step only once the stream has shown the previous one.
        if (state.status === 'running' && state.progress * 4 === released) {
          released += 1;
          stepGate.release(job.id);
        }
      }
      const last = events.at(-1)!;
      expect(last.event).toBe('end');
      expect(JSON.parse(last.data)).toMatchObject({
        status: 'succeeded',
        progress: 1,
        result: { steps: 4 },
        message: '4 steps done',
      });
      const running = events
        .filter((e) => e.event === 'progress')
        .map((e) => JSON.parse(e.data) as JobJson)
        .filter((p) => p.status === 'running')
        .map((p) => JSON.stringify([p.progress, p.message]))
        .filter((p, i, all) => p !== all[i - 1])
        .map((p) => JSON.parse(p) as unknown);
      expect(running).toEqual([
        [0, null],
        [0.25, 'step 1 of 4'],
        [0.5, 'step 2 of 4'],
        [0.75, 'step 3 of 4'],
      ]);
      expect(events.map((e) => Number(e.id))).toEqual(events.map((_, i) => i + 1));
    });

    it('cancels a running job through the API; its stream ends with cancelled', async () => {
      const job = await createJob(10_000, 20);
      const stream = await t.request(`/v1/workspaces/acme/jobs/${job.id}/events`, {
        key: t.acme.keys.analyst,
      });
      let cancelled = false;
      let final: JobJson | undefined;
      for await (const event of readSse(stream)) {
        const state = JSON.parse(event.data) as JobJson;
        if (!cancelled && state.status === 'running' && state.progress > 0) {
          const res = await t.request(`/v1/workspaces/acme/jobs/${job.id}/cancel`, {
            key: t.acme.keys.analyst,
            method: 'POST',
          });
          expect(res.status).toBe(202);
          expect(await res.json()).toMatchObject({ status: 'running', cancelRequested: true });
          cancelled = true;
        }
        if (event.event === 'end') final = state;
      }
      expect(final).toMatchObject({ status: 'cancelled', result: null });
      const again = await t.request(`/v1/workspaces/acme/jobs/${job.id}/cancel`, {
        key: t.acme.keys.analyst,
        method: 'POST',
      });
      expect(await again.json()).toMatchObject({ status: 'cancelled' });
    });

    it('refuses to cancel a finished job, lists jobs and rejects unknown kinds', async () => {
      const job = await createJob(1, 0);
      for await (const event of readSse(
        await t.request(`/v1/workspaces/acme/jobs/${job.id}/events`, { key: t.acme.keys.analyst }),
      )) {
        void event;
      }
      await expectProblem(
        await t.request(`/v1/workspaces/acme/jobs/${job.id}/cancel`, {
          key: t.acme.keys.analyst,
          method: 'POST',
        }),
        409,
        'conflict',
      );
      const list = await t.request('/v1/workspaces/acme/jobs?status=succeeded&kind=test-steps', {
        key: t.acme.keys.operator,
      });
      const items = ((await list.json()) as { items: JobJson[] }).items;
      expect(items.map((j) => j.id)).toContain(job.id);
      expect(items.every((j) => j.status === 'succeeded')).toBe(true);
      const unknown = await t.request('/v1/workspaces/acme/jobs', {
        key: t.acme.keys.analyst,
        json: { kind: 'mine-bitcoin', params: {} },
      });
      const problem = await expectProblem(unknown, 422, 'validation-failed');
      expect(problem.errors?.[0]?.path).toBe('kind');
      await expectProblem(
        await t.request('/v1/workspaces/acme/jobs/00000000-0000-4000-8000-000000000000', {
          key: t.acme.keys.analyst,
        }),
        404,
        'not-found',
      );
    });
  });
}
