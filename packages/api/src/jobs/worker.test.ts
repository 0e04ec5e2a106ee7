import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EngineError } from '@tagwise/engine';
import { systemContext, type ChangeRecord } from '../audit/change-hooks.ts';
import { createMemoryLogger } from '../logger.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { JobRegistry, type JobHandler } from './job-registry.ts';
import {
  claimNextJob,
  enqueueJob,
  findJob,
  heartbeatJob,
  listJobs,
  recoverStaleJobs,
  requestJobCancel,
} from './job.repository.ts';
import { cancelJob, createJob } from './job.service.ts';
import { createWorker } from './worker.ts';

/** A handler whose results are rows in `test_results`: written only when the job succeeds. */
const recordingJob = (
  behaviour: (params: { value: number }, attempt: number) => Promise<void> = async () => {},
): JobHandler<{ value: number }> => ({
  kind: 'record',
  description: 'writes its value to test_results',
  roles: ['admin', 'analyst'],
  params: z.object({ value: z.number().int() }),
  async run(context) {
    await context.progress(0.5, 'half way');
    await behaviour(context.params, context.job.attempts);
    context.throwIfCancelled();
    return {
      result: { value: context.params.value },
      persist: async (trx) => {
        await sql`INSERT INTO test_results (job_id, value) VALUES (${context.job.id}, ${context.params.value})`.execute(
          trx,
        );
      },
    };
  },
});

