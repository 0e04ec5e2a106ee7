import { z } from '@hono/zod-openapi';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import {
  decodeCursor,
  encodeCursor,
  pageQuerySchema,
  pageSchema,
  toPage,
  UUID_PATTERN,
} from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { JobSchema } from '../jobs/job.schema.ts';
import { toJobView } from '../jobs/job.service.ts';
import { toTagView } from '../tags/tag.service.ts';
import { clusterRunParamsSchema } from './cluster-run.job.ts';
import { listClusterRuns } from './cluster-run.repository.ts';
import {
  ClusterMemberSchema,
  ClusterParams,
  ClusterRunParams,
  ClusterRunSchema,
  ClusterRunSummarySchema,
  NameClusterSchema,
  NamedClusterSchema,
  RunComparisonSchema,
} from './cluster-run.schema.ts';
import {
  compareClusterRuns,
  getClusterRun,
  listMembers,
  nameCluster,
  startClusterRun,
  toClusterRunSummary,
} from './cluster-run.service.ts';

const ANALYSTS = ['admin', 'analyst'] as const;
const READERS = ['admin', 'analyst', 'operator'] as const;

const startRoute = defineRoute(ANALYSTS, {
  method: 'post',
  path: '/workspaces/{workspace}/cluster-runs',
  tags: ['clusters'],
  summary: 'Start a clustering run (a `cluster-run` job)',
  description:
    'Clusters customers on stored behavioural features and/or numeric attributes. Follow the job (GET or SSE); its result names the run. A run on the same features as the active one matches its clusters to it and carries cluster names over. A cancelled or failed run leaves the previous run active.',
  request: {
    params: WorkspaceParams,
    body: {
      required: true,
      content: {
        'application/json': { schema: clusterRunParamsSchema.openapi('ClusterRunParams') },
      },
    },
  },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: JobSchema } } },
  },
});

const listRoute = defineRoute(READERS, {
  method: 'get',
  path: '/workspaces/{workspace}/cluster-runs',
  tags: ['clusters'],
  summary: 'List clustering runs, newest first',
  request: { params: WorkspaceParams, query: pageQuerySchema(200) },
  responses: {
    200: {
      description: 'One page of runs',
      content: {
        'application/json': { schema: pageSchema(ClusterRunSummarySchema, 'ClusterRunPage') },
      },
    },
  },
});

const getRoute = defineRoute(READERS, {
  method: 'get',
  path: '/workspaces/{workspace}/cluster-runs/{runId}',
  tags: ['clusters'],
  summary: 'Get a run: k-selection table, profiles, projected points, matching, cluster names',
  request: { params: ClusterRunParams },
  responses: {
    200: { description: 'The run', content: { 'application/json': { schema: ClusterRunSchema } } },
  },
});

const compareRoute = defineRoute(READERS, {
  method: 'get',
  path: '/workspaces/{workspace}/cluster-runs/{runId}/compare',
  tags: ['clusters'],
  summary: 'Compare a run with an earlier run on the same features (matching, movement, flows)',
  request: {
    params: ClusterRunParams,
    query: z.object({
      with: z.uuid().openapi({ description: 'The run to compare with (the earlier one)' }),
    }),
  },
  responses: {
    200: {
      description: 'The comparison',
      content: { 'application/json': { schema: RunComparisonSchema } },
    },
  },
});

const nameRoute = defineRoute(ANALYSTS, {
  method: 'post',
  path: '/workspaces/{workspace}/cluster-runs/{runId}/clusters/{cluster}/tag',
  tags: ['clusters'],
  summary: 'Name a cluster as a model tag (create the tag or link an existing one)',
  description:
    'Future suggestions for the tag come from membership of this cluster; later runs on the same features carry the name to the matching cluster.',
  request: {
    params: ClusterParams,
    body: { required: true, content: { 'application/json': { schema: NameClusterSchema } } },
  },
  responses: {
    200: {
      description: 'The cluster is named',
      content: { 'application/json': { schema: NamedClusterSchema } },
    },
    409: { description: 'The cluster already has a name, or the run was superseded' },
  },
});

const membersRoute = defineRoute(READERS, {
  method: 'get',
  path: '/workspaces/{workspace}/cluster-runs/{runId}/clusters/{cluster}/members',
  tags: ['clusters'],
  summary: "A cluster's members with their membership confidence and feature values",
  request: { params: ClusterParams, query: pageQuerySchema(1000) },
  responses: {
    200: {
      description: 'One page of members',
      content: {
        'application/json': { schema: pageSchema(ClusterMemberSchema, 'ClusterMemberPage') },
      },
    },
  },
});

/** `/v1/workspaces/{workspace}/cluster-runs`. */
export function clusterRunRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(startRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      const job = await startClusterRun(ctx, deps.jobs, workspaceOf(c), c.req.valid('json'));
      return c.json(toJobView(job), 202);
    })
    .openapi(listRoute, async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const rows = await listClusterRuns(deps.db, workspaceOf(c).id, {
        afterId: decodeCursor(cursor, UUID_PATTERN),
        limit: limit + 1,
      });
      return c.json(
        toPage(rows, limit, (r) => r.id, toClusterRunSummary),
        200,
      );
    })
    .openapi(getRoute, async (c) => {
      const { runId } = c.req.valid('param');
      return c.json(await getClusterRun(deps.db, workspaceOf(c), runId), 200);
    })
    .openapi(compareRoute, async (c) => {
      const { runId } = c.req.valid('param');
      const { with: other } = c.req.valid('query');
      return c.json(await compareClusterRuns(deps.db, workspaceOf(c), runId, other), 200);
    })
    .openapi(nameRoute, async (c) => {
      const { runId, cluster } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      const { tag, created } = await nameCluster(
        ctx,
        workspaceOf(c),
        runId,
        cluster,
        c.req.valid('json'),
      );
      return c.json({ runId, cluster, tag: toTagView(tag), created }, 200);
    })
    .openapi(membersRoute, async (c) => {
      const { runId, cluster } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      const after = decodeCursor(cursor, /^\d+$/);
      const { rows, lastIds } = await listMembers(deps.db, workspaceOf(c), runId, cluster, {
        afterCustomerId: after === undefined ? undefined : Number(after),
        limit: limit + 1,
      });
      const hasMore = rows.length > limit;
      return c.json(
        {
          items: rows.slice(0, limit),
          nextCursor: hasMore ? encodeCursor(String(lastIds[limit - 1])) : null,
        },
        200,
      );
    });
}
