import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import { ensureCustomers, markCustomersStale } from '../customers/customer.repository.ts';
import { csvText, parseCsvNumber } from '../ingest/csv-body.ts';
import type { CsvRecord } from '../io/csv-records.ts';
import { RowErrors } from '../ingest/row-errors.ts';
import { formatIssuePath } from '../http/problem.ts';
import { parseTimestamp } from '../io/timestamp.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { insertEvents, type EventInsert } from './event.repository.ts';
import {
  EVENT_CSV_COLUMNS,
  EventInputSchema,
  type EventInput,
  type IngestEventsResult,
} from './event.schema.ts';
import type { EventRow } from './event.table.ts';
import type { EventView } from './event.schema.ts';

/** A validated event with the customer still named by its external id. */
interface PendingEvent extends Omit<EventInsert, 'customerId'> {
  readonly customerExternalId: string;
}

function toPending(input: EventInput): PendingEvent {
  return {
    eventId: input.eventId,
    customerExternalId: input.customerId,
    occurredAt: parseTimestamp(input.occurredAt)!,
    kind: input.kind,
    amount: input.amount ?? null,
    quantity: input.quantity ?? null,
    invoice: input.invoice ?? null,
    product: input.product ?? null,
    category: input.category ?? null,
    payload: input.payload ?? null,
  };
}

/** Records duplicate event ids inside one batch (ambiguous: which one is meant?). */
function checkDuplicateIds(
  events: readonly PendingEvent[],
  locate: (index: number) => string,
  field: string,
  errors: RowErrors,
): void {
  const firstIndex = new Map<string, number>();
  events.forEach((event, index) => {
    const first = firstIndex.get(event.eventId);
    if (first === undefined) firstIndex.set(event.eventId, index);
    else errors.add(`${locate(index)}.${field}`, `duplicate of ${locate(first)} in this batch`);
  });
}

/**
 * Stores a batch of events in one transaction: every event lands or none does. Unknown
 * customers are created, events already stored (same `eventId`) are skipped, and each
 * customer with new events gets `features_stale`.
 */
async function storeEvents(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  events: readonly PendingEvent[],
): Promise<IngestEventsResult> {
  return writeTransaction(ctx, async (trx, record) => {
    const { ids: customerIds, created } = await ensureCustomers(
      trx,
      workspace.id,
      events.map((e) => e.customerExternalId),
    );
    const { inserted, customerIds: touched } = await insertEvents(
      trx,
      workspace.id,
      events.map(({ customerExternalId, ...event }) => ({
        ...event,
        customerId: customerIds.get(customerExternalId)!,
      })),
    );
    await markCustomersStale(trx, [...touched]);
    const result = {
      received: events.length,
      inserted,
      duplicates: events.length - inserted,
      customersCreated: created,
    };
    await record({
      action: 'events.ingested',
      resource: 'workspace',
      resourceId: workspace.id,
      workspaceId: workspace.id,
      data: { received: result.received, inserted: result.inserted },
    });
    return result;
  });
}

/** Ingests a JSON batch already validated by the route schema. */
export async function ingestEventBatch(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  inputs: readonly EventInput[],
): Promise<IngestEventsResult> {
  const events = inputs.map(toPending);
  const errors = new RowErrors();
  checkDuplicateIds(events, (index) => `events.${index}`, 'eventId', errors);
  errors.throwIfAny('event');
  return storeEvents(ctx, workspace, events);
}

/**
 * Ingests a CSV upload (columns `EVENT_CSV_COLUMNS`; other columns go into `payload`).
 * Every row is validated before anything is stored; all bad rows are reported by line.
 */
export async function ingestEventCsv(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  rows: AsyncIterable<CsvRecord>,
  options: { defaultKind?: string | undefined } = {},
): Promise<IngestEventsResult> {
  const errors = new RowErrors();
  const events: PendingEvent[] = [];
  const lines: number[] = [];
  const known = new Set<string>(EVENT_CSV_COLUMNS);
  for await (const { line, values } of rows) {
    const candidate: Record<string, unknown> = {
      eventId: values.event_id,
      customerId: values.customer_id,
      occurredAt: values.occurred_at,
      kind: csvText(values.kind) ?? options.defaultKind,
      invoice: csvText(values.invoice),
      product: csvText(values.product),
      category: csvText(values.category),
    };
    let bad = false;
    for (const [column, field] of [
      ['amount', 'amount'],
      ['quantity', 'quantity'],
    ] as const) {
      const value = parseCsvNumber(values[column]);
      if (value === undefined) {
        errors.add(`line.${line}.${column}`, `"${values[column]}" is not a number`);
        bad = true;
      } else candidate[field] = value;
    }
    const extra = Object.entries(values).filter(([column]) => !known.has(column));
    if (extra.length > 0) candidate.payload = Object.fromEntries(extra);
    const parsed = EventInputSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.add(`line.${line}.${csvColumnOf(formatIssuePath(issue.path))}`, issue.message);
      }
      continue;
    }
    if (!bad) {
      events.push(toPending(parsed.data));
      lines.push(line);
    }
  }
  checkDuplicateIds(events, (index) => `line.${lines[index]}`, 'event_id', errors);
  errors.throwIfAny('row');
  return storeEvents(ctx, workspace, events);
}

const CSV_NAMES: Record<string, string> = {
  eventId: 'event_id',
  customerId: 'customer_id',
  occurredAt: 'occurred_at',
};
const csvColumnOf = (field: string): string => CSV_NAMES[field] ?? field;

export function toEventView(row: EventRow, customerExternalId: string): EventView {
  return {
    eventId: row.event_id,
    customerId: customerExternalId,
    occurredAt: row.occurred_at.toISOString(),
    kind: row.kind,
    amount: row.amount,
    quantity: row.quantity,
    invoice: row.invoice,
    product: row.product,
    category: row.category,
    payload: row.payload,
    receivedAt: row.received_at.toISOString(),
  };
}
