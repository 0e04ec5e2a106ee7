import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { ApiKeyRow, NewApiKeyRow } from './api-key.table.ts';

export async function insertApiKey(db: Db, key: NewApiKeyRow): Promise<ApiKeyRow> {
  return db.insertInto('api_keys').values(key).returningAll().executeTakeFirstOrThrow();
}

/** Inserts a key unless one with the same hash exists (the bootstrap key is re-declared on every start). */
export async function insertApiKeyIfAbsent(db: Db, key: NewApiKeyRow): Promise<void> {
  await db
    .insertInto('api_keys')
    .values(key)
    .onConflict((oc) => oc.column('key_hash').doNothing())
    .execute();
}

/** The unrevoked key with this secret hash. */
export async function findActiveKeyByHash(db: Db, keyHash: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function findApiKeyById(db: Db, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Records use at most once a minute per key, so authentication stays a read. */
export async function touchApiKey(db: Db, id: string): Promise<void> {
  await db
    .updateTable('api_keys')
    .set({ last_used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where((eb) =>
      eb.or([
        eb('last_used_at', 'is', null),
        eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`),
      ]),
    )
    .execute();
}

/**
 * One page of keys in creation order; `workspaceId` restricts to that workspace's keys.
 * The keyset compares `(created_at, id)` with the row of `afterId` inside SQL, so
 * microsecond timestamps never pass through JavaScript's millisecond dates.
 */
export async function listApiKeys(
  db: Db,
  options: { workspaceId?: string | undefined; afterId?: string | undefined; limit: number },
): Promise<ApiKeyRow[]> {
  let query = db
    .selectFrom('api_keys')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.limit);
  if (options.workspaceId !== undefined) {
    query = query.where('workspace_id', '=', options.workspaceId);
  }
  if (options.afterId !== undefined) {
    query = query.where(
      sql<boolean>`(created_at, id) > (SELECT k.created_at, k.id FROM api_keys k WHERE k.id = ${options.afterId})`,
    );
  }
  return query.execute();
}

export async function revokeApiKey(db: Db, id: string): Promise<ApiKeyRow | undefined> {
  return db
    .updateTable('api_keys')
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
