import { z } from '@hono/zod-openapi';
import type { LabelSource } from '@tagwise/engine';
import { parseTimestamp } from '../io/timestamp.ts';

const isoDateTime = z.string().refine((value) => parseTimestamp(value) !== undefined, {
  message: 'must be an ISO 8601 date-time such as 2011-09-01T00:00:00Z (no offset = UTC)',
});

const columnName = z.string().min(1).max(100);

/** How the churn label is made: from a customer attribute, or from a time split on events. */
export const ChurnLabelRequestSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('column'),
        column: columnName.openapi({
          description: 'A two-valued customer attribute, e.g. `churn`',
          example: 'churn',
        }),
        positive: z.string().min(1).max(200).optional().openapi({
          description:
            'The value meaning churned; inferred when the two values read as yes/no, true/false, 1/0, churned/...',
          example: 'Yes',
        }),
      })
      .strict(),
    z
      .object({
        kind: z.literal('time-split'),
        asOf: isoDateTime.openapi({
          description: 'Cut-off T: features from events before T',
          example: '2011-09-01T00:00:00Z',
        }),
        horizonDays: z.number().positive().max(3650).openapi({
          description: 'Churned = bought before T and made no purchase in [T, T + horizonDays)',
          example: 90,
        }),
      })
      .strict(),
  ])
  .openapi('ChurnLabelRequest');

export type ChurnLabelRequest = z.infer<typeof ChurnLabelRequestSchema>;

const nameSelection = z.union([z.literal('all'), z.array(columnName).max(500)]);

export const ChurnFeatureRequestSchema = z
  .object({
    behavioural: nameSelection.optional().openapi({
      description:
        "Behavioural features: `all` (default) or a list of names. With a column label they are the customers' stored features (run feature-refresh first); with a time split they are recomputed from events as of T, since stored features are computed as of another time and would leak the label window.",
    }),
    attributes: nameSelection.optional().openapi({
      description:
        'Customer attributes used as inputs: `all` or a list. Default: `all` with a column label (the label column excluded), none with a time split.',
    }),
  })
  .strict()
  .openapi('ChurnFeatureRequest');

export const RiskBandsSchema = z
  .object({
    thresholds: z.array(z.number().gt(0).lt(1)).min(1).max(9),
    labels: z.array(z.string().min(1).max(40)).min(2).max(10),
  })
  .strict()
  .refine((bands) => bands.labels.length === bands.thresholds.length + 1, {
    message: 'needs one label more than thresholds',
    path: ['labels'],
  })
  .refine((bands) => bands.thresholds.every((t, i) => i === 0 || t > bands.thresholds[i - 1]!), {
    message: 'thresholds must increase',
    path: ['thresholds'],
  })
  .openapi('ChurnRiskBands', {
    example: { thresholds: [0.3, 0.6], labels: ['low', 'medium', 'high'] },
  });

/** Parameters of a `churn-train` job (also the body of `POST /churn/train`). */
export const ChurnTrainParamsSchema = z
  .object({
    label: ChurnLabelRequestSchema,
    features: ChurnFeatureRequestSchema.optional(),
    model: z.enum(['auto', 'logistic', 'mlp']).optional().openapi({
      description: '`auto` (default) cross-fits both and keeps the better',
    }),
    calibration: z.enum(['platt', 'isotonic']).optional(),
    folds: z.number().int().min(2).max(10).optional().openapi({
      description: 'Stratified cross-validation folds for the reported metrics (default 5)',
    }),
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    windowDays: z.number().int().min(1).max(3650).optional().openapi({
      description: 'Time split only: trend window of the event features (default 90)',
    }),
    riskBands: RiskBandsSchema.optional(),
  })
  .strict()
  .openapi('ChurnTrainParams');

export type ChurnTrainParams = z.infer<typeof ChurnTrainParamsSchema>;

/** Parameters of a `churn-score` job (also the body of `POST /churn/score`). */
export const ChurnScoreParamsSchema = z
  .object({
    asOf: isoDateTime.optional().openapi({
      description:
        'Cut-off for event-derived inputs of time-split models (default: when the job starts); stored features and attributes are used as they are',
    }),
  })
  .strict()
  .openapi('ChurnScoreParams');

export type ChurnScoreParams = z.infer<typeof ChurnScoreParamsSchema>;

/** The label a stored model was trained on: the engine's resolved label source. */
export type ChurnLabelSpec = LabelSource;

/** Where one model input comes from. */
export interface ChurnInput {
  readonly name: string;
  /** `feature`: behavioural (stored or from events, see `behaviouralSource`); `attribute`: the customer's attribute. */
  readonly from: 'feature' | 'attribute';
  readonly kind: 'numeric' | 'categorical';
}

/** What a model reads, stored with it so scoring rebuilds exactly the same inputs. */
export interface ChurnFeatureSchema {
  /** `stored`: the customers' stored features; `events`: recomputed from events as of the scoring cut-off. */
  readonly behaviouralSource: 'stored' | 'events';
  /** Trend window of event features (`events` only). */
  readonly windowDays: number | null;
  readonly inputs: readonly ChurnInput[];
  /** Requested inputs the engine left out, with why. */
  readonly dropped: readonly { readonly column: string; readonly reason: string }[];
}

/** True when two label specs define the same target, so their held-out metrics compare. */
export function sameLabel(a: ChurnLabelSpec, b: ChurnLabelSpec): boolean {
  if (a.kind === 'column' && b.kind === 'column') {
    return a.column === b.column && a.positive === b.positive;
  }
  // A later cut-off is the point of retraining; the horizon defines what churn means.
  if (a.kind === 'time-split' && b.kind === 'time-split') return a.horizonDays === b.horizonDays;
  return false;
}

/** A short human description of a label, for messages. */
export function describeLabel(label: ChurnLabelSpec): string {
  return label.kind === 'column'
    ? `${label.column} = ${label.positive}`
    : `no purchase within ${label.horizonDays} days of ${label.asOf.slice(0, 10)}`;
}
