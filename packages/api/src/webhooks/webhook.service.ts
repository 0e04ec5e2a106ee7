import { randomBytes } from 'node:crypto';
import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { decodeCursor, toPage, UUID_PATTERN, type Page } from '../http/cursor.ts';
import { ProblemError } from '../http/problem.ts';
import type { JsonObject } from '../jobs/job.table.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { webhookTargetRefusal, type WebhookTargets } from './webhook-target.ts';
import {
  enqueueDelivery,
  findDelivery,
  listDeliveries,
  requeueDelivery,
} from './webhook-delivery.repository.ts';
import {
  deleteSubscription,
  findSubscription,
  insertSubscription,
  listSubscriptions,
  updateSubscription,
} from './webhook-subscription.repository.ts';
import type {
  CreateWebhookInput,
  PatchWebhookInput,
  WebhookDeliveryView,
  WebhookView,
} from './webhook.schema.ts';
import {
  PING_EVENT_TYPE,
  type DeliveryStatus,
  type WebhookDeliveryRow,
  type WebhookSubscriptionRow,
} from './webhook.table.ts';

/** A fresh signing secret: `whsec_` + 32 random bytes (256 bits) in base64url. */
function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function toWebhookView(row: WebhookSubscriptionRow): WebhookView {
  return {
    id: row.id,
    url: row.url,
    events: row.event_types,
    active: row.active,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const WAITING: readonly DeliveryStatus[] = ['pending', 'failed'];

export function toDeliveryView(row: WebhookDeliveryRow): WebhookDeliveryView {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    lastStatusCode: row.last_status_code,
    nextAttemptAt: WAITING.includes(row.status) ? row.next_attempt_at.toISOString() : null,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** What the audit log keeps of a subscription: never its secret. */
const auditedFields = (row: WebhookSubscriptionRow): JsonObject => ({
  url: row.url,
  events: row.event_types,
  active: row.active,
});

/** 422 on `url` when webhooks may not call its host (see `WebhookTargets`). */
async function requireAllowedTarget(url: string, targets: WebhookTargets): Promise<void> {
  const refusal = await webhookTargetRefusal(url, targets);
  if (refusal !== undefined) {
    throw ProblemError.validation('the webhook URL is not allowed', [
      { path: 'url', message: refusal },
    ]);
  }
}

/**
 * Creates a subscription with a generated secret, returned this once (reads never show it;
 * `rotateWebhookSecret` replaces a lost one).
 */
export async function createWebhook(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  input: CreateWebhookInput,
  targets: WebhookTargets,
): Promise<{ subscription: WebhookSubscriptionRow; secret: string }> {
  await requireAllowedTarget(input.url, targets);
  const secret = generateWebhookSecret();
  const subscription = await writeTransaction(ctx, async (trx, record) => {
    const row = await insertSubscription(trx, {
      workspaceId: workspace.id,
      url: input.url,
      eventTypes: input.events,
      secret,
      active: input.active,
      createdBy: ctx.actor?.keyId ?? null,
    });
    await record({
      action: 'webhook.created',
      resource: 'webhook',
      resourceId: row.id,
      workspaceId: workspace.id,
      data: auditedFields(row),
    });
    return row;
  });
  return { subscription, secret };
}

export async function getWebhook(
  db: Db,
  workspace: WorkspaceRow,
  id: string,
): Promise<WebhookSubscriptionRow> {
  const row = await findSubscription(db, workspace.id, id);
  if (row === undefined) throw ProblemError.notFound(`webhook ${id}`);
  return row;
}

export async function listWebhooks(
  db: Db,
  workspace: WorkspaceRow,
  page: { cursor?: string | undefined; limit: number },
): Promise<Page<WebhookView>> {
  const rows = await listSubscriptions(db, workspace.id, {
    afterId: decodeCursor(page.cursor, UUID_PATTERN),
    limit: page.limit + 1,
  });
  return toPage(rows, page.limit, (r) => r.id, toWebhookView);
}

/** Changes a subscription's URL, event types or active switch (audited, before and after). */
export async function patchWebhook(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
  patch: PatchWebhookInput,
  targets: WebhookTargets,
): Promise<WebhookSubscriptionRow> {
  if (patch.url !== undefined) await requireAllowedTarget(patch.url, targets);
  return writeTransaction(ctx, async (trx, record) => {
    const before = await getWebhook(trx, workspace, id);
    const after = (await updateSubscription(trx, workspace.id, id, {
      url: patch.url,
      eventTypes: patch.events,
      active: patch.active,
    }))!;
    await record({
      action: 'webhook.updated',
      resource: 'webhook',
      resourceId: id,
      workspaceId: workspace.id,
      data: { before: auditedFields(before), after: auditedFields(after) },
    });
    return after;
  });
}

/** Replaces the signing secret; the new one is returned this once. */
export async function rotateWebhookSecret(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
): Promise<{ subscription: WebhookSubscriptionRow; secret: string }> {
  const secret = generateWebhookSecret();
  const subscription = await writeTransaction(ctx, async (trx, record) => {
    const row = await updateSubscription(trx, workspace.id, id, { secret });
    if (row === undefined) throw ProblemError.notFound(`webhook ${id}`);
    await record({
      action: 'webhook.secret-rotated',
      resource: 'webhook',
      resourceId: id,
      workspaceId: workspace.id,
    });
    return row;
  });
  return { subscription, secret };
}

/** Deletes a subscription together with its deliveries, queued or not. */
export async function deleteWebhook(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
): Promise<void> {
  await writeTransaction(ctx, async (trx, record) => {
    const row = await getWebhook(trx, workspace, id);
    await deleteSubscription(trx, workspace.id, id);
    await record({
      action: 'webhook.deleted',
      resource: 'webhook',
      resourceId: id,
      workspaceId: workspace.id,
      data: auditedFields(row),
    });
  });
}

/** Queues a `webhook.ping` delivery so a receiver can check its signature code. */
export async function queueTestPing(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
): Promise<WebhookDeliveryRow> {
  return writeTransaction(ctx, async (trx, record) => {
    const subscription = await getWebhook(trx, workspace, id);
    if (!subscription.active) {
      throw ProblemError.conflict(`webhook ${id} is inactive: activate it to test it`);
    }
    const delivery = await enqueueDelivery(trx, {
      subscriptionId: id,
      workspaceId: workspace.id,
      eventType: PING_EVENT_TYPE,
      payload: { subscriptionId: id, events: subscription.event_types },
    });
    await record({
      action: 'webhook.ping-queued',
      resource: 'webhook',
      resourceId: id,
      workspaceId: workspace.id,
      data: { deliveryId: delivery.id },
    });
    return delivery;
  });
}

/** A subscription's deliveries (the subscription must exist), newest first. */
export async function listWebhookDeliveries(
  db: Db,
  workspace: WorkspaceRow,
  query: {
    subscriptionId?: string;
    status?: DeliveryStatus | undefined;
    cursor: string | undefined;
    limit: number;
  },
): Promise<Page<WebhookDeliveryView>> {
  if (query.subscriptionId !== undefined) await getWebhook(db, workspace, query.subscriptionId);
  const rows = await listDeliveries(db, workspace.id, {
    subscriptionId: query.subscriptionId,
    status: query.status,
    afterId: decodeCursor(query.cursor, UUID_PATTERN),
    limit: query.limit + 1,
  });
  return toPage(rows, query.limit, (r) => r.id, toDeliveryView);
}

/**
 * Queues a delivered, failed or dead delivery again with its attempts reset; it keeps its
 * id, so receivers can tell a repeat. A delivery already waiting is left as it is; one in
 * flight is a conflict.
 */
export async function redeliver(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
): Promise<WebhookDeliveryRow> {
  return writeTransaction(ctx, async (trx, record) => {
    const before = await findDelivery(trx, workspace.id, id);
    if (before === undefined) throw ProblemError.notFound(`delivery ${id}`);
    if (before.status === 'pending') return before;
    if (before.status === 'delivering') {
      throw ProblemError.conflict(`delivery ${id} is being attempted right now`);
    }
    const requeued = await requeueDelivery(trx, workspace.id, id);
    if (requeued === undefined) {
      throw ProblemError.conflict(`delivery ${id} changed while it was being queued again`);
    }
    await record({
      action: 'webhook-delivery.redelivered',
      resource: 'webhook-delivery',
      resourceId: id,
      workspaceId: workspace.id,
      data: { subscriptionId: before.subscription_id, previousStatus: before.status },
    });
    return requeued;
  });
}
