import { createHmac } from 'node:crypto';

/** The header names of a delivery. */
export const SIGNATURE_HEADER = 'X-Tagwise-Signature';
export const TIMESTAMP_HEADER = 'X-Tagwise-Timestamp';
export const EVENT_HEADER = 'X-Tagwise-Event';
export const DELIVERY_HEADER = 'X-Tagwise-Delivery';

/**
 * The signature of a delivery: `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>` keyed
 * with the subscription secret. Signing the timestamp with the body lets a receiver reject
 * replays of an old, captured request.
 *
 * @example
 * signDelivery('whsec_...', 1767225600, '{"id":"..."}') // 'sha256=5f2b...'
 */
export function signDelivery(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8');
  return `sha256=${mac.digest('hex')}`;
}

/** The headers of one delivery attempt, signed at `timestampSeconds` (Unix time). */
export function deliveryHeaders(input: {
  secret: string;
  timestampSeconds: number;
  body: string;
  eventType: string;
  deliveryId: string;
}): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Tagwise-Webhooks/1',
    [SIGNATURE_HEADER]: signDelivery(input.secret, input.timestampSeconds, input.body),
    [TIMESTAMP_HEADER]: String(input.timestampSeconds),
    [EVENT_HEADER]: input.eventType,
    [DELIVERY_HEADER]: input.deliveryId,
  };
}
