import { principalOf, workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from '../http/cursor.ts';
import { SLUG_PATTERN, WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { CreateWorkspaceSchema, WorkspaceSchema } from './workspace.schema.ts';
import { createWorkspace, listVisibleWorkspaces, toWorkspaceView } from './workspace.service.ts';

const listRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces',
  tags: ['workspaces'],
  summary: 'List the workspaces this key may see',
  request: { query: pageQuerySchema() },
  responses: {
    200: {
      description: 'One page of workspaces, by slug',
      content: { 'application/json': { schema: pageSchema(WorkspaceSchema, 'WorkspacePage') } },
    },
  },
});

const createRouteDef = defineRoute(['admin'], {
  method: 'post',
  path: '/workspaces',
  tags: ['workspaces'],
  summary: 'Create a workspace (all-workspace admin keys only)',
  request: {
    body: { required: true, content: { 'application/json': { schema: CreateWorkspaceSchema } } },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: WorkspaceSchema } } },
    409: { description: 'The slug is taken' },
  },
});

const getRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}',
  tags: ['workspaces'],
  summary: 'Get a workspace',
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'The workspace',
      content: { 'application/json': { schema: WorkspaceSchema } },
    },
  },
});

/** `/v1/workspaces`: listing, creation and lookup of workspaces. */
export function workspaceRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(listRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const rows = await listVisibleWorkspaces(deps.db, principalOf(c), {
        afterSlug: decodeCursor(cursor, SLUG_PATTERN),
        limit: limit + 1,
      });
      return c.json(
        toPage(rows, limit, (r) => r.slug, toWorkspaceView),
        200,
      );
    })
    .openapi(createRouteDef, async (c) => {
      const row = await createWorkspace(
        serviceContext(c, deps.db, changeHooks),
        c.req.valid('json'),
      );
      return c.json(toWorkspaceView(row), 201);
    })
    .openapi(getRoute, (c) => c.json(toWorkspaceView(workspaceOf(c)), 200));
}
