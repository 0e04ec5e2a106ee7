import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { findActiveChurnModel, findChurnModel } from '../churn/churn-model.repository.ts';
import type { ChurnModelSummaryRow } from '../churn/churn-model.table.ts';
import type { StoredChurnMetrics } from '../churn/churn-train.job.ts';
import { findCurrentScoring } from '../churn/churn-prediction.repository.ts';
import type { ChurnScoringRow } from '../churn/churn-prediction.table.ts';
import { weightedMeanAbsoluteGap } from './calibration-gap.ts';
import { binOf, fillBins, type BinBounds } from './equal-width-bins.ts';
import { populationStabilityIndex } from './population-stability.ts';

const DAY_MS = 86_400_000;

/** Bins used when a model's stored evaluation has no reliability table to follow. */
const DEFAULT_BINS = 10;

export interface ShareBin extends BinBounds {
  readonly share: number;
}

export interface BacktestBin extends BinBounds {
  readonly meanPredicted: number | null;
  /** Share of the bin's customers who churned; null while the backtest is not due, or empty. */
  readonly realisedRate: number | null;
  readonly count: number;
}

export interface ChurnBacktest {
  readonly scoringJobId: string;
  /** T: the scoring's cut-off. */
  readonly asOf: string;
  /** H: the model's label window. */
  readonly horizonDays: number;
  /** T + H: churn is realised over [T, T + H). */
  readonly windowEnd: string;
  /** True once T + H has passed and events of the scored customers reach it. */
  readonly due: boolean;
  /** Why it is not due yet; null when due. */
  readonly pendingReason: string | null;
  readonly customers: number;
  /** Mean predicted probability over the scored customers. */
  readonly predictedRate: number | null;
  /** Share of the scored customers with no purchase in [T, T + H); null until due. */
  readonly realisedRate: number | null;
  /** Σ (countᵦ / n) · |meanPredictedᵦ − realisedRateᵦ|; null until due. */
  readonly weightedMeanAbsoluteGap: number | null;
  readonly bins: BacktestBin[];
}

export interface ChurnDrift {
  readonly modelId: string;
  readonly modelVersion: number;
  readonly trainedAt: string;
  /** Out-of-fold probabilities of the model's cross-validation: the scores it was judged on. */
  readonly training: { readonly rows: number; readonly bins: ShareBin[] };
  readonly current: {
    readonly scoringJobId: string;
    readonly scoredAt: string;
    readonly asOf: string;
    readonly customers: number;
    readonly bins: ShareBin[];
  } | null;
  /** Population stability index of `current` against `training` (see `populationStabilityIndex`). */
  readonly psi: number | null;
  readonly backtest: ChurnBacktest | null;
}

/** The out-of-fold score distribution stored with a model (its pooled reliability table). */
function trainingDistribution(model: ChurnModelSummaryRow): { rows: number; bins: ShareBin[] } {
  // JSON written by the training job; read defensively, the column type does not promise it.
  const metrics = model.metrics as unknown as Partial<StoredChurnMetrics>;
  const table = metrics.crossValidation?.pooled.reliability ?? [];
  const rows = table.reduce((n, b) => n + b.count, 0);
  return {
    rows,
    bins: table.map((b) => ({
      from: b.lower,
      to: b.upper,
      share: rows === 0 ? 0 : b.count / rows,
    })),
  };
}

/** The current scoring's probabilities in `bins` equal-width bins (one grouped query). */
async function scoringDistribution(
  db: Db,
  scoring: ChurnScoringRow,
  bins: number,
): Promise<NonNullable<ChurnDrift['current']>> {
  const rows = await db
    .selectFrom('churn_predictions')
    .select([binOf(sql`probability`, bins).as('bin'), sql<number>`count(*)::int`.as('count')])
    .where('scoring_job_id', '=', scoring.job_id)
    .groupBy(sql`1`)
    .execute();
  const customers = rows.reduce((n, r) => n + r.count, 0);
  const byBin = new Map(rows.map((r) => [r.bin, r.count]));
  return {
    scoringJobId: scoring.job_id,
    scoredAt: (scoring.completed_at ?? scoring.started_at).toISOString(),
    asOf: scoring.as_of.toISOString(),
    customers,
    bins: fillBins(bins, byBin, (bounds, count) => ({
      ...bounds,
      share: customers === 0 ? 0 : (count ?? 0) / customers,
    })),
  };
}

