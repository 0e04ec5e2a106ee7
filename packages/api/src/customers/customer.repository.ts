import { sql } from 'kysely';
import { chunks, INSERT_CHUNK_ROWS } from '../db/chunks.ts';
import type { Db } from '../db/database.ts';
import type { CustomerAttributes, CustomerFeatures, CustomerRow } from './customer.table.ts';

export interface CustomerUpsert {
  readonly externalId: string;
  readonly attributes: CustomerAttributes;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Inserts or replaces the attributes of customers, in multi-row statements of
 * `INSERT_CHUNK_ROWS`. A customer whose attributes are unchanged is not touched, so
 * re-sending a batch is a no-op; changed attributes mark the features stale.
 * `externalId`s must be distinct within the call.
 */
export async function upsertCustomers(
  db: Db,
  workspaceId: string,
  customers: readonly CustomerUpsert[],
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  for (const chunk of chunks(customers, INSERT_CHUNK_ROWS)) {
    const rows = await db
      .insertInto('customers')
      .values(
        chunk.map((c) => ({
          workspace_id: workspaceId,
          external_id: c.externalId,
          attributes: JSON.stringify(c.attributes),
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['workspace_id', 'external_id'])
          .doUpdateSet({
            attributes: (eb) => eb.ref('excluded.attributes'),
            features_stale: true,
            updated_at: sql<Date>`now()`,
          })
          .where(sql<boolean>`customers.attributes IS DISTINCT FROM excluded.attributes`),
      )
      // xmax = 0 only for a freshly inserted row version (a conflict update sets it).
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .execute();
    const inserted = rows.filter((r) => r.inserted).length;
    counts.inserted += inserted;
    counts.updated += rows.length - inserted;
    counts.unchanged += chunk.length - rows.length;
  }
  return counts;
}

/**
 * Makes sure a customer row exists for every external id (events may name customers
 * before their attributes arrive); returns external id → internal id and how many were new.
 */
export async function ensureCustomers(
  db: Db,
  workspaceId: string,
  externalIds: readonly string[],
): Promise<{ ids: Map<string, number>; created: number }> {
  const ids = new Map<string, number>();
  let created = 0;
  for (const chunk of chunks([...new Set(externalIds)], INSERT_CHUNK_ROWS)) {
    const inserted = await db
      .insertInto('customers')
      .values(
        chunk.map((externalId) => ({
          workspace_id: workspaceId,
          external_id: externalId,
          attributes: '{}',
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doNothing())
      .returning('id')
      .execute();
    created += inserted.length;
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'external_id'])
      .where('workspace_id', '=', workspaceId)
      .where('external_id', 'in', chunk)
      .execute();
    for (const row of rows) ids.set(row.external_id, row.id);
  }
  return { ids, created };
}

/**
 * Flags customers whose features must be recomputed. `updated_at` moves even when the flag
 * was already set: a feature refresh running meanwhile sees the change and keeps the flag.
 */
export async function markCustomersStale(db: Db, customerIds: readonly number[]): Promise<void> {
  for (const chunk of chunks(customerIds, INSERT_CHUNK_ROWS * 10)) {
    await db
      .updateTable('customers')
      .set({ features_stale: true, updated_at: sql<Date>`now()` })
      .where('id', 'in', chunk)
      .execute();
  }
}

export interface FeatureUpdate {
  readonly customerId: number;
  /** `null` for a customer without events before the cut-off. */
  readonly features: CustomerFeatures | null;
}

/**
 * Stores computed features in multi-row updates. The stale flag is cleared only for
 * customers not changed since `computedFrom` (the database time the computation started):
 * events that arrived meanwhile keep their customer stale for the next refresh.
 */
export async function saveCustomerFeatures(
  db: Db,
  workspaceId: string,
  updates: readonly FeatureUpdate[],
  asOf: Date,
  computedFrom: Date,
): Promise<void> {
  for (const chunk of chunks(updates, INSERT_CHUNK_ROWS)) {
    const values = sql.join(
      chunk.map(
        (u) =>
          sql`(${u.customerId}::bigint, ${u.features === null ? null : JSON.stringify(u.features)}::jsonb)`,
      ),
    );
    await sql`
      UPDATE customers AS c
         SET features = v.features, features_as_of = ${asOf},
             features_stale = (c.updated_at > ${computedFrom})
        FROM (VALUES ${values}) AS v (id, features)
       WHERE c.id = v.id AND c.workspace_id = ${workspaceId}`.execute(db);
  }
}

export async function findCustomer(
  db: Db,
  workspaceId: string,
  externalId: string,
): Promise<CustomerRow | undefined> {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** One page of customers in external id order (keyset on the unique external id). */
export async function listCustomers(
  db: Db,
  workspaceId: string,
  options: { afterExternalId?: string | undefined; limit: number; onlyStale?: boolean },
): Promise<CustomerRow[]> {
  let query = db
    .selectFrom('customers')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('external_id')
    .limit(options.limit);
  if (options.afterExternalId !== undefined) {
    query = query.where('external_id', '>', options.afterExternalId);
  }
  if (options.onlyStale === true) query = query.where('features_stale', '=', true);
  return query.execute();
}

/**
 * Streams a workspace's customers in internal id order, `batchSize` rows per query
 * (keyset pagination: memory stays flat however many customers there are).
 *
 * @example
 * for await (const batch of streamCustomers(db, workspaceId, { onlyStale: true })) refresh(batch);
 */
export async function* streamCustomers(
  db: Db,
  workspaceId: string,
  options: { batchSize?: number; onlyStale?: boolean } = {},
): AsyncGenerator<CustomerRow[]> {
  const batchSize = options.batchSize ?? 5000;
  let afterId = 0;
  for (;;) {
    let query = db
      .selectFrom('customers')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batchSize);
    if (options.onlyStale === true) query = query.where('features_stale', '=', true);
    const rows = await query.execute();
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
}

/** How many customers a workspace has, and how many have stale features. */
export async function countCustomers(
  db: Db,
  workspaceId: string,
): Promise<{ total: number; stale: number }> {
  const row = await db
    .selectFrom('customers')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) FILTER (WHERE features_stale))::int`.as('stale'),
    ])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return { total: row.total, stale: row.stale };
}
