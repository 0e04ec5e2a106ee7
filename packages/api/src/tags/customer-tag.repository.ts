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
