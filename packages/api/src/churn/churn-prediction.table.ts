import type { ColumnType, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { JsonScalar } from '../customers/customer.table.ts';

/** One input's share of a prediction (log-odds units, > 0 pushes towards churn). */
export interface StoredFactor {
  readonly feature: string;
  readonly value: JsonScalar;
  readonly contribution: number;
}

/**
 * One customer's churn probability from one scoring job. Rows are written in chunks while
 * the job runs and read only through the workspace's current scoring (`churn_scorings`).
 */
export interface ChurnPredictionTable {
  scoring_job_id: string;
  workspace_id: string;
  customer_id: number;
  model_id: string;
  /** Calibrated probability of churn. */
  probability: number;
  risk_band: string;
  factors: JSONColumnType<StoredFactor[], string, never>;
  scored_at: Date;
}

/** A scoring job: started when it runs, current once its finishing transaction swaps it in. */
export interface ChurnScoringTable {
  job_id: string;
  workspace_id: string;
  model_id: string;
  /** Cut-off of event-derived features (the job's start when not given). */
  as_of: Date;
  started_at: ColumnType<Date, never, never>;
  completed_at: ColumnType<Date | null, never, Date | null>;
  scored: ColumnType<number | null, never, number>;
  skipped: ColumnType<number | null, never, number>;
  band_counts: ColumnType<Record<string, number> | null, never, string>;
  mean_probability: ColumnType<number | null, never, number | null>;
  is_current: ColumnType<boolean, never, boolean>;
}

export type ChurnPredictionRow = Selectable<ChurnPredictionTable>;
export type NewChurnPredictionRow = Insertable<ChurnPredictionTable>;
export type ChurnScoringRow = Selectable<ChurnScoringTable>;
