import { sql } from 'kysely';
import { chunks, INSERT_CHUNK_ROWS } from '../db/chunks.ts';
import type { Db } from '../db/database.ts';
import type { EventPayload, EventRow } from './event.table.ts';

/** An event ready to store, its customer already resolved to an internal id. */
export interface EventInsert {
  readonly eventId: string;
  readonly customerId: number;
  readonly occurredAt: Date;
  readonly kind: string;
  readonly amount: number | null;
  readonly quantity: number | null;
  readonly invoice: string | null;
  readonly product: string | null;
  readonly category: string | null;
  readonly payload: EventPayload | null;
}

/**
 * Inserts events in multi-row statements; an event whose `eventId` is already stored in the
 * workspace is skipped (idempotent re-send). Returns the customers that received new events.
 */
export async function insertEvents(
  db: Db,
  workspaceId: string,
  events: readonly EventInsert[],
): Promise<{ inserted: number; customerIds: Set<number> }> {
  let inserted = 0;
  const customerIds = new Set<number>();
  for (const chunk of chunks(events, INSERT_CHUNK_ROWS)) {
    const rows = await db
      .insertInto('events')
      .values(
        chunk.map((e) => ({
          workspace_id: workspaceId,
          event_id: e.eventId,
          customer_id: e.customerId,
          occurred_at: e.occurredAt,
          kind: e.kind,
          amount: e.amount,
          quantity: e.quantity,
          invoice: e.invoice,
          product: e.product,
          category: e.category,
          payload: e.payload === null ? null : JSON.stringify(e.payload),
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'event_id']).doNothing())
      .returning('customer_id')
      .execute();
    inserted += rows.length;
    for (const row of rows) customerIds.add(row.customer_id);
  }
  return { inserted, customerIds };
}

/** A page of one customer's events in time order; keyset after the event with internal id `afterId`. */
export async function listCustomerEvents(
  db: Db,
  customerId: number,
  options: { afterId?: number | undefined; limit: number },
): Promise<EventRow[]> {
  let query = db
    .selectFrom('events')
    .selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('occurred_at')
    .orderBy('id')
    .limit(options.limit);
  if (options.afterId !== undefined) {
    query = query.where(
      sql<boolean>`(occurred_at, id) > (SELECT e.occurred_at, e.id FROM events e WHERE e.id = ${options.afterId})`,
    );
  }
  return query.execute();
}

/**
 * Streams a workspace's events in insertion order, `batchSize` per query (keyset on id).
 * `since` keeps only events that occurred at or after it.
 */
export async function* streamEvents(
  db: Db,
  workspaceId: string,
  options: { batchSize?: number; since?: Date } = {},
): AsyncGenerator<EventRow[]> {
  const batchSize = options.batchSize ?? 10_000;
  let afterId = 0;
  for (;;) {
    let query = db
      .selectFrom('events')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(batchSize);
    if (options.since !== undefined) query = query.where('occurred_at', '>=', options.since);
    const rows = await query.execute();
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1]!.id;
    if (rows.length < batchSize) return;
  }
}

/** All events of the given customers, ordered by customer then time (for per-customer features). */
export async function findEventsOfCustomers(
  db: Db,
  customerIds: readonly number[],
): Promise<EventRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('events')
    .selectAll()
    .where('customer_id', 'in', customerIds)
    .orderBy('customer_id')
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

export async function countEvents(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return row.n;
}
