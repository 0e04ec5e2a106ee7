import type { ChangeHook } from './change-hooks.ts';
import { insertAuditEntry } from './audit-log.repository.ts';
import { redactCustomerIdentifiers } from './customer-redaction.ts';

/**
 * Writes one audit row per change, inside the change's transaction (a rolled-back write
 * leaves no row). Customer identifiers are hashed and attribute values dropped first; the
 * change's per-customer events are not copied, only counted.
 */
export const auditChangeHook: ChangeHook = async (trx, change) => {
  const redacted = await redactCustomerIdentifiers(trx, change);
  await insertAuditEntry(trx, {
    workspace_id: change.workspaceId,
    actor_key_id: change.actor?.keyId ?? null,
    actor_name: change.actor?.name ?? null,
    actor_role: change.actor?.role ?? null,
    action: change.action,
    resource: change.resource,
    resource_id: redacted.resourceId,
    customer_hash: redacted.customerHash,
    data: JSON.stringify(
      change.events.length === 0
        ? redacted.data
        : { ...redacted.data, domainEvents: change.events.length },
    ),
    request_id: change.requestId,
  });
};
