import { z } from '@hono/zod-openapi';
import { WorkspaceParams } from '../http/params.ts';
import { TagCategorySchema, TagSchema, TagSlugInputSchema } from '../tags/tag.schema.ts';

export const ClusterRunParams = WorkspaceParams.extend({
  runId: z.uuid().openapi({ param: { name: 'runId', in: 'path' } }),
});

export const ClusterParams = ClusterRunParams.extend({
  cluster: z.coerce
    .number()
    .int()
    .min(0)
    .max(1000)
    .openapi({ param: { name: 'cluster', in: 'path' }, description: 'Cluster number, 0..k-1' }),
});

const FeatureSummarySchema = z.object({
  name: z.string(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  zScore: z.number().nullable(),
});

const KScoreSchema = z.object({
  k: z.number().int(),
  inertia: z.number(),
  silhouette: z.number().nullable(),
  daviesBouldin: z.number().nullable(),
  calinskiHarabasz: z.number().nullable(),
  iterations: z.number().int(),
  converged: z.boolean(),
});

export const KSelectionSchema = z
  .object({
    scores: z.array(KScoreSchema),
    recommendedK: z.number().int(),
    reason: z.string(),
    silhouetteSample: z.object({ size: z.number().int(), exact: z.boolean() }),
  })
  .openapi('KSelection', { description: 'The k-selection table (present when k was a range)' });

export const ProfilesSchema = z
  .object({
    population: z.array(FeatureSummarySchema.extend({ sd: z.number().nullable() })),
    clusters: z.array(
      z.object({
        cluster: z.number().int(),
        size: z.number().int(),
        share: z.number(),
        features: z.array(FeatureSummarySchema),
        distinguishing: z.array(FeatureSummarySchema),
      }),
    ),
    projection: z.object({
      explainedVariance: z.array(z.number()),
      sampleSize: z.number().int(),
      points: z.array(
        z.object({
          externalId: z.string(),
          cluster: z.number().int(),
          x: z.number(),
          y: z.number(),
          silhouette: z.number().nullable(),
        }),
      ),
    }),
  })
  .openapi('ClusterProfiles');

export const MatchingSchema = z
  .object({
    previousOf: z.array(z.number().int()).openapi({
      description: 'For each cluster of this run, the previous cluster it continues (-1 = new)',
    }),
    centroidShift: z.array(z.number().nullable()),
  })
  .openapi('RunMatching');

export const MovementSchema = z
  .object({
    compared: z.number().int(),
    moved: z.number().int(),
    movedShare: z.number(),
    flows: z.array(z.array(z.number().int())).openapi({
      description: 'flows[previous][next]: customers going from a previous cluster to a new one',
    }),
  })
  .openapi('MembershipMovement');

export const LeftOutSchema = z
  .object({
    customers: z.number().int().openapi({
      description:
        'Customers of the workspace the run did not cluster: each lacked a number in at least one chosen feature',
    }),
    missingByFeature: z.record(z.string(), z.number().int()).openapi({
      description:
        'Per chosen feature, how many customers had no number in it (one customer may lack several)',
    }),
  })
  .openapi('ClusterRunLeftOut', {
    description: 'Whom the run left out. Null for runs stored before this was recorded.',
  });

const KRequestSchema = z.union([
  z.number().int(),
  z.object({ min: z.number().int(), max: z.number().int() }),
]);

export const ClusterNameSchema = z
  .object({
    slug: z.string(),
    displayName: z.string(),
    carriedFromRunId: z.string().nullable(),
  })
  .openapi('ClusterName');

export const ClusterRunSummarySchema = z
  .object({
    id: z.uuid(),
    jobId: z.string().nullable(),
    status: z.enum(['active', 'superseded']),
    featureNames: z.array(z.string()),
    scaling: z.union([z.string(), z.array(z.string())]),
    kRequested: KRequestSchema,
    seed: z.number().int(),
    customerCount: z.number().int(),
    featuresAsOf: z.string().nullable(),
    k: z.number().int(),
    inertia: z.number(),
    converged: z.boolean(),
    previousRunId: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ClusterRunSummary');

export const ClusterRunSchema = ClusterRunSummarySchema.extend({
  nInit: z.number().int(),
  iterations: z.number().int(),
  selection: KSelectionSchema.nullable(),
  profiles: ProfilesSchema,
  matching: MatchingSchema.nullable(),
  movement: MovementSchema.nullable(),
  leftOut: LeftOutSchema.nullable(),
  clusters: z.array(
    z.object({
      cluster: z.number().int(),
      size: z.number().int(),
      share: z.number(),
      name: ClusterNameSchema.nullable(),
    }),
  ),
}).openapi('ClusterRun');

export const RunComparisonSchema = z
  .object({
    runId: z.string(),
    previousRunId: z.string(),
    matching: MatchingSchema,
    movement: MovementSchema,
    clusters: z.array(
      z.object({
        cluster: z.number().int(),
        previousCluster: z.number().int().nullable(),
        centroidShift: z.number().nullable(),
        name: z.string().nullable(),
        previousName: z.string().nullable(),
      }),
    ),
  })
  .openapi('RunComparison');

export const NameClusterSchema = z
  .union([
    z
      .object({ tag: TagSlugInputSchema.openapi({ description: 'An existing model tag' }) })
      .strict(),
    z
      .object({
        slug: TagSlugInputSchema,
        displayName: z.string().trim().min(1).max(200),
        category: TagCategorySchema.default('behaviour'),
        definition: z.string().max(4000).default(''),
        usageNote: z.string().max(4000).optional(),
      })
      .strict(),
  ])
  .openapi('NameCluster', {
    description: 'Either `{tag}` to link an existing model tag, or a new model tag to create',
  });

export const NamedClusterSchema = z
  .object({
    runId: z.string(),
    cluster: z.number().int(),
    tag: TagSchema,
    created: z.boolean().openapi({ description: 'true when the tag was created by this call' }),
  })
  .openapi('NamedCluster');

export const ClusterMemberSchema = z
  .object({
    externalId: z.string(),
    confidence: z.number(),
    features: z.record(z.string(), z.number().nullable()),
  })
  .openapi('ClusterMember');
