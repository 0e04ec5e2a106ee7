import { z } from '@hono/zod-openapi';
import type { TypedResponse } from 'hono';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute, invalidInput } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { JobSchema } from '../jobs/job.schema.ts';
import { createJob, toJobView } from '../jobs/job.service.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { ExternalIdSchema } from '../customers/customer.schema.ts';
import { suggestParamsSchema } from './suggest.job.ts';
import type { StoredPolicy } from './suggestion-policy.repository.ts';
import {
  PolicySchema,
  PolicyViewSchema,
  SuggestionQuerySchema,
  SuggestionSchema,
  SuggestionStatusSchema,
  type SuggestionView,
} from './suggestion.schema.ts';
import {
  countReviewQueue,
  customerSuggestionsJson,
  getPolicy,
  putPolicy,
  QUEUE_CURSOR,
  reviewQueue,
  toSuggestionView,
  type QueueQuery,
} from './suggestion.service.ts';

const ANALYSTS = ['admin', 'analyst'] as const;

const generateRoute = defineRoute(ANALYSTS, {
  method: 'post',
  path: '/workspaces/{workspace}/suggestions/generate',
  tags: ['suggestions'],
  summary: 'Generate suggestions from every source (a `suggest` job)',
  request: {
    params: WorkspaceParams,
    body: {
      required: true,
      content: { 'application/json': { schema: suggestParamsSchema.openapi('SuggestParams') } },
    },
  },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: JobSchema } } },
  },
});

const queueRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/suggestions',
  tags: ['suggestions'],
  summary: 'The review queue: suggestions by confidence, highest first',
  description:
    'Filter by status (e.g. pending), tag slug, source and a confidence range. Keyset-paginated on (confidence, id).',
  request: {
    params: WorkspaceParams,
    query: pageQuerySchema(1000).extend(SuggestionQuerySchema.shape),
  },
  responses: {
    200: {
      description: 'One page of suggestions',
      content: { 'application/json': { schema: pageSchema(SuggestionSchema, 'SuggestionPage') } },
    },
  },
});

const countRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/suggestions/count',
  tags: ['suggestions'],
  summary: 'How many suggestions the review queue holds for a filter (all of its pages)',
  request: { params: WorkspaceParams, query: SuggestionQuerySchema },
  responses: {
    200: {
      description: 'The count',
      content: {
        'application/json': {
          schema: z.object({ count: z.number().int() }).openapi('SuggestionCount'),
        },
      },
    },
  },
});

/** The review-queue filter of a query's parameters; an empty confidence range is a 400. */
function queueQuery(q: z.infer<typeof SuggestionQuerySchema>): QueueQuery {
  if (q.min_confidence !== undefined && q.max_confidence !== undefined) {
    if (q.min_confidence > q.max_confidence) {
      throw invalidInput('query', [
        { path: 'max_confidence', message: 'must be >= min_confidence' },
      ]);
    }
  }
  return {
    status: q.status,
    tag: q.tag,
    source: q.source,
    minConfidence: q.min_confidence,
    maxConfidence: q.max_confidence,
  };
}

const customerRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/customers/{externalId}/suggestions',
  tags: ['suggestions'],
  summary: "A customer's suggestions, newest first",
  request: {
    params: WorkspaceParams.extend({
      externalId: ExternalIdSchema.openapi({ param: { name: 'externalId', in: 'path' } }),
    }),
    query: z.object({ status: SuggestionStatusSchema.optional() }),
  },
  responses: {
    200: {
      description: 'The suggestions',
      content: { 'application/json': { schema: z.object({ items: z.array(SuggestionSchema) }) } },
    },
  },
});

const getPolicyRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/suggestion-policy',
  tags: ['suggestions'],
  summary: 'The review and auto-accept confidence thresholds',
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'The policy',
      content: { 'application/json': { schema: PolicyViewSchema } },
    },
  },
});

const putPolicyRoute = defineRoute(['admin'], {
  method: 'put',
  path: '/workspaces/{workspace}/suggestion-policy',
  tags: ['suggestions'],
  summary: 'Set the review and auto-accept confidence thresholds (audited)',
  description:
    'Below `reviewFrom` nothing is suggested; from `autoAcceptFrom` up, tags with auto-accept on are assigned without review; in between, suggestions wait for review.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: PolicySchema } } },
  },
  responses: {
    200: {
      description: 'The policy',
      content: { 'application/json': { schema: PolicyViewSchema } },
    },
  },
});

const toPolicyView = (policy: StoredPolicy) => ({
  reviewFrom: policy.reviewFrom,
  autoAcceptFrom: policy.autoAcceptFrom,
  customised: policy.customised,
  updatedAt: policy.updatedAt?.toISOString() ?? null,
});

/** `/v1/workspaces/{workspace}/suggestions`, a customer's suggestions and the policy. */
export function suggestionRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(generateRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      const job = await createJob(ctx, deps.jobs, workspaceOf(c), {
        kind: 'suggest',
        params: c.req.valid('json'),
      });
      return c.json(toJobView(job), 202);
    })
    .openapi(queueRoute, async (c) => {
      const q = c.req.valid('query');
      const position = decodeCursor(q.cursor, QUEUE_CURSOR);
      const [confidence, id] = position === undefined ? [] : position.split('|');
      const rows = await reviewQueue(deps.db, workspaceOf(c), queueQuery(q), {
        after:
          confidence === undefined || id === undefined
            ? undefined
            : { confidence: Number(confidence), id },
        limit: q.limit + 1,
      });
      return c.json(
        toPage(rows, q.limit, (r) => `${r.confidence}|${r.id}`, toSuggestionView),
        200,
      );
    })
    .openapi(countRoute, async (c) =>
      c.json(
        {
          count: await countReviewQueue(deps.db, workspaceOf(c), queueQuery(c.req.valid('query'))),
        },
        200,
      ),
    )
    .openapi(customerRoute, async (c) => {
      const { externalId } = c.req.valid('param');
      const { status } = c.req.valid('query');
      const items = await customerSuggestionsJson(deps.db, workspaceOf(c), externalId, status);
      // Built by the database as `toSuggestionView` would write it: sent as it is.
      return c.body(`{"items":${items}}`, 200, {
        'content-type': 'application/json',
      }) as unknown as TypedResponse<{ items: SuggestionView[] }, 200, 'json'>;
    })
    .openapi(getPolicyRoute, async (c) =>
      c.json(toPolicyView(await getPolicy(deps.db, workspaceOf(c))), 200),
    )
    .openapi(putPolicyRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(toPolicyView(await putPolicy(ctx, workspaceOf(c), c.req.valid('json'))), 200);
    });
}