for (const kind of testDatabaseKinds()) {
  describe(`job queue on ${kind}`, () => {
    let database: TestDatabase;
    let workspace: WorkspaceRow;
    const logger = createMemoryLogger();

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      workspace = await createWorkspace(systemContext(database.db), { slug: 'jobs' });
      await sql`CREATE TABLE test_results (job_id uuid NOT NULL, value integer NOT NULL)`.execute(
        database.db,
      );
    });
    afterAll(() => database.destroy());
    beforeEach(async () => {
      await sql`DELETE FROM jobs`.execute(database.db);
      await sql`DELETE FROM test_results`.execute(database.db);
    });

    const enqueue = (kindName: string, value = 1, maxAttempts?: number) =>
      enqueueJob(database.db, {
        workspaceId: workspace.id,
        kind: kindName,
        params: { value },
        ...(maxAttempts === undefined ? {} : { maxAttempts }),
      });
    const results = async () =>
      (
        await sql<{ value: number }>`SELECT value FROM test_results ORDER BY value`.execute(
          database.db,
        )
      ).rows.map((r) => r.value);

    it('claims oldest first, only registered kinds, and each job once under concurrent claims', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) ids.push((await enqueue('record', i)).id);
      await enqueue('other-kind');
      const claims = await Promise.all(
        Array.from({ length: 8 }, (_, i) => claimNextJob(database.db, `w${i % 2}`, ['record'])),
      );
      const claimed = claims.filter((c) => c !== undefined).map((c) => c.id);
      expect(claimed).toHaveLength(6);
      expect(new Set(claimed).size).toBe(6);
      expect([...claimed].sort()).toEqual([...ids].sort());
      const first = claims.find((c) => c !== undefined)!;
      expect(first.status).toBe('running');
      expect(first.attempts).toBe(1);
      expect(await claimNextJob(database.db, 'w0', [])).toBeUndefined();
    });

    it('runs a job: progress, result and the handler’s rows land together', async () => {
      const registry = new JobRegistry().register(recordingJob());
      const worker = createWorker({ db: database.db, registry, logger, progressIntervalMs: 0 });
      const job = await enqueue('record', 7);
      expect(await worker.runOnce()).toBe(true);
      const done = (await findJob(database.db, workspace.id, job.id))!;
      expect(done).toMatchObject({ status: 'succeeded', progress: 1, result: { value: 7 } });
      expect(done.finished_at).not.toBeNull();
      expect(done.locked_by).toBeNull();
      expect(await results()).toEqual([7]);
      expect(await worker.runOnce()).toBe(false);
    });

    it("passes a job's early writes through the worker's change hooks, even if the job then fails", async () => {
      const seen: ChangeRecord[] = [];
      const seeding: JobHandler<{ value: number }> = {
        ...recordingJob(),
        kind: 'seed-then-fail',
        async run(context) {
          await context.write(async (trx, record) => {
            await sql`INSERT INTO test_results (job_id, value) VALUES (${context.job.id}, ${context.params.value})`.execute(
              trx,
            );
            await record({
              action: 'defaults.stored',
              resource: 'test-result',
              resourceId: context.job.id,
              workspaceId: context.job.workspace_id,
            });
          });
          throw new Error('failed after storing its defaults');
        },
      };
      const worker = createWorker({
        db: database.db,
        registry: new JobRegistry().register(seeding),
        logger,
        changeHooks: [(_trx, change) => Promise.resolve(void seen.push(change))],
      });
      const job = await enqueue('seed-then-fail', 4, 1);
      expect(await worker.runOnce()).toBe(true);
      expect((await findJob(database.db, workspace.id, job.id))!.status).toBe('failed');
      // Defaults are not results: they stay, as the audit says.
      expect(await results()).toEqual([4]);
      expect(seen).toEqual([
        expect.objectContaining({ action: 'defaults.stored', actor: null, requestId: null }),
      ]);
    });

    it('refreshes the planner statistics of the tables a job rewrote once it succeeded', async () => {
      const plannedRows = async () =>
        (
          await sql<{ reltuples: number }>`
            SELECT reltuples FROM pg_class WHERE oid = 'workspaces'::regclass`.execute(database.db)
        ).rows[0]!.reltuples;
      // -1: never analysed (too few changes for autovacuum on a server, none at all on PGlite).
      expect(await plannedRows()).toBe(-1);
      const analysing: JobHandler<{ value: number }> = {
        ...recordingJob(),
        kind: 'record-and-analyse',
        async run(context) {
          return { ...(await recordingJob().run(context)), analyze: ['workspaces'] };
        },
      };
      const registry = new JobRegistry().register(analysing);
      const worker = createWorker({ db: database.db, registry, logger, progressIntervalMs: 0 });
      await enqueue('record-and-analyse', 3);
      expect(await worker.runOnce()).toBe(true);
      expect(await results()).toEqual([3]);
      expect(await plannedRows()).toBe(1);
    });

    it('cancels a queued job at once and a running job at its next check, writing nothing', async () => {
      const queued = await enqueue('record', 1);
      const cancelled = await requestJobCancel(database.db, workspace.id, queued.id);
      expect(cancelled?.status).toBe('cancelled');

      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      const registry = new JobRegistry().register(
        recordingJob(async () => {
          started();
          await gate;
        }),
      );
      const worker = createWorker({ db: database.db, registry, logger, progressIntervalMs: 0 });
      const job = await enqueue('record', 2);
      const run = worker.runOnce();
      await running;
      const requested = await cancelJob(systemContext(database.db), workspace, job.id);
      expect(requested).toMatchObject({ status: 'running', cancel_requested: true });
      release();
      await run;
      expect((await findJob(database.db, workspace.id, job.id))?.status).toBe('cancelled');
      expect(await results()).toEqual([]);
    });

    it('keeps the previous results when a job that ignores cancellation finishes', async () => {
      let started!: () => void;
      const running = new Promise<void>((resolve) => (started = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const stubborn: JobHandler<{ value: number }> = {
        ...recordingJob(),
        async run(context) {
          started();
          await gate; // never calls throwIfCancelled
          return {
            result: null,
            persist: async (trx) => {
              await sql`INSERT INTO test_results (job_id, value) VALUES (${context.job.id}, 99)`.execute(
                trx,
              );
            },
          };
        },
      };
      const worker = createWorker({
        db: database.db,
        registry: new JobRegistry().register(stubborn),
        logger,
      });
      const job = await enqueue('record', 3);
      const run = worker.runOnce();
      await running;
      await requestJobCancel(database.db, workspace.id, job.id);
      release();
      await run;
      expect((await findJob(database.db, workspace.id, job.id))?.status).toBe('cancelled');
      expect(await results()).toEqual([]);
    });

    it('retries a transient failure, then fails for good after max attempts', async () => {
      const registry = new JobRegistry().register(
        recordingJob(async (_params, attempt) => {
          if (attempt < 3) throw new Error(`flaky ${attempt}`);
        }),
      );
      const worker = createWorker({ db: database.db, registry, logger, retryDelayMs: 0 });
      const job = await enqueue('record', 5, 3);
      await worker.runOnce();
      const retrying = (await findJob(database.db, workspace.id, job.id))!;
      expect(retrying).toMatchObject({ status: 'queued', attempts: 1 });
      expect(retrying.error).toEqual({ code: 'job-error', message: 'flaky 1' });
      await worker.runOnce();
      await worker.runOnce();
      expect(await findJob(database.db, workspace.id, job.id)).toMatchObject({
        status: 'succeeded',
        attempts: 3,
        error: null,
      });
      expect(await results()).toEqual([5]);

      const alwaysFails = new JobRegistry().register(
        recordingJob(async () => {
          throw new Error('broken');
        }),
      );
      const failing = createWorker({
        db: database.db,
        registry: alwaysFails,
        logger,
        retryDelayMs: 0,
      });
      const doomed = await enqueue('record', 6, 2);
      await failing.runOnce();
      await failing.runOnce();
      expect(await findJob(database.db, workspace.id, doomed.id)).toMatchObject({
        status: 'failed',
        attempts: 2,
        error: { code: 'job-error', message: 'broken' },
      });
      // Unexpected: logged as an error with its stack.
      expect(
        logger.records.find((r) => r.msg === 'job failed' && r.jobId === doomed.id),
      ).toMatchObject({
        level: 'error',
        error: { message: 'broken', stack: expect.stringContaining('Error: broken') },
      });
    });

    it('fails at once on an engine error (retrying cannot fix bad input)', async () => {
      const registry = new JobRegistry().register(
        recordingJob(async () => {
          throw new EngineError('empty_input', 'points: no rows');
        }),
      );
      const worker = createWorker({ db: database.db, registry, logger, retryDelayMs: 0 });
      const job = await enqueue('record', 1, 3);
      await worker.runOnce();
      expect(await findJob(database.db, workspace.id, job.id)).toMatchObject({
        status: 'failed',
        attempts: 1,
        error: { code: 'engine:empty_input', message: 'points: no rows' },
      });
      // The input's fault, not the service's: a warning naming the reason, no stack.
      expect(logger.records.find((r) => r.msg === 'job failed' && r.jobId === job.id)).toEqual({
        level: 'warn',
        msg: 'job failed',
        jobId: job.id,
        kind: 'record',
        error: { code: 'engine:empty_input', message: 'points: no rows' },
      });
    });

    it('recovers jobs whose worker stopped heartbeating, and ignores a late finish by that worker', async () => {
      const job = await enqueue('record', 8, 2);
      const claimed = (await claimNextJob(database.db, 'dead-worker', ['record']))!;
      expect(claimed.id).toBe(job.id);
      await sql`UPDATE jobs SET heartbeat_at = now() - interval '10 minutes'`.execute(database.db);
      expect(await recoverStaleJobs(database.db, 60_000)).toEqual([
        { id: job.id, status: 'queued' },
      ]);
      expect(await heartbeatJob(database.db, job.id, 'dead-worker')).toBeUndefined();

      const registry = new JobRegistry().register(recordingJob());
      const worker = createWorker({ db: database.db, registry, logger });
      await worker.runOnce();
      expect(await findJob(database.db, workspace.id, job.id)).toMatchObject({
        status: 'succeeded',
        attempts: 2,
      });
      expect(await results()).toEqual([8]);

      const last = await enqueue('record', 9, 1);
      await claimNextJob(database.db, 'dead-worker', ['record']);
      await sql`UPDATE jobs SET heartbeat_at = now() - interval '10 minutes' WHERE id = ${last.id}`.execute(
        database.db,
      );
      expect(await recoverStaleJobs(database.db, 60_000)).toEqual([
        { id: last.id, status: 'failed' },
      ]);
      expect((await findJob(database.db, workspace.id, last.id))?.error).toMatchObject({
        code: 'worker-lost',
      });
    });

    it('validates kind, role and params when a job is created', async () => {
      const registry = new JobRegistry().register(recordingJob());
      const ctx = systemContext(database.db);
      await expect(
        createJob(ctx, registry, workspace, { kind: 'nope', params: {} }),
      ).rejects.toMatchObject({
        slug: 'validation-failed',
        errors: [{ path: 'kind', message: 'one of: record' }],
      });
      await expect(
        createJob(ctx, registry, workspace, { kind: 'record', params: { value: 'x' } }),
      ).rejects.toMatchObject({ slug: 'validation-failed', errors: [{ path: 'params.value' }] });
      const operator = {
        ...ctx,
        actor: {
          keyId: '00000000-0000-4000-8000-000000000000',
          role: 'operator' as const,
          workspaceId: workspace.id,
          name: 'op',
        },
      };
      await expect(
        createJob(operator, registry, workspace, { kind: 'record', params: { value: 1 } }),
      ).rejects.toMatchObject({ slug: 'forbidden' });
      const job = await createJob(ctx, registry, workspace, {
        kind: 'record',
        params: { value: 1 },
      });
      expect(job).toMatchObject({ status: 'queued', kind: 'record', params: { value: 1 } });
    });

    it('lists jobs newest first with a keyset cursor', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push((await enqueue('record', i)).id);
      const first = await listJobs(database.db, workspace.id, { limit: 2 });
      const second = await listJobs(database.db, workspace.id, { limit: 2, afterId: first[1]!.id });
      const third = await listJobs(database.db, workspace.id, { limit: 2, afterId: second[1]!.id });
      const all = await listJobs(database.db, workspace.id, { limit: 100 });
      // Pages concatenate to the unpaged order: no job skipped or repeated at page edges.
      expect([...first, ...second, ...third].map((j) => j.id)).toEqual(all.map((j) => j.id));
      expect([...all.map((j) => j.id)].sort()).toEqual([...ids].sort());
    });
  });
}
