import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

export type EventPayload = Record<string, unknown>;

/** A behavioural event (order, visit, login, return...). */
export interface EventTable {
  id: Generated<number>;
  workspace_id: string;
  /** Client-supplied id, unique per workspace: re-sending an event is a no-op. */
  event_id: string;
  customer_id: number;
  occurred_at: Date;
  /** Lower-case kind such as `order`, `visit`, `login`, `return`, `refund`. */
  kind: string;
  amount: number | null;
  quantity: number | null;
  invoice: string | null;
  product: string | null;
  category: string | null;
  payload: JSONColumnType<EventPayload | null, string | null, never>;
  received_at: ColumnType<Date, never, never>;
}

export type EventRow = Selectable<EventTable>;
export type NewEventRow = Insertable<EventTable>;
