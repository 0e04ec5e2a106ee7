import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type { DomainEventType } from '../audit/change-hooks.ts';
import type { JsonObject } from '../jobs/job.table.ts';

export interface WebhookSubscriptionTable {
  id: Generated<string>;
  workspace_id: string;
  /** http or https only. */
  url: string;
  /** The domain event types delivered to this subscription (at least one). */
  event_types: DomainEventType[];
  /** Signs every delivery (HMAC-SHA256). Shown to the API caller only at creation or rotation. */
  secret: string;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date | string>;
}

export type WebhookSubscriptionRow = Selectable<WebhookSubscriptionTable>;

export const DELIVERY_STATUSES = ['pending', 'delivering', 'delivered', 'failed', 'dead'] as const;
/**
 * `pending`: waiting for its first attempt (or handed back after an interrupted one);
 * `delivering`: claimed by a deliverer; `failed`: the last attempt failed and another is
 * scheduled at `next_attempt_at`; `delivered`: a 2xx answer; `dead`: every attempt failed.
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The event type of the deliveries `POST /webhooks/{id}/test` queues (no customer). */
export const PING_EVENT_TYPE = 'webhook.ping';

export interface WebhookDeliveryTable {
  id: Generated<string>;
  subscription_id: string;
  workspace_id: string;
  /** A domain event type, or `webhook.ping`. */
  event_type: string;
  /** Internal id of the customer the event is about; erasure finds payloads by it. */
  customer_id: number | null;
  /** The `data` of the delivered body (the customer's external id plus the event payload). */
  payload: JSONColumnType<JsonObject, string, string>;
  status: Generated<DeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  claim_token: string | null;
  claimed_at: Date | null;
  last_error: string | null;
  last_status_code: number | null;
  delivered_at: Date | null;
  created_at: ColumnType<Date, never, never>;
}

export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;
