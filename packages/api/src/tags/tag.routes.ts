import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { pageQuerySchema, pageSchema } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { mergeTag } from './tag-merge.service.ts';
import { TAG_EDITORS } from './tag-roles.ts';
import { tagVersionRoutes } from './tag-version.routes.ts';
import {
  CreatedTagSchema,
  CreateTagSchema,
  MergeResultSchema,
  MergeTagSchema,
  PatchTagSchema,
  TagCategorySchema,
  TagCheckQuerySchema,
  TagCheckSchema,
  TagDetailSchema,
  TagKindSchema,
  TagParams,
  TagStatusSchema,
} from './tag.schema.ts';
import {
  checkTagName,
  createTag,
  listTagDetails,
  lookUpTag,
  patchTag,
  toTagDetail,
  toTagDetails,
} from './tag.service.ts';

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
      content: { 'application/json': { schema: pageSchema(TagDetailSchema, 'TagPage') } },
    },
  },
});

const createRoute = defineRoute(TAG_EDITORS, {
  method: 'post',
  path: '/workspaces/{workspace}/tags',
  tags: ['tags'],
  summary: 'Create a tag',
  description:
    'The slug must follow the naming standard (lower-case ASCII words joined by single hyphens, 2–48 characters, not `check`); a 422 proposes one that does. A slug or display name that nearly duplicates an existing tag (same slug without hyphens; display names equal but for case, spacing or punctuation) does not stop the create: the answer lists each look-alike under `warnings`.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: CreateTagSchema } } },
  },
  responses: {
    201: {
      description: 'Created (version 1)',
      content: { 'application/json': { schema: CreatedTagSchema } },
    },
    409: { description: 'The slug is taken' },
  },
});

const checkRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/tags/check',
  tags: ['tags'],
  summary: 'Check a slug and display name while typing them',
  description:
    'What is wrong with the slug and a slug that would do, whether it is taken, and the existing tags a create would warn about.',
  request: { params: WorkspaceParams, query: TagCheckQuerySchema },
  responses: {
    200: { description: 'The check', content: { 'application/json': { schema: TagCheckSchema } } },
  },
});

const getRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/tags/{tag}',
  tags: ['tags'],
  summary: 'Get a tag by slug, with how many customers hold it',
  request: { params: TagParams },
  responses: {
    200: { description: 'The tag', content: { 'application/json': { schema: TagDetailSchema } } },
    308: { description: 'The tag was renamed: `Location` is its address under the new slug' },
  },
});

const patchRoute = defineRoute(TAG_EDITORS, {
  method: 'patch',
  path: '/workspaces/{workspace}/tags/{tag}',
  tags: ['tags'],
  summary: "Change a tag's definition: slug, name, description, owner, status, source, auto-accept",
  description:
    'Each change that alters something writes the next version (with the optional `message`); fields equal to the current ones change nothing. A new slug follows the naming standard (422 proposing one) and must be free (409). A deprecated tag keeps its holders but gets no new suggestions. Switching auto-accept on lets suggestions at or above the policy threshold become customer tags without review.',
  request: {
    params: TagParams,
    body: { required: true, content: { 'application/json': { schema: PatchTagSchema } } },
  },
  responses: {
    200: { description: 'The tag', content: { 'application/json': { schema: TagDetailSchema } } },
    409: { description: 'The new slug is taken' },
  },
});

const mergeRoute = defineRoute(TAG_EDITORS, {
  method: 'post',
  path: '/workspaces/{workspace}/tags/{tag}/merge',
  tags: ['tags'],
  summary: 'Merge a tag into another one',
  description:
    "In one transaction: every current holder of the tag holds `into` instead (their old holding is closed with the reason `merged into <slug>`; customers holding `into` already keep theirs), the tag's pending suggestions are superseded, and the tag is archived as a new version noting the merge. History is kept.",
  request: {
    params: TagParams,
    body: { required: true, content: { 'application/json': { schema: MergeTagSchema } } },
  },
  responses: {
    200: { description: 'Merged', content: { 'application/json': { schema: MergeResultSchema } } },
    409: { description: 'One of the tags is archived' },
  },
});

/** `/v1/workspaces/{workspace}/tags…`: the taxonomy, its versions and merges. */
export function tagRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return (
    createRouter()
      .openapi(listRoute, async (c) => {
        const query = c.req.valid('query');
        return c.json(await listTagDetails(deps.db, workspaceOf(c), query), 200);
      })
      .openapi(createRoute, async (c) => {
        const ctx = serviceContext(c, deps.db, changeHooks);
        const { row, warnings } = await createTag(ctx, workspaceOf(c), c.req.valid('json'));
        return c.json({ ...(await toTagDetail(deps.db, row)), warnings }, 201);
      })
      // Before `{tag}`: `check` is reserved, so no tag is shadowed by this path.
      .openapi(checkRoute, async (c) => {
        return c.json(await checkTagName(deps.db, workspaceOf(c), c.req.valid('query')), 200);
      })
      .openapi(getRoute, async (c) => {
        const found = await lookUpTag(deps.db, workspaceOf(c), c.req.valid('param').tag);
        if ('tag' in found) return c.json(await toTagDetail(deps.db, found.tag), 200);
        // A link kept from before a rename (a bookmark, another system) still reaches the tag.
        const path = c.req.path.replace(/[^/]+$/, encodeURIComponent(found.renamedTo));
        return c.redirect(path, 308);
      })
      .openapi(patchRoute, async (c) => {
        const { tag } = c.req.valid('param');
        const ctx = serviceContext(c, deps.db, changeHooks);
        const row = await patchTag(ctx, workspaceOf(c), tag, c.req.valid('json'));
        return c.json(await toTagDetail(deps.db, row), 200);
      })
      .openapi(mergeRoute, async (c) => {
        const { tag } = c.req.valid('param');
        const ctx = serviceContext(c, deps.db, changeHooks);
        const outcome = await mergeTag(ctx, workspaceOf(c), tag, c.req.valid('json'));
        const [merged, into] = await toTagDetails(deps.db, [outcome.tag, outcome.into]);
        return c.json({ ...outcome, tag: merged!, into: into! }, 200);
      })
      .route('/', tagVersionRoutes(deps))
  );
}
