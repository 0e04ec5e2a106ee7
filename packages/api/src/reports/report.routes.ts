import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { acceptanceReport } from './acceptance-report.ts';
import { churnDrift } from './churn-drift.ts';
import { clusterDrift } from './cluster-drift.ts';
import { coverageReport } from './coverage-report.ts';
import { reliabilityReport } from './reliability-report.ts';
import {
  AcceptanceQuerySchema,
  AcceptanceReportSchema,
  CoverageReportSchema,
  DriftReportSchema,
  ReliabilityQuerySchema,
  ReliabilityReportSchema,
  UnusedTagsQuerySchema,
  UnusedTagsReportSchema,
} from './report.schema.ts';
import { unusedTagsReport } from './unused-tags-report.ts';

const json = <T>(schema: T, description: string) => ({
  200: { description, content: { 'application/json': { schema } } },
});

const coverageRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/reports/coverage',
  tags: ['reports'],
  summary: 'Tag coverage and distribution now, and holders over the last refreshes',
  request: { params: WorkspaceParams },
  responses: json(CoverageReportSchema, 'The coverage report'),
});

const acceptanceRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/reports/acceptance',
  tags: ['reports'],
  summary: 'Suggestions by outcome and acceptance rate, per tag and per source',
  description:
    'Counts the suggestions created in [from, to) (either end optional) by their status now; superseded ones are left out.',
  request: { params: WorkspaceParams, query: AcceptanceQuerySchema },
  responses: json(AcceptanceReportSchema, 'The acceptance report'),
});

const reliabilityRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/reports/reliability',
  tags: ['reports'],
  summary: 'Reliability table: suggestion confidence against acceptance, per source',
  request: { params: WorkspaceParams, query: ReliabilityQuerySchema },
  responses: json(ReliabilityReportSchema, 'The reliability table'),
});

const driftRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/reports/drift',
  tags: ['reports'],
  summary: 'Cluster membership movement between runs; churn score drift and backtest',
  request: { params: WorkspaceParams },
  responses: json(DriftReportSchema, 'The drift report'),
});

const unusedTagsRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/reports/unused-tags',
  tags: ['reports'],
  summary: 'Tags nobody was given or nobody read in the last N days',
  request: { params: WorkspaceParams, query: UnusedTagsQuerySchema },
  responses: json(UnusedTagsReportSchema, 'The unused tags'),
});

/** `/v1/workspaces/{workspace}/reports/*`: read-only reports, every figure a SQL aggregate. */
export function reportRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(coverageRoute, async (c) =>
      c.json(await coverageReport(deps.db, workspaceOf(c).id), 200),
    )
    .openapi(acceptanceRoute, async (c) =>
      c.json(await acceptanceReport(deps.db, workspaceOf(c).id, c.req.valid('query')), 200),
    )
    .openapi(reliabilityRoute, async (c) => {
      const { bins, source } = c.req.valid('query');
      const sources = await reliabilityReport(deps.db, workspaceOf(c).id, { bins, source });
      return c.json({ sources }, 200);
    })
    .openapi(driftRoute, async (c) => {
      const workspaceId = workspaceOf(c).id;
      const [clusters, churn] = await Promise.all([
        clusterDrift(deps.db, workspaceId),
        churnDrift(deps.db, workspaceId),
      ]);
      return c.json({ clusters, churn }, 200);
    })
    .openapi(unusedTagsRoute, async (c) => {
      const { days } = c.req.valid('query');
      return c.json({ days, tags: await unusedTagsReport(deps.db, workspaceOf(c).id, days) }, 200);
    });
}
