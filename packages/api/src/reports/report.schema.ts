import { z } from '@hono/zod-openapi';
import { parseTimestamp } from '../io/timestamp.ts';
import { SuggestionSourceSchema } from '../suggestions/suggestion.schema.ts';
import { TagCategorySchema, TagKindSchema, TagStatusSchema } from '../tags/tag.schema.ts';
import { DRIFT_RUNS } from './cluster-drift.ts';
import { REFRESH_JOB_KIND, TREND_REFRESHES } from './coverage-report.ts';

const share = z.number().min(0).max(1);
const rate = share.nullable();
const binBounds = { from: z.number(), to: z.number() };

export const CoverageReportSchema = z
  .object({
    customers: z.number().int().openapi({ description: 'Customers in the workspace' }),
    tagged: z.number().int().openapi({ description: 'Customers holding at least one tag now' }),
    byCategory: z
      .array(z.object({ category: TagCategorySchema, customers: z.number().int(), share }))
      .openapi({
        description:
          'Per tag category (all five, zeros included): customers holding a tag of it, and their share of all customers',
      }),
    tags: z
      .array(
        z.object({
          slug: z.string(),
          displayName: z.string(),
          category: TagCategorySchema,
          kind: TagKindSchema,
          status: TagStatusSchema,
          holders: z.number().int(),
        }),
      )
      .openapi({ description: 'Every tag with its current holders, most held first' }),
    trend: z
      .array(
        z.object({
          at: z.string().openapi({ description: 'When the refresh job finished' }),
          jobId: z.uuid(),
          tagged: z.number().int(),
          byTag: z.record(z.string(), z.number().int()).openapi({
            description: 'Holders per tag slug at that time (tags without holders are absent)',
          }),
        }),
      )
      .openapi({
        description: `Holders at each of the last ${TREND_REFRESHES} refreshes (succeeded \`${REFRESH_JOB_KIND}\` jobs), oldest first, from the customer-tag history: held at t when assigned_at <= t < removed_at`,
      }),
  })
  .openapi('CoverageReport');

const decisionCounts = {
  pending: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  autoAccepted: z.number().int(),
  acceptanceRate: rate.openapi({
    description:
      'accepted / (accepted + rejected): decisions by people only (auto-accepted ones are not); null before any',
  }),
};

export const AcceptanceReportSchema = z
  .object({
    byTag: z.array(z.object({ slug: z.string(), ...decisionCounts })).openapi({
      description: 'Tags with suggestions in the window, by slug',
    }),
    bySource: z.array(z.object({ source: SuggestionSourceSchema, ...decisionCounts })).openapi({
      description: 'Every source (cluster, churn, rule), zeros included',
    }),
  })
  .openapi('AcceptanceReport');

const isoDateTime = z
  .string()
  .refine((value) => parseTimestamp(value) !== undefined, {
    message: 'must be an ISO 8601 date-time such as 2024-06-01T00:00:00Z (no offset = UTC)',
  })
  .transform((value) => parseTimestamp(value)!);

export const AcceptanceQuerySchema = z
  .object({
    from: isoDateTime.optional().openapi({
      description: 'Suggestions created at or after this time',
      example: '2024-06-01T00:00:00Z',
    }),
    to: isoDateTime.optional().openapi({
      description: 'Suggestions created before this time',
      example: '2024-07-01T00:00:00Z',
    }),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'must be after `from`',
    path: ['to'],
  });

export const ReliabilityQuerySchema = z.object({
  bins: z.coerce.number().int().min(1).max(100).default(10).openapi({
    description: 'Equal-width confidence bins over [0, 1]',
    example: 10,
  }),
  source: SuggestionSourceSchema.optional(),
});

