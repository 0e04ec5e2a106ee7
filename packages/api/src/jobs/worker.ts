import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { EngineError } from '@tagwise/engine';
import { changeRecorder, writeTransaction, type ChangeHook } from '../audit/change-hooks.ts';
import type { Database, Db } from '../db/database.ts';
import { errorFields, type Logger } from '../logger.ts';
import {
  claimNextJob,
  heartbeatJob,
  lockOwnedJob,
  recoverStaleJobs,
  releaseJob,
} from './job.repository.ts';
import {
  JobCancelledError,
  PermanentJobError,
  workspaceCheckFailure,
  type JobContext,
  type JobOutcome,
  type JobRegistry,
} from './job-registry.ts';
import type { JobErrorInfo, JobRow } from './job.table.ts';
import { PollPause } from './poll-pause.ts';

/** How one attempt of a job ended. */
export type JobAttemptOutcome =
  'succeeded' | 'failed' | 'retrying' | 'cancelled' | 'interrupted' | 'lost' | 'unknown-kind';

/** One attempt of a job, as metrics see it. */
export interface JobObservation {
  readonly kind: string;
  readonly outcome: JobAttemptOutcome;
  readonly seconds: number;
}

export interface WorkerOptions {
  readonly db: Db;
  readonly registry: JobRegistry;
  readonly logger: Logger;
  /** @default `<host>:<pid>:<random>` */
  readonly workerId?: string;
  /** Wait between polls when the queue is empty. @default 1000 */
  readonly pollIntervalMs?: number;
  /** @default 5000 */
  readonly heartbeatIntervalMs?: number;
  /** A running job without a heartbeat for this long is recovered. @default 60000 */
  readonly staleAfterMs?: number;
  /** Delay before a failed attempt is retried, times the attempt number. @default 5000 */
  readonly retryDelayMs?: number;
  /** Minimum gap between progress writes. @default 200 */
  readonly progressIntervalMs?: number;
  /** Run inside the transaction that persists a job's results (audit log, webhook outbox). @default [] */
  readonly changeHooks?: readonly ChangeHook[];
  /** Told how each attempt ended and how long it ran (metrics). */
  readonly observeJob?: (observation: JobObservation) => void;
}

export interface Worker {
  readonly id: string;
  /** Starts the poll loop in the background. */
  start(): void;
  /** Stops polling and waits for the running job to settle (it is cancelled, not lost). */
  stop(): Promise<void>;
  /** Claims and runs at most one job; true when one ran. */
  runOnce(): Promise<boolean>;
  /** Recovers stale jobs now. */
  recover(): Promise<number>;
}

/** Why a job was interrupted when its worker shuts down: it goes back to the queue. */
class WorkerStoppingError extends Error {
  override readonly name = 'WorkerStoppingError';
}

const errorInfo = (error: unknown): JobErrorInfo => {
  if (error instanceof EngineError) return { code: `engine:${error.code}`, message: error.message };
  if (error instanceof PermanentJobError) return { code: error.code, message: error.message };
  return { code: 'job-error', message: error instanceof Error ? error.message : String(error) };
};

const isPermanent = (error: unknown): boolean =>
  error instanceof EngineError || error instanceof PermanentJobError;

/**
 * A worker: polls the job table, claims one job at a time, runs its handler with progress,
 * heartbeat and cancellation, and records the outcome. Several workers (in several
 * processes when the database is a PostgreSQL server) share the queue safely.
 *
 * @example
 * const worker = createWorker({ db, registry, logger });
 * worker.start();
 * await worker.stop();
 */
