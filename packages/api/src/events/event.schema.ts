import { z } from '@hono/zod-openapi';
import { boundedNumber } from '../ingest/bounded-number.ts';
import { INGEST_LIMITS } from '../ingest/limits.ts';
import { parseTimestamp } from '../io/timestamp.ts';

const text = (max: number) => z.string().min(1).max(max);

export const EventInputSchema = z
  .object({
    eventId: text(200).openapi({
      description: 'Your id for the event, unique per workspace: re-sending it is a no-op',
      example: 'order-536365-1',
    }),
    customerId: text(200).openapi({
      description: 'External id of the customer (created if unknown)',
      example: '17850',
    }),
    occurredAt: z
      .string()
      .refine((value) => parseTimestamp(value) !== undefined, {
        message: 'must be an ISO 8601 date-time such as 2010-12-01T08:26:00Z (no offset = UTC)',
      })
      .openapi({ example: '2010-12-01T08:26:00Z' }),
    kind: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,49}$/, 'must be a lower-case word such as purchase, visit, login')
      .openapi({
        description:
          'purchase (a sale line: counts towards spend and orders), cancellation and return (subtract |amount|); any other word (visit, login...) is kept and can be counted by rules',
        example: 'purchase',
      }),
    amount: boundedNumber().nullable().optional().openapi({ example: 15.3 }),
    quantity: boundedNumber().nullable().optional().openapi({ example: 6 }),
    invoice: text(200).nullable().optional(),
    product: text(200).nullable().optional(),
    category: text(200).nullable().optional(),
    payload: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .openapi('EventInput');

export type EventInput = z.infer<typeof EventInputSchema>;

export const EventBatchSchema = z
  .object({
    events: z
      .array(EventInputSchema)
      .min(1)
      .max(INGEST_LIMITS.jsonBatchItems)
      .openapi({ description: `1..${INGEST_LIMITS.jsonBatchItems} events, stored all or none` }),
  })
  .openapi('EventBatch');

export const IngestEventsResultSchema = z
  .object({
    received: z.number().int(),
    inserted: z.number().int(),
    duplicates: z.number().int().openapi({ description: 'Events already stored (same eventId)' }),
    customersCreated: z.number().int(),
  })
  .openapi('IngestEventsResult');

export type IngestEventsResult = z.infer<typeof IngestEventsResultSchema>;

export const EventViewSchema = z
  .object({
    eventId: z.string(),
    customerId: z.string(),
    occurredAt: z.string(),
    kind: z.string(),
    amount: z.number().nullable(),
    quantity: z.number().nullable(),
    invoice: z.string().nullable(),
    product: z.string().nullable(),
    category: z.string().nullable(),
    payload: z.record(z.string(), z.unknown()).nullable(),
    receivedAt: z.string(),
  })
  .openapi('Event');

export type EventView = z.infer<typeof EventViewSchema>;

/** Columns of an events CSV upload; any other column goes into `payload`. */
export const EVENT_CSV_COLUMNS = [
  'event_id',
  'customer_id',
  'occurred_at',
  'kind',
  'amount',
  'quantity',
  'invoice',
  'product',
  'category',
] as const;