/** `2012-03-09 00:00 UTC`: a time for people, in the zone the events are stored in. */
function readableUtc(time: Date): string {
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * Whether the outcome window of a scoring can be read: T + H has passed, and some scored
 * customer has an event at or after T + H − 1 day (the engine's time-split rule: a log that
 * stops early would make everyone look churned). Probes per customer on the events index.
 */
async function backtestReadiness(
  db: Db,
  scoringJobId: string,
  windowEnd: Date,
): Promise<string | null> {
  const { rows } = await sql<{ closed: boolean; observed: boolean }>`
    SELECT ${windowEnd}::timestamptz <= now() AS closed,
           EXISTS (
             SELECT 1 FROM churn_predictions p
              WHERE p.scoring_job_id = ${scoringJobId}
                AND EXISTS (SELECT 1 FROM events e
                             WHERE e.customer_id = p.customer_id
                               AND e.occurred_at >= ${new Date(windowEnd.getTime() - DAY_MS)})
           ) AS observed`.execute(db);
  const { closed, observed } = rows[0]!;
  if (!closed) return `the outcome window ends at ${readableUtc(windowEnd)}`;
  if (!observed) {
    return `no event of a scored customer reaches ${readableUtc(windowEnd)} yet: load the events up to the end of the window`;
  }
  return null;
}

/**
 * Predicted against realised churn for a time-split model's scoring as of T: a scored
 * customer churned when they made no purchase in [T, T + H) (the model's own label). Before
 * the window can be read, the bins carry counts and mean predictions only.
 */
async function backtest(
  db: Db,
  scoring: ChurnScoringRow,
  horizonDays: number,
  bins: number,
): Promise<ChurnBacktest> {
  const windowEnd = new Date(scoring.as_of.getTime() + horizonDays * DAY_MS);
  const pendingReason = await backtestReadiness(db, scoring.job_id, windowEnd);
  const due = pendingReason === null;
  const churned = due
    ? sql<number>`(count(*) FILTER (WHERE NOT EXISTS (
        SELECT 1 FROM events e
         WHERE e.customer_id = p.customer_id AND e.kind = 'purchase'
           AND e.occurred_at >= ${scoring.as_of} AND e.occurred_at < ${windowEnd})))::int`
    : sql<number>`0`;
  const rows = await db
    .selectFrom('churn_predictions as p')
    .select([
      binOf(sql`p.probability`, bins).as('bin'),
      sql<number>`count(*)::int`.as('count'),
      sql<number>`sum(p.probability)`.as('probability_sum'),
      churned.as('churned'),
    ])
    .where('p.scoring_job_id', '=', scoring.job_id)
    .groupBy(sql`1`)
    .execute();
  const total = (pick: (r: (typeof rows)[number]) => number) =>
    rows.reduce((n, r) => n + pick(r), 0);
  const customers = total((r) => r.count);
  const table = fillBins(bins, new Map(rows.map((r) => [r.bin, r])), (bounds, row) => ({
    ...bounds,
    meanPredicted: row === undefined ? null : row.probability_sum / row.count,
    realisedRate: row === undefined || !due ? null : row.churned / row.count,
    count: row?.count ?? 0,
  }));
  return {
    scoringJobId: scoring.job_id,
    asOf: scoring.as_of.toISOString(),
    horizonDays,
    windowEnd: windowEnd.toISOString(),
    due,
    pendingReason,
    customers,
    predictedRate: customers === 0 ? null : total((r) => r.probability_sum) / customers,
    realisedRate: !due || customers === 0 ? null : total((r) => r.churned) / customers,
    weightedMeanAbsoluteGap: due
      ? weightedMeanAbsoluteGap(
          table.map((b) => ({
            count: b.count,
            expected: b.meanPredicted,
            observed: b.realisedRate,
          })),
        )
      : null,
    bins: table,
  };
}

/**
 * Churn drift for the model behind the predictions in use (the current scoring's model; the
 * active model when nothing was scored yet): its out-of-fold score distribution at training
 * against the current scores (PSI), and the backtest of the current scoring once its outcome
 * window has passed. Null when the workspace has no scoring and no active model. Models
 * trained on a label column have no horizon, so no backtest.
 */
export async function churnDrift(db: Db, workspaceId: string): Promise<ChurnDrift | null> {
  const scoring = await findCurrentScoring(db, workspaceId);
  const model =
    scoring === undefined
      ? await findActiveChurnModel(db, workspaceId)
      : await findChurnModel(db, workspaceId, scoring.model_id);
  if (model === undefined) return null;
  const training = trainingDistribution(model);
  const bins = training.bins.length > 0 ? training.bins.length : DEFAULT_BINS;
  const current = scoring === undefined ? null : await scoringDistribution(db, scoring, bins);
  const psi =
    current === null || training.bins.length === 0
      ? null
      : populationStabilityIndex(
          training.bins.map((b) => b.share),
          current.bins.map((b) => b.share),
        );
  return {
    modelId: model.id,
    modelVersion: model.version,
    trainedAt: model.created_at.toISOString(),
    training,
    current,
    psi,
    backtest:
      scoring === undefined || model.label.kind !== 'time-split'
        ? null
        : await backtest(db, scoring, model.label.horizonDays, bins),
  };
}
