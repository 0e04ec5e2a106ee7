import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { listNotebooks, type NotebookPosition } from './notebook.repository.ts';
import {
  CreateNotebookSchema,
  DuplicateNotebookSchema,
  NotebookParams,
  NotebookSchema,
  NotebookSummarySchema,
  PatchNotebookSchema,
} from './notebook.schema.ts';
import {
  createNotebook,
  deleteNotebook,
  duplicateNotebook,
  getNotebook,
  patchNotebook,
  toNotebookSummary,
  toNotebookView,
} from './notebook.service.ts';

const READERS = ['admin', 'analyst', 'operator'] as const;
const WRITERS = ['admin', 'analyst'] as const;
/** Operators may save the review cells they work in (the service checks that nothing else changed). */
const EDITORS = ['admin', 'analyst', 'operator'] as const;

const notebookJson = { 'application/json': { schema: NotebookSchema } };

const POSITION = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\|[0-9a-f-]{36}$/i;
const encodePosition = (createdAt: Date, id: string) => `${createdAt.toISOString()}|${id}`;
function decodePosition(cursor: string | undefined): NotebookPosition | undefined {
  const position = decodeCursor(cursor, POSITION);
  if (position === undefined) return undefined;
  const [createdAt, id] = position.split('|') as [string, string];
  return { createdAt: new Date(createdAt), id };
}

const listRoute = defineRoute(READERS, {
  method: 'get',
  path: '/workspaces/{workspace}/notebooks',
  tags: ['notebooks'],
  summary: 'List notebooks, newest first',
  request: { params: WorkspaceParams, query: pageQuerySchema(200) },
  responses: {
    200: {
      description: 'One page of notebooks (without their cells)',
      content: {
        'application/json': { schema: pageSchema(NotebookSummarySchema, 'NotebookPage') },
      },
    },
  },
});

const createRouteDef = defineRoute(WRITERS, {
  method: 'post',
  path: '/workspaces/{workspace}/notebooks',
  tags: ['notebooks'],
  summary: 'Create a notebook',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: CreateNotebookSchema } } },
  },
  responses: { 201: { description: 'Created', content: notebookJson } },
});

const getRoute = defineRoute(READERS, {
  method: 'get',
  path: '/workspaces/{workspace}/notebooks/{notebookId}',
  tags: ['notebooks'],
  summary: 'Get a notebook with its cells',
  request: { params: NotebookParams },
  responses: { 200: { description: 'The notebook', content: notebookJson } },
});

const patchRoute = defineRoute(EDITORS, {
  method: 'patch',
  path: '/workspaces/{workspace}/notebooks/{notebookId}',
  tags: ['notebooks'],
  summary: 'Rename a notebook and/or replace its cells (optimistic concurrency)',
  description:
    'Send the `version` you last read. When another change came first the answer is 409 naming who made it: reload, re-apply, retry. Cells are checked: distinct ids, inputs naming cells of this notebook, no dependency cycle. Operators may change review cells only.',
  request: {
    params: NotebookParams,
    body: { required: true, content: { 'application/json': { schema: PatchNotebookSchema } } },
  },
  responses: {
    200: { description: 'The notebook at its new version', content: notebookJson },
    409: { description: 'The notebook changed since `version`' },
  },
});

const duplicateRoute = defineRoute(WRITERS, {
  method: 'post',
  path: '/workspaces/{workspace}/notebooks/{notebookId}/duplicate',
  tags: ['notebooks'],
  summary: 'Copy a notebook (cells and their result references)',
  request: {
    params: NotebookParams,
    body: {
      required: false,
      content: { 'application/json': { schema: DuplicateNotebookSchema } },
    },
  },
  responses: { 201: { description: 'The copy', content: notebookJson } },
});

const deleteRoute = defineRoute(WRITERS, {
  method: 'delete',
  path: '/workspaces/{workspace}/notebooks/{notebookId}',
  tags: ['notebooks'],
  summary: 'Delete a notebook (the runs and models it refers to stay)',
  request: { params: NotebookParams },
  responses: { 204: { description: 'Deleted' } },
});

/** `/v1/workspaces/{workspace}/notebooks`: the workbench's saved notebooks. */
export function notebookRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(listRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const rows = await listNotebooks(deps.db, workspaceOf(c).id, {
        after: decodePosition(cursor),
        limit: limit + 1,
      });
      return c.json(
        toPage(rows, limit, (r) => encodePosition(r.created_at, r.id), toNotebookSummary),
        200,
      );
    })
    .openapi(createRouteDef, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await createNotebook(ctx, workspaceOf(c), c.req.valid('json')), 201);
    })
    .openapi(getRoute, async (c) => {
      const { notebookId } = c.req.valid('param');
      return c.json(toNotebookView(await getNotebook(deps.db, workspaceOf(c), notebookId)), 200);
    })
    .openapi(patchRoute, async (c) => {
      const { notebookId } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await patchNotebook(ctx, workspaceOf(c), notebookId, c.req.valid('json')), 200);
    })
    .openapi(duplicateRoute, async (c) => {
      const { notebookId } = c.req.valid('param');
      // The body is optional: without one, the copy is titled "<title> (copy)".
      const body = (c.req.valid('json') as { title?: string } | undefined) ?? {};
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await duplicateNotebook(ctx, workspaceOf(c), notebookId, body.title), 201);
    })
    .openapi(deleteRoute, async (c) => {
      const { notebookId } = c.req.valid('param');
      await deleteNotebook(serviceContext(c, deps.db, changeHooks), workspaceOf(c), notebookId);
      return c.body(null, 204);
    });
}
