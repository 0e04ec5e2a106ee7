import { z } from '@hono/zod-openapi';
import { boundedNumber } from '../ingest/bounded-number.ts';
import { ExternalIdSchema } from '../customers/customer.schema.ts';
import { WorkspaceParams } from '../http/params.ts';
import { CHURN_MODEL_STATUSES } from './churn-model.table.ts';

/** Rows or customer ids per `POST /churn/predict` call. */
export const PREDICT_LIMIT = 1000;

/** A metric that may be undefined on degenerate data (stored as JSON null). */
const metric = z.number().nullable();

export const ChurnModelParams = WorkspaceParams.extend({
  modelId: z.uuid().openapi({ param: { name: 'modelId', in: 'path' } }),
});

const MeanSdSchema = z.object({ mean: metric, sd: metric }).openapi('MeanSd');

export const ChurnMetricSummarySchema = z
  .object({
    rocAuc: MeanSdSchema,
    prAuc: MeanSdSchema,
    brier: MeanSdSchema,
    logLoss: MeanSdSchema,
    ece: MeanSdSchema,
    topDecileLift: MeanSdSchema,
  })
  .openapi('ChurnMetricSummary', { description: 'Mean ± sd over cross-validation folds' });

const ScoresSchema = z
  .object({
    rows: z.number().int(),
    positives: z.number().int(),
    prevalence: metric,
    rocAuc: metric,
    prAuc: metric,
    brier: metric,
    logLoss: metric,
    ece: metric,
    topDecileLift: metric,
  })
  .openapi('ClassificationScores');

const ReliabilityBinSchema = z
  .object({
    bin: z.number().int(),
    lower: z.number(),
    upper: z.number(),
    meanPredicted: metric,
    observedRate: metric,
    count: z.number().int(),
  })
  .openapi('ReliabilityBin', {
    description: 'Predicted vs observed churn rate in one probability bin (null when empty)',
  });

export const ChurnLabelSchema = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('column'),
      column: z.string(),
      positive: z.string(),
      negative: z.string(),
    }),
    z.object({ kind: z.literal('time-split'), asOf: z.string(), horizonDays: z.number() }),
  ])
  .openapi('ChurnLabel');

const ActivationSchema = z
  .object({
    mode: z.enum(['auto', 'manual', 'override']),
    reason: z.string(),
    previousModelId: z.string().nullable(),
    previousVersion: z.number().int().nullable(),
    previousHeldout: metric,
  })
  .openapi('ChurnActivation');

export const ChurnModelSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: z.enum(CHURN_MODEL_STATUSES),
    label: ChurnLabelSchema,
    classifier: z.string().openapi({ description: '`logistic` or `mlp`' }),
    backend: z.string().openapi({ description: 'TF.js backend that trained it' }),
    heldout: z.object({ metric: z.string(), value: metric }).openapi({
      description: 'What activation compares: cross-validated ROC-AUC (mean over folds)',
    }),
    crossValidation: ChurnMetricSummarySchema,
    trainingRows: z.number().int(),
    positives: z.number().int(),
    trainingSeconds: z.number(),
    jobId: z.string().nullable(),
    createdAt: z.string(),
    activatedAt: z.string().nullable(),
    activatedBy: z.string().nullable().openapi({ description: 'API key id' }),
    activation: ActivationSchema.nullable(),
    retiredAt: z.string().nullable(),
  })
  .openapi('ChurnModel');

export const ChurnInputSchema = z
  .object({
    name: z.string(),
    from: z.enum(['feature', 'attribute']),
    kind: z.enum(['numeric', 'categorical']),
  })
  .openapi('ChurnInput');

export const ChurnModelDetailSchema = ChurnModelSchema.extend({
  inputs: z.array(ChurnInputSchema).openapi({
    description: 'Exactly the columns `POST /churn/predict` rows must carry',
  }),
  behaviouralSource: z.enum(['stored', 'events']).openapi({
    description:
      '`stored`: feature inputs are the stored customer features; `events`: recomputed from events as of the scoring cut-off',
  }),
  windowDays: z.number().int().nullable(),
  dropped: z.array(z.object({ column: z.string(), reason: z.string() })),
  riskBands: z.object({ thresholds: z.array(z.number()), labels: z.array(z.string()) }),
  importance: z
    .array(z.object({ feature: z.string(), meanAbsContribution: z.number() }))
    .openapi({ description: 'Mean |contribution| (log-odds) per input over training rows' }),
  evaluation: z
    .object({
      folds: z.number().int(),
      seed: z.number().int(),
      seconds: z.number(),
      pooled: ScoresSchema.openapi({ description: 'All out-of-fold predictions together' }),
      reliability: z.array(ReliabilityBinSchema),
      roc: z.array(
        z.object({
          threshold: z.number().nullable(),
          falsePositiveRate: z.number(),
          truePositiveRate: z.number(),
        }),
      ),
      precisionRecall: z.array(
        z.object({ threshold: z.number(), recall: z.number(), precision: z.number() }),
      ),
      liftByDecile: z.array(
        z.object({
          group: z.number().int(),
          count: z.number().int(),
          positives: z.number().int(),
          rate: metric,
          lift: metric,
          cumulativeLift: metric,
          cumulativeCapture: metric,
        }),
      ),
      baseline: z
        .object({ summary: ChurnMetricSummarySchema, pooled: ScoresSchema })
        .openapi({ description: "Predicting the training folds' churn rate for everyone" }),
      perFold: z.array(z.record(z.string(), z.unknown())),
      chosen: z.record(z.string(), z.number().int()),
    })
    .openapi({ description: 'Stratified cross-validation of the whole pipeline' }),
  training: z
    .record(z.string(), z.unknown())
    .openapi({ description: 'The final fit: kind, candidates, out-of-fold scores, backend' }),
  excluded: z.array(z.object({ reason: z.string(), count: z.number().int() })),
}).openapi('ChurnModelDetail');

