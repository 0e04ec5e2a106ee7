import { EventLogBuilder, type EventLog } from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import { chunks } from '../db/chunks.ts';
import {
  countEvents,
  findEventFactsOfCustomers,
  streamEventFacts,
  type EventFacts,
} from './event.repository.ts';

/**
 * Customers whose events one query reads. Why not all of a batch at once: on the embedded
 * database a query holds the process's only thread, and a customer has ~100 events on
 * average in the bundled retail log, so 250 customers keep each query to a few hundred ms.
 */
const CUSTOMERS_PER_QUERY = 250;

/** Workspace events per query when reading a whole log, for the same reason. */
const EVENTS_PER_QUERY = 20_000;

/** Adds stored events to an engine log; the log's customer id is the internal customer id. */
function addEventFacts(builder: EventLogBuilder, events: readonly EventFacts[]): void {
  for (const e of events) {
    builder.add({
      customerId: String(e.customerId),
      time: e.time,
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
  for await (const events of streamEventFacts(db, workspaceId, EVENTS_PER_QUERY)) {
    addEventFacts(builder, events);
    await onBatch?.(builder.length, total);
  }
  return builder.build();
}

/** The event log of a few customers (one scoring batch); undefined when they have none. */
export async function loadCustomersEventLog(
  db: Db,
  customerIds: readonly number[],
): Promise<EventLog | undefined> {
  const builder = new EventLogBuilder();
  for (const ids of chunks(customerIds, CUSTOMERS_PER_QUERY)) {
    addEventFacts(builder, await findEventFactsOfCustomers(db, ids));
  }
  return builder.length === 0 ? undefined : builder.build();
}