export const ReliabilityReportSchema = z
  .object({
    sources: z.array(
      z.object({
        source: SuggestionSourceSchema,
        decided: z.number().int().openapi({
          description: 'Suggestions accepted or rejected by a person',
        }),
        weightedMeanAbsoluteGap: rate.openapi({
          description:
            'Σ (count_b / decided) · |meanConfidence_b − acceptanceRate_b| over the bins: 0 when confidence tracks acceptance; null with no decisions',
        }),
        bins: z.array(
          z.object({
            ...binBounds,
            meanConfidence: rate,
            acceptanceRate: rate,
            accepted: z.number().int(),
            rejected: z.number().int(),
            count: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .openapi('ReliabilityReport', {
    description:
      'Confidence against decisions: suggestions accepted or rejected by a person (auto-accepted ones are not decisions and are left out) in equal-width bins [from, to) (the last includes 1).',
  });

const shareBins = z.array(z.object({ ...binBounds, share }));

export const DriftReportSchema = z
  .object({
    clusters: z
      .array(
        z.object({
          runId: z.uuid(),
          previousRunId: z.uuid(),
          createdAt: z.string(),
          featureSet: z.string(),
          customers: z.number().int().openapi({ description: 'Customers this run clustered' }),
          compared: z.number().int().openapi({ description: 'Customers both runs clustered' }),
          moved: z.number().int().openapi({
            description: 'Of those, customers whose cluster does not continue their previous one',
          }),
          movedShare: share.openapi({ description: 'moved / compared' }),
          byCluster: z.array(
            z.object({
              cluster: z.number().int(),
              tag: z.string().nullable(),
              previousCluster: z.number().int().nullable(),
              centroidShift: z.number().nullable(),
              customers: z.number().int(),
              stayed: z.number().int(),
              movedIn: z.number().int(),
              movedOut: z.number().int().nullable(),
              newCustomers: z.number().int(),
            }),
          ),
        }),
      )
      .openapi({
        description: `The last ${DRIFT_RUNS} runs that continue an earlier run of their feature set, newest first`,
      }),
    churn: z
      .object({
        modelId: z.uuid(),
        modelVersion: z.number().int(),
        trainedAt: z.string(),
        training: z.object({ rows: z.number().int(), bins: shareBins }).openapi({
          description: "Out-of-fold probabilities of the model's cross-validation",
        }),
        current: z
          .object({
            scoringJobId: z.uuid(),
            scoredAt: z.string(),
            asOf: z.string(),
            customers: z.number().int(),
            bins: shareBins,
          })
          .nullable(),
        psi: z.number().nullable().openapi({
          description:
            'Population stability index Σ (current − training) · ln(current / training) over the bins (shares floored at 1e-4): < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift',
        }),
        backtest: z
          .object({
            scoringJobId: z.uuid(),
            asOf: z.string(),
            horizonDays: z.number(),
            windowEnd: z.string(),
            due: z.boolean(),
            pendingReason: z.string().nullable(),
            customers: z.number().int(),
            predictedRate: rate,
            realisedRate: rate,
            weightedMeanAbsoluteGap: rate,
            bins: z.array(
              z.object({
                ...binBounds,
                meanPredicted: rate,
                realisedRate: rate,
                count: z.number().int(),
              }),
            ),
          })
          .nullable()
          .openapi({
            description:
              'The current scoring (as of T) against realised churn: no purchase in [T, T + horizonDays), the model label. Due once T + H has passed and events reach it; before that realised figures are null. Null for models trained on a label column.',
          }),
      })
      .nullable()
      .openapi({
        description:
          'The model behind the current churn scoring (else the active model); null when there is neither',
      }),
  })
  .openapi('DriftReport');

export const UnusedTagsQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(3650).default(30).openapi({
    description: 'The window, in days',
    example: 30,
  }),
});

export const UnusedTagsReportSchema = z
  .object({
    days: z.number().int(),
    tags: z.array(
      z.object({
        slug: z.string(),
        displayName: z.string(),
        status: TagStatusSchema,
        holders: z.number().int(),
        lastAssignedAt: z.string().nullable(),
        lastReadAt: z.string().nullable().openapi({
          description: 'The last UTC day (YYYY-MM-DD) a customer read returned the tag',
        }),
        reason: z.enum(['no-assignments', 'no-reads']),
      }),
    ),
  })
  .openapi('UnusedTagsReport', {
    description:
      'Tags not archived that nobody holds or was given in the window (`no-assignments`), or whose holders were never read through the API (customer detail) in the window (`no-reads`); by reason, then slug.',
  });