export function createWorker(options: WorkerOptions): Worker {
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 5000;
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  const retryDelayMs = options.retryDelayMs ?? 5000;
  const progressIntervalMs = options.progressIntervalMs ?? 200;
  const changeHooks = options.changeHooks ?? [];
  const { db, registry, logger, observeJob } = options;

  let running = false;
  let loop: Promise<void> | undefined;
  const pause = new PollPause();
  let current: AbortController | undefined;
  let lastRecovery = 0;

  async function execute(job: JobRow): Promise<void> {
    const handler = registry.get(job.kind);
    if (handler === undefined) {
      await releaseJob(db, job.id, id, {
        status: 'failed',
        error: { code: 'unknown-kind', message: `no handler for job kind "${job.kind}"` },
      });
      observeJob?.({ kind: job.kind, outcome: 'unknown-kind', seconds: 0 });
      return;
    }
    const controller = new AbortController();
    current = controller;
    let lostLock = false;
    const beat = async (update: { progress?: number; message?: string } = {}) => {
      const state = await heartbeatJob(db, job.id, id, update);
      if (state === undefined) {
        lostLock = true;
        controller.abort(new Error('lost the job lock'));
      } else if (state.cancelRequested) {
        controller.abort(new JobCancelledError());
      }
    };
    const heartbeat = setInterval(() => {
      beat().catch((error: unknown) =>
        logger.warn({ msg: 'job heartbeat failed', jobId: job.id, ...errorFields(error) }),
      );
    }, heartbeatIntervalMs);
    let lastProgressWrite = 0;
    const context: JobContext<typeof job.params> = {
      job,
      params: job.params,
      db,
      signal: controller.signal,
      logger,
      // The system acts for a job; the audit names the job, not a key.
      write: (work) => writeTransaction({ db, actor: null, requestId: null, changeHooks }, work),
      async progress(fraction, message) {
        const now = Date.now();
        if (fraction < 1 && now - lastProgressWrite < progressIntervalMs) return;
        lastProgressWrite = now;
        await beat({
          progress: Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0)),
          ...(message === undefined ? {} : { message }),
        });
      },
      throwIfCancelled() {
        // Any abort (cancel, shutdown, lost lock) stops the handler; the catch below tells them apart.
        if (controller.signal.aborted) throw new JobCancelledError();
      },
    };
    const started = Date.now();
    let outcome: JobAttemptOutcome = 'failed';
    try {
      const parsed = handler.params.safeParse(job.params);
      if (!parsed.success) {
        throw new PermanentJobError(`invalid params: ${parsed.error.message}`, 'invalid-params');
      }
      // Checked again: what the params name can be gone since the job was queued.
      const refused = await handler.checkAgainstWorkspace?.(db, job.workspace_id, parsed.data);
      if (refused !== undefined) throw workspaceCheckFailure(refused);
      await finish(job, await handler.run({ ...context, params: parsed.data }));
      outcome = 'succeeded';
      logger.info({
        msg: 'job succeeded',
        jobId: job.id,
        kind: job.kind,
        ms: Date.now() - started,
      });
    } catch (error) {
      if (lostLock) {
        outcome = 'lost';
        logger.warn({ msg: 'job lost to stale-lock recovery; outcome discarded', jobId: job.id });
      } else if (controller.signal.reason instanceof WorkerStoppingError) {
        await releaseJob(db, job.id, id, {
          status: 'queued',
          error: { code: 'worker-stopped', message: 'the worker shut down' },
          retryDelayMs: 0,
        });
        outcome = 'interrupted';
        logger.info({ msg: 'job handed back to the queue at shutdown', jobId: job.id });
      } else if (
        error instanceof JobCancelledError ||
        controller.signal.reason instanceof JobCancelledError
      ) {
        await releaseJob(db, job.id, id, { status: 'cancelled' });
        outcome = 'cancelled';
        logger.info({ msg: 'job cancelled', jobId: job.id, kind: job.kind });
      } else if (!isPermanent(error) && job.attempts < job.max_attempts) {
        await releaseJob(db, job.id, id, {
          status: 'queued',
          error: errorInfo(error),
          retryDelayMs: retryDelayMs * job.attempts,
        });
        outcome = 'retrying';
        logger.warn({
          msg: 'job attempt failed; will retry',
          jobId: job.id,
          ...errorFields(error),
        });
      } else {
        const info = errorInfo(error);
        await releaseJob(db, job.id, id, { status: 'failed', error: info });
        // A job refused by its input or data is the caller's to fix: no stack to read.
        if (isPermanent(error)) {
          logger.warn({ msg: 'job failed', jobId: job.id, kind: job.kind, error: info });
        } else {
          logger.error({ msg: 'job failed', jobId: job.id, kind: job.kind, ...errorFields(error) });
        }
      }
    } finally {
      clearInterval(heartbeat);
      current = undefined;
      observeJob?.({ kind: job.kind, outcome, seconds: (Date.now() - started) / 1000 });
    }
  }

  /** Persists results and marks success in one transaction, only if the job is still ours and not cancelled. */
  async function finish(job: JobRow, outcome: JobOutcome): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const held = await lockOwnedJob(trx, job.id, id);
      if (held === undefined) throw new Error('lost the job lock before finishing');
      if (held.cancel_requested) throw new JobCancelledError();
      if (outcome.persist !== undefined) {
        // The system acts for a job; the audit names the job, not a key.
        const record = changeRecorder(trx, { actor: null, requestId: null, changeHooks });
        await outcome.persist(trx, record);
      }
      await releaseJob(trx, job.id, id, {
        status: 'succeeded',
        result: outcome.result,
        message: outcome.message,
      });
    });
    await analyzeTables(job, outcome.analyze ?? []);
  }

  /** Refreshes planner statistics; the job has succeeded already, so a failure is only logged. */
  async function analyzeTables(job: JobRow, tables: readonly (keyof Database)[]): Promise<void> {
    try {
      for (const table of tables) await sql`ANALYZE ${sql.table(table)}`.execute(db);
    } catch (error) {
      logger.warn({
        msg: 'refreshing planner statistics failed',
        jobId: job.id,
        ...errorFields(error),
      });
    }
  }

  async function recover(): Promise<number> {
    lastRecovery = Date.now();
    const recovered = await recoverStaleJobs(db, staleAfterMs);
    for (const job of recovered) {
      logger.warn({ msg: 'recovered a stale job', jobId: job.id, status: job.status });
    }
    return recovered.length;
  }

  async function runOnce(): Promise<boolean> {
    if (Date.now() - lastRecovery >= Math.min(staleAfterMs, 30_000)) await recover();
    const job = await claimNextJob(db, id, registry.kinds());
    if (job === undefined) return false;
    logger.info({
      msg: 'job claimed',
      jobId: job.id,
      kind: job.kind,
      attempt: job.attempts,
      workerId: id,
    });
    await execute(job);
    return true;
  }

  async function pollLoop(): Promise<void> {
    while (running) {
      let ran = false;
      try {
        ran = await runOnce();
      } catch (error) {
        logger.error({ msg: 'worker poll failed', workerId: id, ...errorFields(error) });
      }
      if (!ran && running) {
        await pause.sleep(pollIntervalMs);
      }
    }
  }

  return {
    id,
    start() {
      if (running) return;
      running = true;
      loop = pollLoop();
    },
    async stop() {
      running = false;
      current?.abort(new WorkerStoppingError('the worker is stopping'));
      pause.wake();
      await loop;
    },
    runOnce,
    recover,
  };
}
