import {
  createMatrix,
  matchRuns,
  membershipMovement,
  type FittedScaler,
  type Matrix,
  type MembershipMovement,
} from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import { streamClusterAssignments } from './cluster-run.repository.ts';
import type { StoredMatching } from './cluster-run.table.ts';

/** What run matching needs of a run: its features, scaler and centroids (in its scaled space). */
export interface RunGeometry {
  readonly featureNames: readonly string[];
  readonly scaler: FittedScaler;
  /** `[k][d]` in the run's own scaled space. */
  readonly centroids: readonly (readonly number[])[];
}

/** The feature-set key of a run: its sorted feature names (order does not change the space). */
export function featureSetKey(featureNames: readonly string[]): string {
  return [...featureNames].sort().join(',');
}

function unscale(scaler: FittedScaler, column: number, value: number): number {
  const shifted = value * scaler.scales[column]! + scaler.centers[column]!;
  if (scaler.methods[column] !== 'log1p') return shifted;
  // Inverse of sign(x)·log(1 + |x|).
  return shifted < 0 ? -Math.expm1(-shifted) : Math.expm1(shifted);
}

function scale(scaler: FittedScaler, column: number, value: number): number {
  const logged =
    scaler.methods[column] === 'log1p'
      ? value < 0
        ? -Math.log1p(-value)
        : Math.log1p(value)
      : value;
  return (logged - scaler.centers[column]!) / scaler.scales[column]!;
}

/**
 * The centroids of `previous` re-expressed in the scaled space of `next`: each previous
 * centroid is mapped back to original units with the previous scaler, then through the next
 * run's scaler, column by feature name. Each run fits its own scaler, so comparing raw
 * centroid coordinates of two runs would compare different units.
 *
 * @returns `[kPrevious, d]` in `next`'s column order
 */
export function previousCentroidsInNextSpace(previous: RunGeometry, next: RunGeometry): Matrix {
  const d = next.featureNames.length;
  const columnOf = next.featureNames.map((name) => previous.featureNames.indexOf(name));
  if (columnOf.some((c) => c < 0) || previous.featureNames.length !== d) {
    throw new Error('runs on different feature sets cannot be matched');
  }
  const out = createMatrix(previous.centroids.length, d);
  previous.centroids.forEach((centroid, i) => {
    for (let j = 0; j < d; j++) {
      const p = columnOf[j]!;
      const raw = unscale(previous.scaler, p, centroid[p]!);
      out.data[i * d + j] = scale(next.scaler, j, raw);
    }
  });
  return out;
}

function centroidMatrix(centroids: readonly (readonly number[])[]): Matrix {
  const k = centroids.length;
  const d = centroids[0]?.length ?? 0;
  const out = createMatrix(k, d);
  centroids.forEach((row, i) => row.forEach((value, j) => (out.data[i * d + j] = value)));
  return out;
}

/**
 * Matches `next`'s clusters to `previous`'s by minimum total centroid distance in `next`'s
 * scaled space (engine `matchRuns`, optimal assignment).
 */
export function matchClusterRuns(previous: RunGeometry, next: RunGeometry): StoredMatching {
  const matching = matchRuns(
    previousCentroidsInNextSpace(previous, next),
    centroidMatrix(next.centroids),
  );
  return {
    previousOf: Array.from(matching.previousOf),
    centroidShift: Array.from(matching.centroidShift, (shift) =>
      Number.isNaN(shift) ? null : shift,
    ),
  };
}

/** A run's assignments as the engine's movement count reads them (ids = internal customer ids). */
export async function loadAssignments(
  db: Db,
  runId: string,
): Promise<{ ids: string[]; assignments: Int32Array }> {
  const ids: string[] = [];
  const clusters: number[] = [];
  for await (const batch of streamClusterAssignments(db, runId)) {
    for (const row of batch) {
      ids.push(String(row.customer_id));
      clusters.push(row.cluster);
    }
  }
  return { ids, assignments: Int32Array.from(clusters) };
}

/** Membership movement between two stored runs, after matching. */
export async function movementBetweenRuns(
  db: Db,
  previous: { id: string; k: number },
  next: { ids: readonly string[]; assignments: Int32Array; k: number },
  matching: StoredMatching,
): Promise<MembershipMovement> {
  const stored = await loadAssignments(db, previous.id);
  return membershipMovement({ ...stored, k: previous.k }, next, {
    previousOf: Int32Array.from(matching.previousOf),
    centroidShift: Float64Array.from(matching.centroidShift, (s) => s ?? Number.NaN),
  });
}
