import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { JsonObject } from '../jobs/job.table.ts';

/** One change, as the audit log keeps it. Rows are never updated or deleted (a trigger refuses). */
export interface AuditLogTable {
  /** bigint identity: the order entries were written in. */
  id: ColumnType<number, never, never>;
  workspace_id: string | null;
  actor_key_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  resource: string;
  resource_id: string;
  /** Salted hash of the customer's external id when the change is about one customer. */
  customer_hash: string | null;
  data: JSONColumnType<JsonObject, string, never>;
  request_id: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;

/** The per-workspace secret that customer hashes in the audit log are keyed with. */
export interface AuditSaltTable {
  workspace_id: string;
  /** 32 random bytes, hex. */
  salt: string;
  created_at: Generated<Date>;
}
