import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../db/database.ts';

async function findSalt(db: Db, workspaceId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_salts')
    .select('salt')
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  return row?.salt;
}

/** The workspace's audit salt, made (32 random bytes) the first time it is needed. */
export async function workspaceSalt(db: Db, workspaceId: string): Promise<string> {
  const existing = await findSalt(db, workspaceId);
  if (existing !== undefined) return existing;
  // A concurrent first use waits on the conflict and then reads the winner's salt.
  await db
    .insertInto('audit_salts')
    .values({ workspace_id: workspaceId, salt: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('workspace_id').doNothing())
    .execute();
  const salt = await findSalt(db, workspaceId);
  if (salt === undefined) throw new Error(`no audit salt for workspace ${workspaceId}`);
  return salt;
}

/** HMAC-SHA256 (hex) of `externalId` keyed with `salt`. */
export function hashWithSalt(salt: string, externalId: string): string {
  return createHmac('sha256', Buffer.from(salt, 'hex')).update(externalId, 'utf8').digest('hex');
}

/**
 * How the audit log names a customer: HMAC-SHA256 of the external id keyed with the
 * workspace's salt. The same customer always gets the same hash within a workspace (so the
 * log can be filtered by customer), the id cannot be read back, and without the salt an id
 * cannot be confirmed by hashing guesses.
 *
 * @example
 * const hash = await customerHash(trx, workspace.id, 'cust-42');
 */
export async function customerHash(
  db: Db,
  workspaceId: string,
  externalId: string,
): Promise<string> {
  return hashWithSalt(await workspaceSalt(db, workspaceId), externalId);
}

/**
 * The hash `customerHash` gives, for reads: `undefined` while the workspace has no salt (then
 * no audit entry names any of its customers), and no salt is made.
 */
export async function existingCustomerHash(
  db: Db,
  workspaceId: string,
  externalId: string,
): Promise<string | undefined> {
  const salt = await findSalt(db, workspaceId);
  return salt === undefined ? undefined : hashWithSalt(salt, externalId);
}
