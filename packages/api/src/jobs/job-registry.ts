import type { z } from 'zod';
import type { RecordChange } from '../audit/change-hooks.ts';
import type { Database, Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { Role } from '../keys/roles.ts';
import type { ProblemFieldError } from '../http/problem.ts';
import type { JobRow, JsonObject, JsonValue } from './job.table.ts';

/**
 * Runs `work` in its own transaction; `record` reports its changes to the audit log and the
 * webhook outbox with the worker's change hooks, the same ones the job's results go through.
 */
export type AuditedWrite = <T>(work: (trx: Db, record: RecordChange) => Promise<T>) => Promise<T>;

/** What a handler sees while it runs. */
export interface JobContext<Params> {
  readonly job: JobRow;
  readonly params: Params;
  /** For reads while running. Results are written only in `JobOutcome.persist`. */
  readonly db: Db;
  /** Aborted when a cancel is requested or the worker lost the job. */
  readonly signal: AbortSignal;
  readonly logger: Logger;
  /**
   * For the rare write that must come before the results, such as defaults a workspace gets
   * on first use. Results still belong in `JobOutcome.persist`.
   */
  readonly write: AuditedWrite;
  /**
   * Reports progress (0..1) and an optional message. Writes are throttled; the returned
   * promise settles once the state is known. Also checks for cancellation.
   */
  progress(fraction: number, message?: string): Promise<void>;
  /** Throws `JobCancelledError` once a cancel was requested: call it between steps. */
  throwIfCancelled(): void;
}

/**
 * What a handler returns. `persist` writes the handler's results inside the transaction
 * that marks the job succeeded, so a cancelled, crashed or lost job never replaces the
 * previous results. `result` and `message` are read after `persist` has run, so they may
 * report what it wrote (the suggest job's counts are filled in, and its message is a getter).
 */
export interface JobOutcome {
  readonly result: JsonValue;
  readonly message?: string;
  /** `record` reports the changes written (audit log, webhook events) in the same transaction. */
  readonly persist?: (trx: Db, record: RecordChange) => Promise<void>;
  /**
   * Tables the job rewrote in bulk. Their planner statistics are refreshed (ANALYZE) once the
   * results are committed, so the reads that follow are planned for the new row counts: on
   * PGlite nothing else would do it (it runs no autovacuum), and on a server autovacuum gets
   * to a fresh table only after a while.
   */
  readonly analyze?: readonly (keyof Database)[];
}

export interface JobHandler<Params extends JsonObject = JsonObject> {
  readonly kind: string;
  /** Validates `params` when the job is created (422 naming fields) and again before it runs. */
  readonly params: z.ZodType<Params>;
  /** Roles that may start this kind through the API. */
  readonly roles: readonly Role[];
  /**
   * Checks params against the workspace's data when the job is created — names that must
   * exist there, say — so the caller gets a 422 instead of a job that fails. `path` is
   * relative to the params. The worker checks again before `run`, since the data can change
   * between, and fails the job for good with what the check found.
   */
  checkAgainstWorkspace?(db: Db, workspaceId: string, params: Params): Promise<WorkspaceCheck>;
  /** Attempts before the job fails for good (crashes and transient errors). @default 3 */
  readonly maxAttempts?: number;
  readonly description: string;
  run(context: JobContext<Params>): Promise<JobOutcome>;
}

/** What `checkAgainstWorkspace` found wrong, if anything. */
export type WorkspaceCheck =
  | {
      readonly detail: string;
      readonly errors: ProblemFieldError[];
      /** The error code of a queued job the check refuses when it runs. @default 'job-failed' */
      readonly code?: string;
      /** That job's error message. @default `detail: <each error's message>` */
      readonly reason?: string;
    }
  | undefined;

/** The permanent failure of a queued job whose params the workspace check refuses. */
export function workspaceCheckFailure(found: NonNullable<WorkspaceCheck>): PermanentJobError {
  return new PermanentJobError(
    found.reason ?? `${found.detail}: ${found.errors.map((error) => error.message).join('; ')}`,
    found.code,
  );
}

/** Thrown by `throwIfCancelled`; the worker records the job as cancelled. */
export class JobCancelledError extends Error {
  override readonly name = 'JobCancelledError';
  constructor() {
    super('the job was cancelled');
  }
}

/** A failure that retrying cannot fix (bad input, invalid data): the job fails at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
  constructor(
    message: string,
    readonly code = 'job-failed',
  ) {
    super(message);
  }
}

/** Handlers by kind. Later features register clustering, training and scoring here. */
export class JobRegistry {
  readonly #handlers = new Map<string, JobHandler<JsonObject>>();

  register<Params extends JsonObject>(handler: JobHandler<Params>): this {
    if (this.#handlers.has(handler.kind)) {
      throw new Error(`a handler for job kind "${handler.kind}" is already registered`);
    }
    this.#handlers.set(handler.kind, handler as unknown as JobHandler<JsonObject>);
    return this;
  }

  get(kind: string): JobHandler<JsonObject> | undefined {
    return this.#handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.#handlers.keys()].sort();
  }
}
