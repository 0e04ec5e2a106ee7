import { sql } from 'kysely';
import { chunks, INSERT_CHUNK_ROWS } from '../db/chunks.ts';
import type { Db } from '../db/database.ts';
import type { CustomerTagRow, NewCustomerTagRow } from './customer-tag.table.ts';

/**
 * Assigns tags to customers. A customer who already holds the tag keeps the holding they
 * have (the partial unique index allows one open row per customer and tag); returns the
 * rows actually inserted.
 */
export async function assignCustomerTags(
  db: Db,
  rows: readonly NewCustomerTagRow[],
): Promise<CustomerTagRow[]> {
  const inserted: CustomerTagRow[] = [];
  for (const chunk of chunks(rows, INSERT_CHUNK_ROWS)) {
    inserted.push(
      ...(await db
        .insertInto('customer_tags')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['customer_id', 'tag_id']).where('removed_at', 'is', null).doNothing(),
        )
        .returningAll()
        .execute()),
    );
  }
  return inserted;
}

/** `customerId:tagId` for each pair in the arguments that is currently held. */
export async function heldTagPairs(
  db: Db,
  customerIds: readonly number[],
  tagIds: readonly string[],
): Promise<Set<string>> {
  const held = new Set<string>();
  if (customerIds.length === 0 || tagIds.length === 0) return held;
  const rows = await db
    .selectFrom('customer_tags')
    .select(['customer_id', 'tag_id'])
    .where('customer_id', 'in', [...new Set(customerIds)])
    .where('tag_id', 'in', [...new Set(tagIds)])
    .where('removed_at', 'is', null)
    .execute();
  for (const row of rows) held.add(`${Number(row.customer_id)}:${row.tag_id}`);
  return held;
}

export interface HeldTagRow extends CustomerTagRow {
  readonly slug: string;
  readonly display_name: string;
  readonly kind: string;
  readonly category: string;
}

/** The tags a customer holds now, with provenance, oldest first. */
export async function findHeldTags(db: Db, customerId: number): Promise<HeldTagRow[]> {
  const rows = await db
    .selectFrom('customer_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .selectAll('ct')
    .select(['t.slug', 't.display_name', 't.kind', 't.category'])
    .where('ct.customer_id', '=', customerId)
    .where('ct.removed_at', 'is', null)
    .orderBy('ct.assigned_at')
    .orderBy('ct.id')
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id), customer_id: Number(r.customer_id) }));
}

/** How many customers hold each tag now. */
export async function countHolders(
  db: Db,
  tagIds: readonly string[],
): Promise<Map<string, number>> {
  if (tagIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('customer_tags')
    .select(['tag_id', sql<number>`count(*)::int`.as('holders')])
    .where('tag_id', 'in', [...tagIds])
    .where('removed_at', 'is', null)
    .groupBy('tag_id')
    .execute();
  return new Map(rows.map((r) => [r.tag_id, r.holders]));
}

/** Who closed a holding, and why. */
export interface Removal {
  readonly removedBy: string | null;
  readonly reason: string;
}

/** The columns that end a holding now, with who ended it and why. */
const closing = (removal: Removal) => ({
  removed_at: sql<Date>`now()`,
  removed_by: removal.removedBy,
  removal_reason: removal.reason,
});

/** Closes a customer's current holding of a tag; returns it, or `undefined` when not held. */
export async function closeHolding(
  db: Db,
  customerId: number,
  tagId: string,
  removal: Removal,
): Promise<CustomerTagRow | undefined> {
  return db
    .updateTable('customer_tags')
    .set(closing(removal))
    .where('customer_id', '=', customerId)
    .where('tag_id', '=', tagId)
    .where('removed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/** Closes the holding a suggestion's acceptance gave, if the customer still holds it. */
export async function closeHoldingGivenBy(
  db: Db,
  suggestion: { readonly id: string; readonly customer_id: number; readonly tag_id: string },
  removal: Removal,
): Promise<CustomerTagRow | undefined> {
  return db
    .updateTable('customer_tags')
    .set(closing(removal))
    .where('customer_id', '=', suggestion.customer_id)
    .where('tag_id', '=', suggestion.tag_id)
    .where('suggestion_id', '=', suggestion.id)
    .where('removed_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Closes up to `limit` current holdings of a tag (lowest ids first) and returns them:
 * called until it returns none, it works through every holder a chunk at a time.
 */
export async function closeHoldingsOfTag(
  db: Db,
  tagId: string,
  limit: number,
  removal: Removal,
): Promise<CustomerTagRow[]> {
  return db
    .updateTable('customer_tags')
    .set(closing(removal))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('customer_tags')
        .select('id')
        .where('tag_id', '=', tagId)
        .where('removed_at', 'is', null)
        .orderBy('id')
        .limit(limit),
    )
    .returningAll()
    .execute();
}

/** A holding with the customer's external id and the name of the key that gave it. */
export interface HoldingRow extends CustomerTagRow {
  readonly external_id: string;
  readonly assigned_by_name: string | null;
}

/**
 * One page of the customers who held a tag at `at` (assigned at or before it, not removed
 * by then), in holding id order (keyset on the id).
 */
export async function listHoldersAt(
  db: Db,
  tagId: string,
  at: Date,
  options: { afterId: number | undefined; limit: number },
): Promise<HoldingRow[]> {
  let query = db
    .selectFrom('customer_tags as ct')
    .innerJoin('customers as c', 'c.id', 'ct.customer_id')
    .leftJoin('api_keys as k', 'k.id', 'ct.assigned_by')
    .selectAll('ct')
    .select(['c.external_id', 'k.name as assigned_by_name'])
    .where('ct.tag_id', '=', tagId)
    .where('ct.assigned_at', '<=', at)
    .where((eb) => eb.or([eb('ct.removed_at', 'is', null), eb('ct.removed_at', '>', at)]))
    .orderBy('ct.id')
    .limit(options.limit);
  if (options.afterId !== undefined) query = query.where('ct.id', '>', options.afterId);
  return query.execute();
}

/** A holding with the tag's slug. */
export interface CustomerHoldingRow extends CustomerTagRow {
  readonly slug: string;
}

/**
 * One page of a customer's holdings, current and ended, newest first (keyset on the
 * holding id, which grows with time).
 */
export async function listCustomerHoldings(
  db: Db,
  customerId: number,
  options: { beforeId: number | undefined; limit: number },
): Promise<CustomerHoldingRow[]> {
  let query = db
    .selectFrom('customer_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .selectAll('ct')
    .select('t.slug')
    .where('ct.customer_id', '=', customerId)
    .orderBy('ct.id', 'desc')
    .limit(options.limit);
  if (options.beforeId !== undefined) query = query.where('ct.id', '<', options.beforeId);
  return query.execute();
}
