import { EventLogBuilder, type EventLog } from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import { countEvents, findEventsOfCustomers, streamEvents } from './event.repository.ts';
import type { EventRow } from './event.table.ts';

/** Adds stored events to an engine log; the log's customer id is the internal customer id. */
export function addEventRows(builder: EventLogBuilder, rows: readonly EventRow[]): void {
  for (const e of rows) {
    builder.add({
      customerId: String(e.customer_id),
      time: e.occurred_at.getTime(),
      amount: e.amount ?? 0,
      kind: e.kind,
      ...(e.quantity === null ? {} : { quantity: e.quantity }),
      ...(e.invoice === null ? {} : { order: e.invoice }),
      ...(e.product === null ? {} : { product: e.product }),
      ...(e.category === null ? {} : { category: e.category }),
    });
  }
}

/**
 * The workspace's whole event log, read in keyset batches into the engine's columnar log
 * (tens of bytes per event: no object per event is kept).
 */
export async function loadWorkspaceEventLog(
  db: Db,
  workspaceId: string,
  onBatch?: (loaded: number, total: number) => Promise<void>,
): Promise<EventLog> {
  const total = await countEvents(db, workspaceId);
  const builder = new EventLogBuilder(Math.max(1024, total));
  for await (const rows of streamEvents(db, workspaceId, { batchSize: 20_000 })) {
    addEventRows(builder, rows);
    await onBatch?.(builder.length, total);
  }
  return builder.build();
}

/** The event log of a few customers (one scoring batch). */
export async function loadCustomersEventLog(
  db: Db,
  customerIds: readonly number[],
): Promise<EventLog | undefined> {
  const rows = await findEventsOfCustomers(db, customerIds);
  if (rows.length === 0) return undefined;
  const builder = new EventLogBuilder(rows.length);
  addEventRows(builder, rows);
  return builder.build();
}
