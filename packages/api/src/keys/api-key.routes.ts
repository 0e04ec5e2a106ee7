import { z } from '@hono/zod-openapi';
import { principalOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { decodeCursor, pageQuerySchema, pageSchema, toPage, UUID_PATTERN } from '../http/cursor.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { findWorkspaceById } from '../workspaces/workspace.repository.ts';
import {
  ApiKeySchema,
  CreateApiKeySchema,
  IssuedApiKeySchema,
  WhoAmISchema,
} from './api-key.schema.ts';
import { issueKey, listKeysFor, revokeKeyFor, toApiKeyView } from './api-key.service.ts';
import { ALL_ROLES } from './roles.ts';

const meRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/me',
  tags: ['keys'],
  summary: 'The key making this request',
  responses: {
    200: { description: 'The caller', content: { 'application/json': { schema: WhoAmISchema } } },
  },
});

const createKeyRoute = defineRoute(['admin'], {
  method: 'post',
  path: '/keys',
  tags: ['keys'],
  summary: 'Create an API key (the secret is returned once)',
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateApiKeySchema } } },
  },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: IssuedApiKeySchema } },
    },
  },
});

const listKeysRoute = defineRoute(['admin'], {
  method: 'get',
  path: '/keys',
  tags: ['keys'],
  summary: "List keys (a workspace admin sees its workspace's keys)",
  request: { query: pageQuerySchema() },
  responses: {
    200: {
      description: 'One page of keys, oldest first',
      content: { 'application/json': { schema: pageSchema(ApiKeySchema, 'ApiKeyPage') } },
    },
  },
});

const revokeKeyRoute = defineRoute(['admin'], {
  method: 'delete',
  path: '/keys/{keyId}',
  tags: ['keys'],
  summary: 'Revoke a key (it stops working at once)',
  request: {
    params: z.object({ keyId: z.uuid().openapi({ param: { name: 'keyId', in: 'path' } }) }),
  },
  responses: {
    200: {
      description: 'The revoked key',
      content: { 'application/json': { schema: ApiKeySchema } },
    },
  },
});

/** `/v1/me` and `/v1/keys`. */
/** @param onRevoked - called after a key is revoked (drops cached keys) */
export function apiKeyRoutes(deps: AppDeps, onRevoked: () => void) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(meRoute, async (c) => {
      const principal = principalOf(c);
      const workspace =
        principal.workspaceId === null
          ? undefined
          : await findWorkspaceById(deps.db, principal.workspaceId);
      return c.json(
        {
          keyId: principal.keyId,
          name: principal.name,
          role: principal.role,
          workspace: workspace?.slug ?? null,
        },
        200,
      );
    })
    .openapi(createKeyRoute, async (c) => {
      const issued = await issueKey(serviceContext(c, deps.db, changeHooks), c.req.valid('json'));
      return c.json(issued, 201);
    })
    .openapi(listKeysRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const { rows, slugs } = await listKeysFor(deps.db, principalOf(c), {
        afterId: decodeCursor(cursor, UUID_PATTERN),
        limit: limit + 1,
      });
      return c.json(
        toPage(
          rows,
          limit,
          (r) => r.id,
          (r) =>
            toApiKeyView(r, r.workspace_id === null ? null : (slugs.get(r.workspace_id) ?? null)),
        ),
        200,
      );
    })
    .openapi(revokeKeyRoute, async (c) => {
      const view = await revokeKeyFor(
        serviceContext(c, deps.db, changeHooks),
        principalOf(c),
        c.req.valid('param').keyId,
      );
      onRevoked();
      return c.json(view, 200);
    });
}
