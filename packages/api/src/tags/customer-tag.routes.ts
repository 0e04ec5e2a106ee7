import { z } from '@hono/zod-openapi';
import { ExternalIdSchema } from '../customers/customer.schema.ts';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { pageQuerySchema } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import {
  AssignTagSchema,
  CustomerTagHistorySchema,
  CustomerTagHoldingSchema,
  TagHoldersPageSchema,
} from './customer-tag.schema.ts';
import { assignTag, customerTagHistory, holdersAt, removeTag } from './customer-tag.service.ts';
import { TAG_ASSIGNERS } from './tag-roles.ts';
import { TagParams } from './tag.schema.ts';

const CustomerParams = WorkspaceParams.extend({
  externalId: ExternalIdSchema.openapi({ param: { name: 'externalId', in: 'path' } }),
});

const assignRoute = defineRoute(TAG_ASSIGNERS, {
  method: 'post',
  path: '/workspaces/{workspace}/customers/{externalId}/tags',
  tags: ['tags'],
  summary: 'Give a customer a tag by hand',
  description:
    'The holding has source `manual` and the optional reason; a `tag.assigned` webhook event goes out. Deprecated and archived tags take no new holders (422).',
  request: {
    params: CustomerParams,
    body: { required: true, content: { 'application/json': { schema: AssignTagSchema } } },
  },
  responses: {
    201: {
      description: 'Assigned',
      content: { 'application/json': { schema: CustomerTagHoldingSchema } },
    },
    409: { description: 'The customer holds the tag already' },
  },
});

const historyRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/customers/{externalId}/tags',
  tags: ['tags'],
  summary: "A customer's tag history, newest first",
  description:
    'Every holding the customer had, current (`removedAt` null) and ended, with who assigned and removed it and why.',
  request: { params: CustomerParams, query: pageQuerySchema(500) },
  responses: {
    200: {
      description: 'One page of holdings',
      content: { 'application/json': { schema: CustomerTagHistorySchema } },
    },
  },
});

const removeRoute = defineRoute(TAG_ASSIGNERS, {
  method: 'delete',
  path: '/workspaces/{workspace}/customers/{externalId}/tags/{tag}',
  tags: ['tags'],
  summary: 'Take a tag away from a customer',
  description:
    'Closes the holding (history keeps it) with who removed it and why; a `tag.removed` webhook event goes out. 404 when the customer does not hold the tag.',
  request: {
    params: CustomerParams.extend({ tag: TagParams.shape.tag }),
    query: z.object({
      reason: z.string().trim().min(1).max(2000).optional().openapi({
        description: 'Why (stored as the removal reason; default "removed by hand")',
      }),
    }),
  },
  responses: {
    200: {
      description: 'The closed holding',
      content: { 'application/json': { schema: CustomerTagHoldingSchema } },
    },
  },
});

const holdersRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/tags/{tag}/holders',
  tags: ['tags'],
  summary: 'Who held a tag at a moment',
  description:
    'Customers whose holding began at or before `at` and had not ended by then (default: now), from the holding history.',
  request: {
    params: TagParams,
    query: pageQuerySchema(1000).extend({
      at: z
        .union([z.iso.datetime({ offset: true }), z.iso.date()])
        .optional()
        .openapi({
          description: 'ISO 8601 date-time, or a date (its midnight UTC); default now',
          example: '2024-06-30T00:00:00Z',
        }),
    }),
  },
  responses: {
    200: {
      description: 'One page of holders',
      content: { 'application/json': { schema: TagHoldersPageSchema } },
    },
  },
});

/** Customers' tags: assigning and removing by hand, their history, and who held a tag when. */
export function customerTagRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(assignRoute, async (c) => {
      const { externalId } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await assignTag(ctx, workspaceOf(c), externalId, c.req.valid('json')), 201);
    })
    .openapi(historyRoute, async (c) => {
      const { externalId } = c.req.valid('param');
      const { cursor, limit } = c.req.valid('query');
      return c.json(
        await customerTagHistory(deps.db, workspaceOf(c), externalId, { cursor, limit }),
        200,
      );
    })
    .openapi(removeRoute, async (c) => {
      const { externalId, tag } = c.req.valid('param');
      const { reason } = c.req.valid('query');
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await removeTag(ctx, workspaceOf(c), externalId, tag, reason), 200);
    })
    .openapi(holdersRoute, async (c) => {
      const { tag } = c.req.valid('param');
      const { at, cursor, limit } = c.req.valid('query');
      const moment = at === undefined ? new Date() : new Date(at);
      return c.json(
        await holdersAt(deps.db, workspaceOf(c), tag, { at: moment, cursor, limit }),
        200,
      );
    });
}
