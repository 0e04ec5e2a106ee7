import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { JobErrorInfo, JobRow, JobStatus, JsonObject, JsonValue } from './job.table.ts';

export async function enqueueJob(
  db: Db,
  job: {
    workspaceId: string;
    kind: string;
    params: JsonObject;
    maxAttempts?: number;
    createdBy?: string | null;
  },
): Promise<JobRow> {
  return db
    .insertInto('jobs')
    .values({
      workspace_id: job.workspaceId,
      kind: job.kind,
      params: JSON.stringify(job.params),
      result: null,
      error: null,
      message: null,
      locked_by: null,
      locked_at: null,
      heartbeat_at: null,
      started_at: null,
      finished_at: null,
      created_by: job.createdBy ?? null,
      ...(job.maxAttempts === undefined ? {} : { max_attempts: job.maxAttempts }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findJob(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<JobRow | undefined> {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first; keyset after the job `afterId` (compared inside SQL, microsecond-exact). */
export async function listJobs(
  db: Db,
  workspaceId: string,
  options: {
    afterId?: string | undefined;
    limit: number;
    kind?: string | undefined;
    status?: JobStatus | undefined;
  },
): Promise<JobRow[]> {
  let query = db
    .selectFrom('jobs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.kind !== undefined) query = query.where('kind', '=', options.kind);
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.afterId !== undefined) {
    query = query.where(
      sql<boolean>`(created_at, id) < (SELECT j.created_at, j.id FROM jobs j WHERE j.id = ${options.afterId})`,
    );
  }
  return query.execute();
}

/**
 * Claims the oldest runnable queued job of one of `kinds` for `workerId`. The inner
 * `FOR UPDATE SKIP LOCKED` makes concurrent claimers (other processes on a PostgreSQL
 * server) pass over rows another transaction is claiming, so each job is claimed once.
 */
export async function claimNextJob(
  db: Db,
  workerId: string,
  kinds: readonly string[],
): Promise<JobRow | undefined> {
  if (kinds.length === 0) return undefined;
  const result = await sql<JobRow>`
    UPDATE jobs
       SET status = 'running', locked_by = ${workerId}, locked_at = now(), heartbeat_at = now(),
           attempts = attempts + 1, started_at = coalesce(started_at, now()), updated_at = now()
     WHERE status = 'queued'
       AND id = (
         SELECT id FROM jobs
          WHERE status = 'queued' AND run_after <= now() AND kind IN (${sql.join(kinds)})
          ORDER BY run_after, created_at
          LIMIT 1
          FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(db);
  return result.rows[0];
}

/**
 * Proves the worker is alive and optionally records progress. Returns whether a cancel
 * was requested, or `undefined` when the worker no longer holds the job (recovered as stale).
 */
export async function heartbeatJob(
  db: Db,
  id: string,
  workerId: string,
  update: { progress?: number; message?: string } = {},
): Promise<{ cancelRequested: boolean } | undefined> {
  const row = await db
    .updateTable('jobs')
    .set({
      heartbeat_at: sql<Date>`now()`,
      // A bare heartbeat is not a change a reader (or the SSE stream) needs to see.
      ...(update.progress === undefined && update.message === undefined
        ? {}
        : { updated_at: sql<Date>`now()` }),
      ...(update.progress === undefined ? {} : { progress: update.progress }),
      ...(update.message === undefined ? {} : { message: update.message }),
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .returning('cancel_requested')
    .executeTakeFirst();
  return row === undefined ? undefined : { cancelRequested: row.cancel_requested };
}

/** Locks the job row if `workerId` still holds it (call inside the finishing transaction). */
export async function lockOwnedJob(
  trx: Db,
  id: string,
  workerId: string,
): Promise<JobRow | undefined> {
  return trx
    .selectFrom('jobs')
    .selectAll()
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .forUpdate()
    .executeTakeFirst();
}

/** Moves a held job to a terminal or re-queued state; no-op if the worker lost it. */
export async function releaseJob(
  db: Db,
  id: string,
  workerId: string,
  outcome:
    | { status: 'succeeded'; result: JsonValue; message?: string | undefined }
    | { status: 'failed'; error: JobErrorInfo }
    | { status: 'cancelled' }
    | { status: 'queued'; error: JobErrorInfo; retryDelayMs: number },
): Promise<boolean> {
  const terminal = outcome.status !== 'queued';
  const rows = await db
    .updateTable('jobs')
    .set({
      status: outcome.status,
      locked_by: null,
      locked_at: null,
      updated_at: sql<Date>`now()`,
      ...(terminal ? { finished_at: sql<Date>`now()` } : {}),
      ...(outcome.status === 'succeeded'
        ? {
            result: JSON.stringify(outcome.result),
            progress: 1,
            message: outcome.message ?? 'done',
            error: null,
          }
        : {}),
      ...(outcome.status === 'failed'
        ? { error: JSON.stringify(outcome.error), message: outcome.error.message }
        : {}),
      ...(outcome.status === 'cancelled' ? { message: 'cancelled' } : {}),
      ...(outcome.status === 'queued'
        ? {
            error: JSON.stringify(outcome.error),
            message: `retrying after: ${outcome.error.message}`,
            run_after: sql<Date>`now() + make_interval(secs => ${outcome.retryDelayMs / 1000})`,
          }
        : {}),
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .where('status', '=', 'running')
    .returning('id')
    .execute();
  return rows.length > 0;
}

/**
 * Cancels a job: a queued job becomes `cancelled` at once; a running one gets
 * `cancel_requested` (its handler stops at its next check). Returns the job after the
 * change, or `undefined` when it does not exist in the workspace.
 */
export async function requestJobCancel(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<JobRow | undefined> {
  const changed = await sql<JobRow>`
    UPDATE jobs
       SET cancel_requested = true,
           status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
           finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END,
           message = CASE WHEN status = 'queued' THEN 'cancelled' ELSE 'cancel requested' END,
           updated_at = now()
     WHERE workspace_id = ${workspaceId} AND id = ${id} AND status IN ('queued', 'running')
    RETURNING *`.execute(db);
  return changed.rows[0] ?? (await findJob(db, workspaceId, id));
}

/**
 * Re-queues (or fails, after `max_attempts`; or cancels, when asked) running jobs whose
 * worker stopped heartbeating for `staleAfterMs`. Their partial work was never committed:
 * handlers write results only in the finishing transaction, which checks the lock.
 */
export async function recoverStaleJobs(
  db: Db,
  staleAfterMs: number,
): Promise<{ id: string; status: JobStatus }[]> {
  const result = await sql<{ id: string; status: JobStatus }>`
    UPDATE jobs
       SET status = CASE WHEN cancel_requested THEN 'cancelled'
                         WHEN attempts >= max_attempts THEN 'failed'
                         ELSE 'queued' END,
           error = CASE WHEN cancel_requested THEN error
                        ELSE jsonb_build_object('code', 'worker-lost',
                          'message', 'the worker stopped responding (attempt ' || attempts || ' of ' || max_attempts || ')')
                   END,
           message = CASE WHEN cancel_requested THEN 'cancelled'
                          WHEN attempts >= max_attempts THEN 'the worker stopped responding'
                          ELSE 'the worker stopped responding; queued again' END,
           finished_at = CASE WHEN cancel_requested OR attempts >= max_attempts THEN now() ELSE NULL END,
           locked_by = NULL, locked_at = NULL, updated_at = now()
     WHERE status = 'running'
       AND heartbeat_at < now() - make_interval(secs => ${staleAfterMs / 1000})
    RETURNING id, status`.execute(db);
  return result.rows;
}
