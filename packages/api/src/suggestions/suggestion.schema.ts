import { z } from '@hono/zod-openapi';
import { WorkspaceParams } from '../http/params.ts';
import { ProblemSchema } from '../http/problem.ts';

export const SuggestionSourceSchema = z
  .enum(['cluster', 'churn', 'rule'])
  .openapi('SuggestionSource');
export const SuggestionStatusSchema = z
  .enum(['pending', 'accepted', 'rejected', 'auto_accepted', 'superseded'])
  .openapi('SuggestionStatus');

export const FactorSchema = z
  .object({
    feature: z.string(),
    value: z.union([z.number(), z.string()]),
    contribution: z.number().optional(),
  })
  .openapi('Factor');

export const SuggestionSchema = z
  .object({
    id: z.uuid(),
    customer: z.string().openapi({ description: "The customer's external id" }),
    tag: z.string().openapi({ description: 'The tag slug' }),
    tagDisplayName: z.string(),
    source: SuggestionSourceSchema,
    sourceVersion: z.string().openapi({
      description: 'The cluster run, churn model or rule-table version that made it',
    }),
    confidence: z.number().min(0).max(1),
    explanation: z.object({ factors: z.array(FactorSchema), text: z.string() }),
    status: SuggestionStatusSchema,
    decidedBy: z.string().nullable().openapi({ description: 'The API key id that decided' }),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Suggestion');

export type SuggestionView = z.infer<typeof SuggestionSchema>;

export const ReopenedSuggestionSchema = SuggestionSchema.extend({
  tagTakenBack: z.boolean().openapi({
    description: 'true when the undone accept had given the customer the tag and it was taken back',
  }),
  tagHeld: z.boolean().openapi({
    description: 'Whether the customer holds the tag now (one held before the accept stays)',
  }),
}).openapi('ReopenedSuggestion');

export const SuggestionParams = WorkspaceParams.extend({
  suggestionId: z.uuid().openapi({ param: { name: 'suggestionId', in: 'path' } }),
});

const confidence = z.coerce.number().min(0).max(1);

export const SuggestionQuerySchema = z.object({
  status: SuggestionStatusSchema.optional(),
  tag: z.string().min(1).max(200).optional().openapi({ description: 'A tag slug' }),
  source: SuggestionSourceSchema.optional(),
  min_confidence: confidence.optional(),
  max_confidence: confidence.optional(),
});

export const PolicySchema = z
  .object({
    reviewFrom: z.number().min(0).max(1).openapi({
      description: 'Below this confidence no suggestion is made',
    }),
    autoAcceptFrom: z.number().min(0).max(1).openapi({
      description: 'At or above this, tags with auto-accept on are assigned without review',
    }),
  })
  .strict()
  .refine((p) => p.autoAcceptFrom >= p.reviewFrom, {
    message: 'must be >= reviewFrom',
    path: ['autoAcceptFrom'],
  })
  .openapi('SuggestionPolicy');

export const PolicyViewSchema = z
  .object({
    reviewFrom: z.number(),
    autoAcceptFrom: z.number(),
    customised: z.boolean().openapi({ description: 'false while the defaults apply' }),
    updatedAt: z.string().nullable(),
  })
  .openapi('SuggestionPolicyView');

export const DecisionBodySchema = z
  .object({ reason: z.string().max(2000).optional() })
  .strict()
  .openapi('Decision');

export const BulkDecisionSchema = z
  .object({
    decision: z.enum(['accept', 'reject']),
    filter: z
      .object({
        tag: z.string().min(1).max(200).optional(),
        source: SuggestionSourceSchema.optional(),
        minConfidence: z.number().min(0).max(1).optional(),
        maxConfidence: z.number().min(0).max(1).optional(),
      })
      .strict()
      .openapi({ description: 'Which pending suggestions; at least one field' })
      .refine((f) => Object.keys(f).length > 0, 'give at least one filter field'),
    reason: z.string().max(2000).optional(),
    dryRun: z.boolean().default(false).openapi({
      description: 'true: only count what would be decided (the preview before confirming)',
    }),
  })
  .strict()
  .openapi('BulkDecision');

export const BulkDecisionResultSchema = z
  .object({
    dryRun: z.boolean(),
    matched: z.number().int().openapi({ description: 'Pending suggestions the filter selects' }),
    decided: z.number().int(),
    tagsAssigned: z.number().int(),
  })
  .openapi('BulkDecisionResult');

export const DecisionConflictSchema = ProblemSchema.extend({
  decision: z.object({
    status: SuggestionStatusSchema,
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
  }),
}).openapi('DecisionConflict');
