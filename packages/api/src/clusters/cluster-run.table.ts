import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type {
  ClusterProfiles,
  FittedScaler,
  KSelection,
  MembershipMovement,
  ScalingMethod,
} from '@tagwise/engine';

export const CLUSTER_RUN_STATUSES = ['active', 'superseded'] as const;
export type ClusterRunStatus = (typeof CLUSTER_RUN_STATUSES)[number];

/** k as asked for: a fixed number or a range to choose from. */
export type KRequest = number | { readonly min: number; readonly max: number };

/** The membership model as stored: centroids as rows (JSON has no typed arrays). */
export interface StoredMembership {
  readonly centroids: number[][];
  readonly weights: readonly number[];
  readonly variance: number;
}

/** A projected point with the customer it shows (the engine's row index resolved). */
export interface StoredPoint {
  readonly externalId: string;
  readonly cluster: number;
  readonly x: number;
  readonly y: number;
  readonly silhouette: number;
}

export interface StoredProfiles extends Omit<ClusterProfiles, 'projection'> {
  readonly projection: {
    readonly explainedVariance: readonly number[];
    readonly sampleSize: number;
    readonly points: readonly StoredPoint[];
  };
}

/** How this run's clusters continue the previous run's (`previousOf[j]` = -1 for new ones). */
export interface StoredMatching {
  readonly previousOf: number[];
  /** Distance between matched centroids in this run's scaled space (null when unmatched). */
  readonly centroidShift: (number | null)[];
}

export type StoredSelection = Omit<KSelection, 'fits'>;

/** The customers a run left out because they lacked a number in a chosen feature. */
export interface StoredLeftOut {
  readonly customers: number;
  /** Per chosen feature, how many customers lacked it (one customer may lack several). */
  readonly missingByFeature: Readonly<Record<string, number>>;
}

export interface ClusterRunTable {
  id: Generated<string>;
  workspace_id: string;
  job_id: string | null;
  created_by: string | null;
  status: Generated<ClusterRunStatus>;
  feature_names: JSONColumnType<string[], string, string>;
  feature_set: string;
  scaling: ColumnType<ScalingMethod | ScalingMethod[], string, string>;
  k_requested: ColumnType<KRequest, string, string>;
  seed: number;
  n_init: number;
  customer_count: number;
  features_as_of: Date | null;
  k: number;
  selection: JSONColumnType<StoredSelection | null, string | null, string | null>;
  centroids: JSONColumnType<number[][], string, string>;
  scaler: JSONColumnType<FittedScaler, string, string>;
  membership: JSONColumnType<StoredMembership, string, string>;
  profiles: JSONColumnType<StoredProfiles, string, string>;
  inertia: number;
  iterations: number;
  converged: boolean;
  previous_run_id: string | null;
  matching: JSONColumnType<StoredMatching | null, string | null, string | null>;
  movement: JSONColumnType<MembershipMovement | null, string | null, string | null>;
  /** NULL for runs stored before it was recorded. */
  left_out: JSONColumnType<StoredLeftOut | null, string | null, string | null>;
  created_at: ColumnType<Date, never, never>;
}

export interface ClusterAssignmentTable {
  run_id: string;
  customer_id: number;
  cluster: number;
  /** Membership probability of the assigned cluster. */
  confidence: number;
}

export interface ClusterTagTable {
  run_id: string;
  cluster: number;
  tag_id: string;
  carried_from_run_id: string | null;
  named_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type ClusterRunRow = Selectable<ClusterRunTable>;
export type NewClusterRunRow = Insertable<ClusterRunTable>;
export type ClusterAssignmentRow = Selectable<ClusterAssignmentTable>;
export type ClusterTagRow = Selectable<ClusterTagTable>;
