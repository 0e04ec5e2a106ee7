import { z } from '@hono/zod-openapi';
import { ExternalIdSchema } from '../customers/customer.schema.ts';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { JobSchema } from '../jobs/job.schema.ts';
import { toJobView } from '../jobs/job.service.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { ChurnModelCache } from './churn-model-cache.ts';
import { listChurnModels } from './churn-model.repository.ts';
import { CHURN_MODEL_STATUSES } from './churn-model.table.ts';
import { ChurnScoreParamsSchema, ChurnTrainParamsSchema } from './churn-params.ts';
import {
  ActivateChurnModelSchema,
  ChurnModelDetailSchema,
  ChurnModelParams,
  ChurnModelSchema,
  ChurnPredictRequestSchema,
  ChurnPredictResponseSchema,
  CustomerChurnSchema,
  PREDICT_LIMIT,
} from './churn.schema.ts';
import {
  activateChurnModelById,
  getChurnModel,
  getCustomerChurn,
  predictChurn,
  queueChurnScoring,
  queueChurnTraining,
  toChurnModelDetailView,
  toChurnModelView,
} from './churn.service.ts';

/** Training, scoring and activation change what every reader sees. */
const MODELLERS = ['admin', 'analyst'] as const;

const listModelsRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/churn/models',
  tags: ['churn'],
  summary: 'List churn models, newest version first',
  request: {
    params: WorkspaceParams,
    query: pageQuerySchema(200).extend({ status: z.enum(CHURN_MODEL_STATUSES).optional() }),
  },
  responses: {
    200: {
      description: 'One page of models (metrics summarised; no weights)',
      content: { 'application/json': { schema: pageSchema(ChurnModelSchema, 'ChurnModelPage') } },
    },
  },
});

const getModelRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/churn/models/{modelId}',
  tags: ['churn'],
  summary: 'Get a churn model with its evaluation, reliability table and importance',
  request: { params: ChurnModelParams },
  responses: {
    200: {
      description: 'The model',
      content: { 'application/json': { schema: ChurnModelDetailSchema } },
    },
  },
});

const activateRoute = defineRoute(MODELLERS, {
  method: 'post',
  path: '/workspaces/{workspace}/churn/models/{modelId}/activate',
  tags: ['churn'],
  summary: "Make a model the workspace's active churn model",
  description:
    'Atomic: the active model is retired in the same transaction. Without `override` the model must beat the active one on held-out ROC-AUC for the same label (else 409 with the comparison). With `override: true` and a `reason`, any model is activated; the activation is recorded in the audit log. Scores are not recomputed: queue a churn-score job afterwards.',
  request: {
    params: ChurnModelParams,
    body: {
      required: true,
      content: { 'application/json': { schema: ActivateChurnModelSchema } },
    },
  },
  responses: {
    200: {
      description: 'The model, now active',
      content: { 'application/json': { schema: ChurnModelSchema } },
    },
    409: { description: 'The model does not beat the active one and no override was given' },
  },
});

const trainRoute = defineRoute(MODELLERS, {
  method: 'post',
  path: '/workspaces/{workspace}/churn/train',
  tags: ['churn'],
  summary: 'Queue a churn-train job',
  description:
    'Checks the request against the data first (422 naming each field: a label attribute that is not two-valued, events that end before the label window closes, unknown feature or attribute names), then queues the job. The job cross-validates, trains, stores the model with its metrics, and activates it only if no model is active or it beats the active one on held-out ROC-AUC for the same label.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: ChurnTrainParamsSchema } } },
  },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: JobSchema } } },
  },
});

const scoreRoute = defineRoute(MODELLERS, {
  method: 'post',
  path: '/workspaces/{workspace}/churn/score',
  tags: ['churn'],
  summary: 'Queue a churn-score job (every customer, with the active model)',
  description:
    'The new predictions replace the current ones only when the job succeeds; until then (and if it fails) readers keep the previous ones.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: ChurnScoreParamsSchema } } },
  },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: JobSchema } } },
    409: { description: 'No churn model is active' },
  },
});

const customerChurnRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/customers/{externalId}/churn',
  tags: ['churn'],
  summary: "A customer's current churn prediction",
  description:
    'From the last successful churn-score job. 404 when the customer is unknown or has not been scored yet (the detail says which and why).',
  request: {
    params: WorkspaceParams.extend({
      externalId: ExternalIdSchema.openapi({ param: { name: 'externalId', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: 'Probability, risk band, model, time and top factors',
      content: { 'application/json': { schema: CustomerChurnSchema } },
    },
  },
});

const predictRoute = defineRoute(ALL_ROLES, {
  method: 'post',
  path: '/workspaces/{workspace}/churn/predict',
  tags: ['churn'],
  summary: 'Churn probabilities for customers or raw feature rows, with the active model',
  description: `Send \`customerIds\` (stored predictions of the active model, else scored now from stored data) or \`rows\` (each with exactly the active model's inputs; missing or unexpected columns are a 422 naming them). At most ${PREDICT_LIMIT} per call (422 above). 409 when no model is active.`,
  request: {
    params: WorkspaceParams,
    body: {
      required: true,
      content: { 'application/json': { schema: ChurnPredictRequestSchema } },
    },
  },
  responses: {
    200: {
      description: 'One item per scored customer or row, in request order',
      content: { 'application/json': { schema: ChurnPredictResponseSchema } },
    },
    409: { description: 'No churn model is active' },
  },
});

/**
 * `/v1/workspaces/{workspace}/churn/...` and `/customers/{externalId}/churn`. The router
 * owns the in-process cache of deserialised active models.
 */
export function churnRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  const cache = new ChurnModelCache();
  return createRouter()
    .openapi(listModelsRoute, async (c) => {
      const { limit, cursor, status } = c.req.valid('query');
      const after = decodeCursor(cursor, /^\d{1,9}$/);
      const rows = await listChurnModels(deps.db, workspaceOf(c).id, {
        beforeVersion: after === undefined ? undefined : Number(after),
        status,
        limit: limit + 1,
      });
      return c.json(
        toPage(rows, limit, (r) => String(r.version), toChurnModelView),
        200,
      );
    })
    .openapi(getModelRoute, async (c) => {
      const row = await getChurnModel(deps.db, workspaceOf(c), c.req.valid('param').modelId);
      return c.json(toChurnModelDetailView(row), 200);
    })
    .openapi(activateRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      const row = await activateChurnModelById(
        ctx,
        workspaceOf(c),
        c.req.valid('param').modelId,
        c.req.valid('json'),
        cache,
      );
      return c.json(toChurnModelView(row), 200);
    })
    .openapi(trainRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      const job = await queueChurnTraining(ctx, deps.jobs, workspaceOf(c), c.req.valid('json'));
      return c.json(toJobView(job), 202);
    })
    .openapi(scoreRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      const job = await queueChurnScoring(ctx, deps.jobs, workspaceOf(c), c.req.valid('json'));
      return c.json(toJobView(job), 202);
    })
    .openapi(customerChurnRoute, async (c) => {
      const { externalId } = c.req.valid('param');
      return c.json(await getCustomerChurn(deps.db, workspaceOf(c), externalId), 200);
    })
    .openapi(predictRoute, async (c) => {
      const response = await predictChurn(deps.db, workspaceOf(c), c.req.valid('json'), cache);
      return c.json(response, 200);
    });
}
