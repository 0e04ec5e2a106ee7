import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { JsonObject, JsonValue } from '../jobs/job.table.ts';
import type { ChurnFeatureSchema, ChurnLabelSpec } from './churn-params.ts';

export const CHURN_MODEL_STATUSES = ['trained', 'active', 'retired'] as const;
/** `trained`: stored, not in use; `active`: scores the workspace (at most one); `retired`: was active. */
export type ChurnModelStatus = (typeof CHURN_MODEL_STATUSES)[number];

/** How a model became active, stored with it. */
export interface ChurnActivation {
  readonly mode: 'auto' | 'manual' | 'override';
  /** Why (the automatic comparison, or the reason an operator gave). */
  readonly reason: string;
  readonly previousModelId: string | null;
  readonly previousVersion: number | null;
  readonly previousHeldout: number | null;
  readonly [key: string]: JsonValue;
}

/** A trained churn classifier with its evaluation; `artifact` is the engine's serialised model. */
export interface ChurnModelTable {
  id: Generated<string>;
  workspace_id: string;
  /** 1, 2, ... per workspace in training order. */
  version: number;
  status: Generated<ChurnModelStatus>;
  label: JSONColumnType<ChurnLabelSpec, string, string>;
  feature_schema: JSONColumnType<ChurnFeatureSchema, string, string>;
  /** `churnModelToBytes` output (UTF-8 JSON with base64 weights): opaque to SQL. */
  artifact: ColumnType<Uint8Array, Uint8Array, never>;
  /** Cross-validated metrics and the training summary (see `ChurnModelMetrics`). */
  metrics: JSONColumnType<JsonObject, string, never>;
  /** The metric activation compares: `roc_auc` (cross-validated mean). */
  heldout_metric: string;
  heldout_value: number;
  importance: JSONColumnType<JsonValue[], string, never>;
  risk_bands: JSONColumnType<{ thresholds: number[]; labels: string[] }, string, never>;
  /** `logistic` or `mlp`: the network kind cross-fitting chose. */
  classifier: string;
  /** The TF.js backend that trained it (`tensorflow`, `wasm`, `cpu`). */
  backend: string;
  training_seconds: number;
  training_rows: number;
  positives: number;
  job_id: string | null;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  activated_at: ColumnType<Date | null, never, Date | null>;
  activated_by: ColumnType<string | null, never, string | null>;
  activation: ColumnType<ChurnActivation | null, never, string | null>;
  retired_at: ColumnType<Date | null, never, Date | null>;
}

export type ChurnModelRow = Selectable<ChurnModelTable>;
export type NewChurnModelRow = Insertable<ChurnModelTable>;
/** A model row without its artifact (lists and comparisons never need the weights). */
export type ChurnModelSummaryRow = Omit<ChurnModelRow, 'artifact'>;
