import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Why a job failed, as stored and shown (never a stack trace). */
export interface JobErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly [key: string]: JsonValue;
}

export interface JobTable {
  id: Generated<string>;
  workspace_id: string;
  kind: string;
  status: Generated<JobStatus>;
  /** 0..1 */
  progress: Generated<number>;
  message: string | null;
  params: JSONColumnType<JsonObject, string, string>;
  result: ColumnType<JsonValue | null, string | null, string | null>;
  error: JSONColumnType<JobErrorInfo | null, string | null, string | null>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  /** The worker that holds the job while it runs. */
  locked_by: string | null;
  locked_at: Date | null;
  heartbeat_at: Date | null;
  cancel_requested: Generated<boolean>;
  /** The API key that asked for the job (kept when the key is revoked). */
  created_by: string | null;
  /** Not claimed before this time (retry back-off). */
  run_after: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: ColumnType<Date, never, never>;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: ColumnType<Date, never, Date | string>;
}

export type JobRow = Selectable<JobTable>;
export type NewJobRow = Insertable<JobTable>;
