import { z } from '@hono/zod-openapi';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { RULE_TABLE_NAMES } from './default-rule-tables.ts';
import { getRuleTable, listRuleTables, putRuleTable } from './rule-table.service.ts';
import type { RuleTableRow } from './rule-table.table.ts';

const RuleTableSchema = z
  .object({
    id: z
      .uuid()
      .openapi({ description: 'The version id (suggestions name it as their source version)' }),
    name: z.enum(RULE_TABLE_NAMES),
    version: z.number().int(),
    rules: z.array(z.record(z.string(), z.unknown())).openapi({
      description: 'The rule language of the engine: [{tag, label, description?, when}]',
    }),
    createdAt: z.string(),
  })
  .openapi('RuleTable');

const RuleTableParams = WorkspaceParams.extend({
  ruleTable: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'ruleTable', in: 'path' }, example: 'rfm-segments' }),
});

const toView = (row: RuleTableRow) => ({
  id: row.id,
  name: row.name as (typeof RULE_TABLE_NAMES)[number],
  version: row.version,
  rules: row.rules as unknown as Record<string, unknown>[],
  createdAt: row.created_at.toISOString(),
});

const listRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/rule-tables',
  tags: ['rules'],
  summary: 'The current version of each rule table (RFM segments, lifecycle)',
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'The rule tables',
      content: { 'application/json': { schema: z.object({ items: z.array(RuleTableSchema) }) } },
    },
  },
});

const getRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/rule-tables/{ruleTable}',
  tags: ['rules'],
  summary: 'The current version of a rule table',
  request: { params: RuleTableParams },
  responses: {
    200: {
      description: 'The rule table',
      content: { 'application/json': { schema: RuleTableSchema } },
    },
  },
});

const putRoute = defineRoute(['admin', 'analyst'], {
  method: 'put',
  path: '/workspaces/{workspace}/rule-tables/{ruleTable}',
  tags: ['rules'],
  summary: 'Replace a rule table (stored as a new version; tags of new rules are created)',
  description:
    'Validated by the engine: a 422 names the spot, e.g. `rules[2].when.all[1].op`. Feature names are checked against the features customers have.',
  request: {
    params: RuleTableParams,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ rules: z.array(z.unknown()) }).openapi('PutRuleTable'),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The new version',
      content: { 'application/json': { schema: RuleTableSchema } },
    },
  },
});

/** `/v1/workspaces/{workspace}/rule-tables`. */
export function ruleTableRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(listRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json({ items: (await listRuleTables(ctx, workspaceOf(c))).map(toView) }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { ruleTable } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(toView(await getRuleTable(ctx, workspaceOf(c), ruleTable)), 200);
    })
    .openapi(putRoute, async (c) => {
      const { ruleTable } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      const row = await putRuleTable(ctx, workspaceOf(c), ruleTable, c.req.valid('json').rules);
      return c.json(toView(row), 200);
    });
}
