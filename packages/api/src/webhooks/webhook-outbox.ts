import type { ChangeHook } from '../audit/change-hooks.ts';
import { enqueueEventDeliveries } from './webhook-delivery.repository.ts';
import { subscribedEventTypes } from './webhook-subscription.repository.ts';

/**
 * The transactional outbox: queues a delivery per (event, subscription listening to its
 * type) inside the transaction of the change, so deliveries exist exactly when the change
 * committed. Changes without events cost nothing; a workspace without subscriptions one
 * small query. Sending happens later, in the delivery loop, never in the request.
 */
export const webhookOutboxHook: ChangeHook = async (trx, change) => {
  if (change.events.length === 0 || change.workspaceId === null) return;
  const subscribed = await subscribedEventTypes(trx, change.workspaceId);
  if (subscribed.size === 0) return;
  const wanted = change.events.filter((event) => subscribed.has(event.type));
  if (wanted.length > 0) await enqueueEventDeliveries(trx, change.workspaceId, wanted);
};
