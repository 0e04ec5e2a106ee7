import type { Db } from '../db/database.ts';
import { decodeCursor, toPage, type Page } from '../http/cursor.ts';
import { ProblemError } from '../http/problem.ts';
import type { Principal } from '../keys/principal.ts';
import { ROLES, type Role } from '../keys/roles.ts';
import { getVisibleWorkspace } from '../workspaces/workspace.service.ts';
import { listAuditEntries, type AuditEntryRow, type AuditFilter } from './audit-log.repository.ts';
import type { AuditEntryView, AuditQuery } from './audit.schema.ts';
import { existingCustomerHash } from './customer-hash.ts';

const isRole = (role: string | null): role is Role => ROLES.includes(role as Role);

export function toAuditEntryView(row: AuditEntryRow): AuditEntryView {
  return {
    id: String(row.id),
    at: row.created_at.toISOString(),
    workspace: row.workspace_slug,
    actor:
      row.actor_key_id === null || !isRole(row.actor_role)
        ? null
        : { keyId: row.actor_key_id, name: row.actor_name ?? '', role: row.actor_role },
    action: row.action,
    resource: row.resource,
    resourceId: row.resource_id,
    data: row.data,
    requestId: row.request_id,
  };
}

/** The workspace an audit read is confined to: the one asked for, else the key's own. */
async function workspaceIdFor(
  db: Db,
  principal: Principal,
  slug: string | undefined,
): Promise<string | undefined> {
  if (slug !== undefined) return (await getVisibleWorkspace(db, principal, slug)).id;
  return principal.workspaceId ?? undefined;
}

/**
 * The hash a `customer` filter matches: `null` when the workspace has no salt yet (then no
 * entry names any of its customers).
 */
async function customerHashFor(
  db: Db,
  workspaceId: string | undefined,
  externalId: string,
): Promise<string | null> {
  if (workspaceId === undefined) {
    throw new ProblemError('invalid-parameters', 'a customer filter needs a workspace', [
      {
        path: 'query.workspace',
        message: 'customers are hashed with a per-workspace salt: name the workspace',
      },
    ]);
  }
  return (await existingCustomerHash(db, workspaceId, externalId)) ?? null;
}

/**
 * One page of the audit log, newest first, as `principal` may see it: an all-workspace admin
 * reads everything, a workspace admin only its workspace. `customer` is matched through the
 * workspace's salted hash, so it needs a workspace.
 */
export async function readAuditPage(
  db: Db,
  principal: Principal,
  query: AuditQuery,
): Promise<Page<AuditEntryView>> {
  const workspaceId = await workspaceIdFor(db, principal, query.workspace);
  const customerHash =
    query.customer === undefined
      ? undefined
      : await customerHashFor(db, workspaceId, query.customer);
  if (customerHash === null) return { items: [], nextCursor: null };
  const filter: AuditFilter = {
    workspaceId,
    actorKeyId: query.actor,
    action: query.action,
    resource: query.resource,
    resourceId: query.resourceId,
    customerHash,
    from: query.from,
    to: query.to,
  };
  const after = decodeCursor(query.cursor, /^\d{1,18}$/);
  const rows = await listAuditEntries(db, filter, {
    beforeId: after === undefined ? undefined : Number(after),
    limit: query.limit + 1,
  });
  return toPage(rows, query.limit, (row) => String(row.id), toAuditEntryView);
}
