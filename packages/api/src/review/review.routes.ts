import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { WorkspaceParams } from '../http/params.ts';
import { problemBody, problemResponse, type Problem } from '../http/problem.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import {
  BulkDecisionResultSchema,
  BulkDecisionSchema,
  DecisionBodySchema,
  DecisionConflictSchema,
  ReopenedSuggestionSchema,
  SuggestionParams,
  SuggestionSchema,
} from '../suggestions/suggestion.schema.ts';
import { toSuggestionView } from '../suggestions/suggestion.service.ts';
import {
  decideInBulk,
  decideSuggestion,
  DecisionConflictError,
  reopenSuggestion,
  type DecisionKind,
} from './review.service.ts';

const DECIDERS = ['admin', 'operator'] as const;

const decisionRoute = (decision: DecisionKind) =>
  defineRoute(DECIDERS, {
    method: 'post',
    path: `/workspaces/{workspace}/suggestions/{suggestionId}/${decision}`,
    tags: ['review'],
    summary:
      decision === 'accept'
        ? 'Accept a pending suggestion: the customer gets the tag'
        : 'Reject a pending suggestion (the source version never suggests it again)',
    description:
      'Exactly one of several concurrent decisions on a suggestion wins; the others get 409 with the decision that won.',
    request: {
      params: SuggestionParams,
      body: {
        required: false,
        content: { 'application/json': { schema: DecisionBodySchema } },
      },
    },
    responses: {
      200: {
        description: 'Decided',
        content: { 'application/json': { schema: SuggestionSchema } },
      },
      409: {
        description: 'Already decided: `decision` says who decided, when and how',
        content: { 'application/problem+json': { schema: DecisionConflictSchema } },
      },
    },
  });

const reopenRoute = defineRoute(DECIDERS, {
  method: 'post',
  path: '/workspaces/{workspace}/suggestions/{suggestionId}/reopen',
  tags: ['review'],
  summary: 'Undo the decision on a suggestion: it is pending again',
  description:
    'An accepted suggestion also takes back the tag its acceptance gave, if the customer still holds it (a tag held before the accept stays). 409 when the suggestion is pending or superseded, or a newer suggestion of the same tag from the same source has followed it.',
  request: { params: SuggestionParams },
  responses: {
    200: {
      description: 'Pending again, with what happened to the tag',
      content: { 'application/json': { schema: ReopenedSuggestionSchema } },
    },
    409: { description: 'Nothing to undo, or a newer suggestion has followed it' },
  },
});

const bulkRoute = defineRoute(DECIDERS, {
  method: 'post',
  path: '/workspaces/{workspace}/suggestions/decide',
  tags: ['review'],
  summary: 'Accept or reject every pending suggestion a filter selects (or preview the count)',
  description:
    'Filter by tag slug, source and confidence range; `dryRun: true` only counts, for the preview a person confirms.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: BulkDecisionSchema } } },
  },
  responses: {
    200: {
      description: 'How many were (or would be) decided',
      content: { 'application/json': { schema: BulkDecisionResultSchema } },
    },
  },
});

/** The 409 of a lost race, carrying the winning decision. */
function conflictResponse(c: Context<AppEnv>, error: DecisionConflictError): Response {
  const body: Problem & { decision: DecisionConflictError['decision'] } = {
    ...problemBody('conflict', error.detail, c.get('requestId'), { instance: c.req.path }),
    decision: error.decision,
  };
  return problemResponse(body, { 'X-Request-Id': body.requestId });
}

/** Accept, reject, undo and bulk decisions. */
export function reviewRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  const router = createRouter();
  for (const decision of ['accept', 'reject'] as const) {
    router.openapi(decisionRoute(decision), async (c) => {
      const { suggestionId } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      try {
        // The body is optional: without one there is nothing to validate.
        const body = c.req.valid('json') as { reason?: string } | undefined;
        const { suggestion } = await decideSuggestion(
          ctx,
          workspaceOf(c),
          suggestionId,
          decision,
          body?.reason,
        );
        return c.json(toSuggestionView(suggestion), 200);
      } catch (error) {
        if (error instanceof DecisionConflictError) return conflictResponse(c, error) as never;
        throw error;
      }
    });
  }
  router.openapi(reopenRoute, async (c) => {
    const ctx = serviceContext(c, deps.db, changeHooks);
    const { suggestionId } = c.req.valid('param');
    const reopened = await reopenSuggestion(ctx, workspaceOf(c), suggestionId);
    const { tagTakenBack, tagHeld } = reopened;
    return c.json({ ...toSuggestionView(reopened.suggestion), tagTakenBack, tagHeld }, 200);
  });
  router.openapi(bulkRoute, async (c) => {
    const ctx = serviceContext(c, deps.db, changeHooks);
    return c.json(await decideInBulk(ctx, workspaceOf(c), c.req.valid('json')), 200);
  });
  return router;
}
