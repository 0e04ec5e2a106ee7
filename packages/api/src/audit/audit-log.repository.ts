import type { Db } from '../db/database.ts';
import type { AuditLogRow, NewAuditLogRow } from './audit-log.table.ts';

export async function insertAuditEntry(db: Db, row: NewAuditLogRow): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

/** Which entries to read; every field narrows the result. */
export interface AuditFilter {
  /** `null` = entries outside any workspace; omitted = every workspace. */
  readonly workspaceId?: string | null | undefined;
  readonly actorKeyId?: string | undefined;
  readonly action?: string | undefined;
  readonly resource?: string | undefined;
  readonly resourceId?: string | undefined;
  readonly customerHash?: string | undefined;
  /** Inclusive. */
  readonly from?: Date | undefined;
  /** Exclusive. */
  readonly to?: Date | undefined;
}

/** An audit row with its workspace's slug (`null` outside a workspace or once it is gone). */
export type AuditEntryRow = AuditLogRow & { workspace_slug: string | null };

/**
 * One page of audit entries, newest first (keyset on the identity id: entries are numbered
 * in the order they were written).
 */
export async function listAuditEntries(
  db: Db,
  filter: AuditFilter,
  page: { beforeId?: number | undefined; limit: number },
): Promise<AuditEntryRow[]> {
  let query = db
    .selectFrom('audit_log as a')
    .leftJoin('workspaces as w', 'w.id', 'a.workspace_id')
    .selectAll('a')
    .select('w.slug as workspace_slug')
    .orderBy('a.id', 'desc')
    .limit(page.limit);
  if (filter.workspaceId === null) query = query.where('a.workspace_id', 'is', null);
  else if (filter.workspaceId !== undefined) {
    query = query.where('a.workspace_id', '=', filter.workspaceId);
  }
  if (filter.actorKeyId !== undefined)
    query = query.where('a.actor_key_id', '=', filter.actorKeyId);
  if (filter.action !== undefined) query = query.where('a.action', '=', filter.action);
  if (filter.resource !== undefined) query = query.where('a.resource', '=', filter.resource);
  if (filter.resourceId !== undefined) query = query.where('a.resource_id', '=', filter.resourceId);
  if (filter.customerHash !== undefined) {
    query = query.where('a.customer_hash', '=', filter.customerHash);
  }
  if (filter.from !== undefined) query = query.where('a.created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('a.created_at', '<', filter.to);
  if (page.beforeId !== undefined) query = query.where('a.id', '<', page.beforeId);
  return query.execute();
}
