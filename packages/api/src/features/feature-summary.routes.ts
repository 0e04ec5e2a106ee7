import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { FeatureSummarySchema } from './feature-summary.schema.ts';
import { summariseFeatures } from './feature-summary.service.ts';

const summaryRoute = defineRoute(['admin', 'analyst', 'operator'], {
  method: 'get',
  path: '/workspaces/{workspace}/features/summary',
  tags: ['features'],
  summary: 'Summary of every feature and attribute (count, missing, mean, quantiles, histogram)',
  description:
    'Computed features (from events, as of their cut-off) and customer attributes. Numeric columns get statistics and a 20-bin histogram; text columns their most frequent values.',
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'The summary',
      content: { 'application/json': { schema: FeatureSummarySchema } },
    },
  },
});

/** `/v1/workspaces/{workspace}/features/summary`. */
export function featureSummaryRoutes(deps: AppDeps) {
  return createRouter().openapi(summaryRoute, async (c) =>
    c.json(await summariseFeatures(deps.db, workspaceOf(c)), 200),
  );
}
