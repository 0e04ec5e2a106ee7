import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { listTags } from './tag.repository.ts';
import {
  CreateTagSchema,
  PatchTagSchema,
  TagCategorySchema,
  TagKindSchema,
  TagParams,
  TagSchema,
  TagStatusSchema,
} from './tag.schema.ts';
import { createTag, getTag, patchTag, toTagView } from './tag.service.ts';

const EDITORS = ['admin', 'analyst'] as const;

const listRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/tags',
  tags: ['tags'],
  summary: 'List tags by slug',
  request: {
    params: WorkspaceParams,
    query: pageQuerySchema(500).extend({
      kind: TagKindSchema.optional(),
      category: TagCategorySchema.optional(),
      status: TagStatusSchema.optional(),
    }),
  },
  responses: {
    200: {
      description: 'One page of tags',
      content: { 'application/json': { schema: pageSchema(TagSchema, 'TagPage') } },
    },
  },
});

const createRoute = defineRoute(EDITORS, {
  method: 'post',
  path: '/workspaces/{workspace}/tags',
  tags: ['tags'],
  summary: 'Create a tag',
  description:
    'The slug must follow the naming standard (lower-case ASCII words joined by single hyphens, 2–48 characters); a 422 proposes one that does.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: CreateTagSchema } } },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: TagSchema } } },
    409: { description: 'The slug is taken' },
  },
});

const getRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/tags/{tag}',
  tags: ['tags'],
  summary: 'Get a tag by slug',
  request: { params: TagParams },
  responses: {
    200: { description: 'The tag', content: { 'application/json': { schema: TagSchema } } },
  },
});

const patchRoute = defineRoute(EDITORS, {
  method: 'patch',
  path: '/workspaces/{workspace}/tags/{tag}',
  tags: ['tags'],
  summary: "Change a tag's name, description, status or auto-accept switch (audited)",
  description:
    'A deprecated tag keeps its holders but gets no new suggestions. Switching auto-accept on lets suggestions at or above the policy threshold become customer tags without review.',
  request: {
    params: TagParams,
    body: { required: true, content: { 'application/json': { schema: PatchTagSchema } } },
  },
  responses: {
    200: { description: 'The tag', content: { 'application/json': { schema: TagSchema } } },
  },
});

/** `/v1/workspaces/{workspace}/tags`. */
export function tagRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(listRoute, async (c) => {
      const { limit, cursor, kind, category, status } = c.req.valid('query');
      const rows = await listTags(deps.db, workspaceOf(c).id, {
        afterSlug: decodeCursor(cursor),
        limit: limit + 1,
        kind,
        category,
        status,
      });
      return c.json(
        toPage(rows, limit, (r) => r.slug, toTagView),
        200,
      );
    })
    .openapi(createRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(toTagView(await createTag(ctx, workspaceOf(c), c.req.valid('json'))), 201);
    })
    .openapi(getRoute, async (c) => {
      const { tag } = c.req.valid('param');
      return c.json(toTagView(await getTag(deps.db, workspaceOf(c), tag)), 200);
    })
    .openapi(patchRoute, async (c) => {
      const { tag } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      const row = await patchTag(ctx, workspaceOf(c), tag, c.req.valid('json'));
      return c.json(toTagView(row), 200);
    });
}
