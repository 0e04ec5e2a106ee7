import { pageQuerySchema, pageSchema } from '../http/cursor.ts';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import {
  CreateWebhookSchema,
  DeliveryParams,
  DeliveryQuerySchema,
  PatchWebhookSchema,
  WebhookDeliverySchema,
  WebhookParams,
  WebhookSchema,
  WebhookWithSecretSchema,
} from './webhook.schema.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  patchWebhook,
  queueTestPing,
  redeliver,
  rotateWebhookSecret,
  toDeliveryView,
  toWebhookView,
} from './webhook.service.ts';

/**
 * Admins only: a subscription sends customer data to a URL outside Tagwise and its secret
 * vouches for that data, so choosing where it goes (and resending it) is an admin decision.
 */
const ADMINS = ['admin'] as const;
const tags = ['webhooks'];

const json = <T>(schema: T) => ({ 'application/json': { schema } });
const DeliveryPageSchema = pageSchema(WebhookDeliverySchema, 'WebhookDeliveryPage');

const createRoute = defineRoute(ADMINS, {
  method: 'post',
  path: '/workspaces/{workspace}/webhooks',
  tags,
  summary: 'Subscribe a URL to domain events',
  description:
    'Each event is POSTed as JSON `{ id, type, occurredAt, workspace, data }` with the headers X-Tagwise-Signature, X-Tagwise-Timestamp, X-Tagwise-Event and X-Tagwise-Delivery. Delivery is at least once: drop repeats by `id`. The secret is in this response only.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: json(CreateWebhookSchema) },
  },
  responses: { 201: { description: 'Created', content: json(WebhookWithSecretSchema) } },
});

const listRoute = defineRoute(ADMINS, {
  method: 'get',
  path: '/workspaces/{workspace}/webhooks',
  tags,
  summary: 'List webhook subscriptions, newest first',
  request: { params: WorkspaceParams, query: pageQuerySchema(500) },
  responses: {
    200: {
      description: 'One page of subscriptions',
      content: json(pageSchema(WebhookSchema, 'WebhookPage')),
    },
  },
});

// Declared before `/webhooks/{webhook}` so `dead-letters` is not read as an id.
const deadLettersRoute = defineRoute(ADMINS, {
  method: 'get',
  path: '/workspaces/{workspace}/webhooks/dead-letters',
  tags,
  summary: 'Dead deliveries of every subscription, newest first',
  description: 'Deliveries that failed every attempt. Queue one again with `redeliver`.',
  request: { params: WorkspaceParams, query: pageQuerySchema(500) },
  responses: { 200: { description: 'One page of deliveries', content: json(DeliveryPageSchema) } },
});

const getRoute = defineRoute(ADMINS, {
  method: 'get',
  path: '/workspaces/{workspace}/webhooks/{webhook}',
  tags,
  summary: 'Get a webhook subscription (without its secret)',
  request: { params: WebhookParams },
  responses: { 200: { description: 'The subscription', content: json(WebhookSchema) } },
});

const patchRoute = defineRoute(ADMINS, {
  method: 'patch',
  path: '/workspaces/{workspace}/webhooks/{webhook}',
  tags,
  summary: "Change a subscription's URL, event types or active switch",
  request: { params: WebhookParams, body: { required: true, content: json(PatchWebhookSchema) } },
  responses: { 200: { description: 'The subscription', content: json(WebhookSchema) } },
});

const deleteRoute = defineRoute(ADMINS, {
  method: 'delete',
  path: '/workspaces/{workspace}/webhooks/{webhook}',
  tags,
  summary: 'Delete a subscription and its deliveries',
  request: { params: WebhookParams },
  responses: { 204: { description: 'Deleted' } },
});

const rotateRoute = defineRoute(ADMINS, {
  method: 'post',
  path: '/workspaces/{workspace}/webhooks/{webhook}/rotate-secret',
  tags,
  summary: 'Replace the signing secret',
  description:
    'Deliveries sent from now on are signed with the new secret, returned in this response only.',
  request: { params: WebhookParams },
  responses: {
    200: {
      description: 'The subscription and its new secret',
      content: json(WebhookWithSecretSchema),
    },
  },
});