export const ActivateChurnModelSchema = z
  .object({
    override: z.boolean().default(false).openapi({
      description:
        'Activate even when the model does not beat the active one on held-out ROC-AUC (audited; needs a reason)',
    }),
    reason: z.string().trim().min(3).max(1000).optional(),
  })
  .strict()
  .refine((body) => !body.override || body.reason !== undefined, {
    message: 'an override needs a reason',
    path: ['reason'],
  })
  .openapi('ActivateChurnModel');

export const ChurnFactorSchema = z
  .object({
    feature: z.string(),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    contribution: z.number().openapi({ description: 'Log-odds; > 0 pushes towards churn' }),
  })
  .openapi('ChurnFactor');

const ModelRefSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  active: z.boolean(),
});

export const CustomerChurnSchema = z
  .object({
    customerId: z.string(),
    probability: z.number().openapi({ description: 'Calibrated churn probability' }),
    riskBand: z.string(),
    model: ModelRefSchema,
    scoredAt: z.string(),
    factors: z.array(ChurnFactorSchema),
    explanation: z.string(),
  })
  .openapi('CustomerChurn');

const cell = z.union([z.string().max(10_000), boundedNumber(), z.boolean(), z.null()], {
  error: 'must be a string, a number, true, false or null',
});

export const ChurnPredictRequestSchema = z
  .object({
    customerIds: z
      .array(ExternalIdSchema)
      .min(1)
      .max(PREDICT_LIMIT)
      .optional()
      .openapi({
        description: `Up to ${PREDICT_LIMIT} external ids: their stored prediction when it comes from the active model, else scored now from their stored data`,
      }),
    rows: z
      .array(z.record(z.string().min(1).max(100), cell))
      .min(1)
      .max(PREDICT_LIMIT)
      .optional()
      .openapi({
        description: `Up to ${PREDICT_LIMIT} feature rows, each with exactly the active model's inputs (see the model's \`inputs\`), scored now`,
        example: [{ tenure: 2, contract: 'Month-to-month', monthly_charges: 95.1 }],
      }),
  })
  .strict()
  .refine((body) => (body.customerIds === undefined) !== (body.rows === undefined), {
    message: 'send either customerIds or rows',
    path: ['customerIds'],
  })
  .openapi('ChurnPredictRequest');

export const ChurnPredictionItemSchema = z
  .object({
    customerId: z.string().optional().openapi({ description: 'With `customerIds`' }),
    row: z.number().int().optional().openapi({ description: 'With `rows`: the row index' }),
    probability: z.number(),
    riskBand: z.string(),
    factors: z.array(ChurnFactorSchema),
    source: z.enum(['stored', 'live']),
    scoredAt: z.string(),
  })
  .openapi('ChurnPredictionItem');

export const ChurnPredictResponseSchema = z
  .object({
    model: ModelRefSchema,
    items: z.array(ChurnPredictionItemSchema),
    notFound: z.array(z.string()).openapi({ description: 'Unknown customer ids' }),
    notScored: z
      .array(z.object({ customerId: z.string(), reason: z.string() }))
      .openapi({ description: 'Known customers the model cannot score, with why' }),
  })
  .openapi('ChurnPredictResponse');

export type ChurnModelView = z.infer<typeof ChurnModelSchema>;
export type ChurnModelDetailView = z.infer<typeof ChurnModelDetailSchema>;
export type CustomerChurnView = z.infer<typeof CustomerChurnSchema>;
export type ChurnPredictRequest = z.infer<typeof ChurnPredictRequestSchema>;
export type ChurnPredictResponse = z.infer<typeof ChurnPredictResponseSchema>;
export type ChurnPredictionItem = z.infer<typeof ChurnPredictionItemSchema>;
