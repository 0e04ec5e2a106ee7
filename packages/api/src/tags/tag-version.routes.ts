import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from '../http/cursor.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { TAG_EDITORS } from './tag-roles.ts';
import {
  RollbackTagSchema,
  TagVersionDetailSchema,
  TagVersionParams,
  TagVersionSchema,
} from './tag-version.schema.ts';
import { getVersion, listVersions, rollbackTag, toTagVersionView } from './tag-version.service.ts';
import { TagDetailSchema, TagParams } from './tag.schema.ts';
import { toTagDetail } from './tag.service.ts';

const listRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/tags/{tag}/versions',
  tags: ['tags'],
  summary: "A tag's version history, newest first",
  description:
    'Every create, edit, merge and rollback added one version: who (the key), when, why (the message) and what (field-level changes).',
  request: { params: TagParams, query: pageQuerySchema(500) },
  responses: {
    200: {
      description: 'One page of versions',
      content: { 'application/json': { schema: pageSchema(TagVersionSchema, 'TagVersionPage') } },
    },
  },
});

const getRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/tags/{tag}/versions/{version}',
  tags: ['tags'],
  summary: 'One version of a tag, with the full definition it stored',
  request: { params: TagVersionParams },
  responses: {
    200: {
      description: 'The version',
      content: { 'application/json': { schema: TagVersionDetailSchema } },
    },
  },
});

const rollbackRoute = defineRoute(TAG_EDITORS, {
  method: 'post',
  path: '/workspaces/{workspace}/tags/{tag}/rollback',
  tags: ['tags'],
  summary: 'Restore the definition of an earlier version, as a new version',
  description:
    'History is never rewritten: the rollback adds a version equal to the old definition (a model tag keeps the cluster it names now). Suggestions generated afterwards follow it. Rolling back to a version equal to the current definition is a 409, and so is restoring a slug another tag has taken since.',
  request: {
    params: TagParams,
    body: { required: true, content: { 'application/json': { schema: RollbackTagSchema } } },
  },
  responses: {
    200: {
      description: 'The tag as restored',
      content: { 'application/json': { schema: TagDetailSchema } },
    },
    409: { description: 'Nothing to restore, or the old slug is taken' },
  },
});

/** `/v1/workspaces/{workspace}/tags/{tag}/versions…` and `…/rollback`. */
export function tagVersionRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(listRoute, async (c) => {
      const { tag } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      const after = decodeCursor(cursor, /^[1-9][0-9]{0,9}$/);
      const rows = await listVersions(deps.db, workspaceOf(c), tag, {
        beforeVersion: after === undefined ? undefined : Number(after),
        limit: limit + 1,
      });
      return c.json(
        toPage(rows, limit, (r) => String(r.version), toTagVersionView),
        200,
      );
    })
    .openapi(getRoute, async (c) => {
      const { tag, version } = c.req.valid('param');
      return c.json(await getVersion(deps.db, workspaceOf(c), tag, version), 200);
    })
    .openapi(rollbackRoute, async (c) => {
      const { tag } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      const row = await rollbackTag(ctx, workspaceOf(c), tag, c.req.valid('json'));
      return c.json(await toTagDetail(deps.db, row), 200);
    });
}