const testRoute = defineRoute(ADMINS, {
  method: 'post',
  path: '/workspaces/{workspace}/webhooks/{webhook}/test',
  tags,
  summary: 'Queue a `webhook.ping` delivery to the subscription',
  request: { params: WebhookParams },
  responses: {
    202: { description: 'The queued delivery', content: json(WebhookDeliverySchema) },
    409: { description: 'The subscription is inactive' },
  },
});

const deliveriesRoute = defineRoute(ADMINS, {
  method: 'get',
  path: '/workspaces/{workspace}/webhooks/{webhook}/deliveries',
  tags,
  summary: "A subscription's deliveries, newest first",
  request: { params: WebhookParams, query: DeliveryQuerySchema },
  responses: { 200: { description: 'One page of deliveries', content: json(DeliveryPageSchema) } },
});

const redeliverRoute = defineRoute(ADMINS, {
  method: 'post',
  path: '/workspaces/{workspace}/webhooks/deliveries/{delivery}/redeliver',
  tags,
  summary: 'Queue a delivery again (attempts reset, same delivery id)',
  description:
    'Works on delivered, failed and dead deliveries; a delivery already waiting is returned as it is.',
  request: { params: DeliveryParams },
  responses: {
    202: { description: 'The queued delivery', content: json(WebhookDeliverySchema) },
    409: { description: 'The delivery is being attempted right now' },
  },
});

/** `/v1/workspaces/{workspace}/webhooks`. */
export function webhookRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  const targets = deps.webhookTargets ?? 'public';
  return createRouter()
    .openapi(createRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      const { subscription, secret } = await createWebhook(
        ctx,
        workspaceOf(c),
        c.req.valid('json'),
        targets,
      );
      return c.json({ ...toWebhookView(subscription), secret }, 201);
    })
    .openapi(listRoute, async (c) => {
      return c.json(await listWebhooks(deps.db, workspaceOf(c), c.req.valid('query')), 200);
    })
    .openapi(deadLettersRoute, async (c) => {
      const { cursor, limit } = c.req.valid('query');
      const page = await listWebhookDeliveries(deps.db, workspaceOf(c), {
        status: 'dead',
        cursor,
        limit,
      });
      return c.json(page, 200);
    })
    .openapi(getRoute, async (c) => {
      const { webhook } = c.req.valid('param');
      return c.json(toWebhookView(await getWebhook(deps.db, workspaceOf(c), webhook)), 200);
    })
    .openapi(patchRoute, async (c) => {
      const { webhook } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      const row = await patchWebhook(ctx, workspaceOf(c), webhook, c.req.valid('json'), targets);
      return c.json(toWebhookView(row), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { webhook } = c.req.valid('param');
      await deleteWebhook(serviceContext(c, deps.db, changeHooks), workspaceOf(c), webhook);
      return c.body(null, 204);
    })
    .openapi(rotateRoute, async (c) => {
      const { webhook } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      const { subscription, secret } = await rotateWebhookSecret(ctx, workspaceOf(c), webhook);
      return c.json({ ...toWebhookView(subscription), secret }, 200);
    })
    .openapi(testRoute, async (c) => {
      const { webhook } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(toDeliveryView(await queueTestPing(ctx, workspaceOf(c), webhook)), 202);
    })
    .openapi(deliveriesRoute, async (c) => {
      const { webhook } = c.req.valid('param');
      const { cursor, limit, status } = c.req.valid('query');
      const page = await listWebhookDeliveries(deps.db, workspaceOf(c), {
        subscriptionId: webhook,
        status,
        cursor,
        limit,
      });
      return c.json(page, 200);
    })
    .openapi(redeliverRoute, async (c) => {
      const { delivery } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(toDeliveryView(await redeliver(ctx, workspaceOf(c), delivery)), 202);
    });
}
