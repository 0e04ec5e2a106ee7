import { EngineError } from '../errors.ts';
import { squaredDistance, type Matrix } from '../linalg/matrix.ts';
import { minimumCostAssignment } from '../linalg/hungarian.ts';

/** How a new run's clusters line up with a previous run's. */
export interface RunMatching {
  /** For each new cluster, the previous cluster it continues, or -1 if it is new. */
  readonly previousOf: Int32Array;
  /** Euclidean distance between each new centroid and its matched previous one (NaN if unmatched). */
  readonly centroidShift: Float64Array;
}

/**
 * Matches the centroids of a new run to a previous run's by minimum total centroid distance
 * (optimal assignment), so a cluster an analyst has named keeps its name. Both runs must use
 * the same features and scaling. With different k, the surplus clusters stay unmatched.
 *
 * @param previous - `[kPrev, d]` @param next - `[kNext, d]`
 */
export function matchRuns(previous: Matrix, next: Matrix): RunMatching {
  if (previous.cols !== next.cols) {
    throw new EngineError(
      'schema_mismatch',
      `runs have different feature counts (${previous.cols} vs ${next.cols}); only runs on the same features can be matched`,
    );
  }
  const cost = Array.from({ length: next.rows }, (_, j) =>
    Array.from({ length: previous.rows }, (_, i) =>
      Math.sqrt(squaredDistance(next, j, previous, i)),
    ),
  );
  const previousOf = minimumCostAssignment(cost);
  const centroidShift = Float64Array.from(previousOf, (i, j) =>
    i >= 0 ? cost[j]![i]! : Number.NaN,
  );
  return { previousOf, centroidShift };
}

/** Membership movement between two runs over the customers they share. */
export interface MembershipMovement {
  /** Customers present in both runs. */
  readonly compared: number;
  /** Of those, customers whose cluster in the new run does not continue their previous one. */
  readonly moved: number;
  readonly movedShare: number;
  /** `flows[prev][next]` counts customers going from previous cluster to new cluster. */
  readonly flows: readonly (readonly number[])[];
}

/**
 * Counts how many customers changed cluster between runs, after matching: a customer in
 * previous cluster `p` who is now in new cluster `j` stayed iff `previousOf[j] === p`.
 */
export function membershipMovement(
  previous: { ids: readonly string[]; assignments: Int32Array; k: number },
  next: { ids: readonly string[]; assignments: Int32Array; k: number },
  matching: RunMatching,
): MembershipMovement {
  const previousIndex = new Map<string, number>();
  previous.ids.forEach((id, i) => previousIndex.set(id, i));
  const flows = Array.from({ length: previous.k }, () => new Array<number>(next.k).fill(0));
  let compared = 0;
  let moved = 0;
  next.ids.forEach((id, i) => {
    const p = previousIndex.get(id);
    if (p === undefined) return;
    const from = previous.assignments[p]!;
    const to = next.assignments[i]!;
    compared++;
    flows[from]![to]!++;
    if (matching.previousOf[to] !== from) moved++;
  });
  return { compared, moved, movedShare: compared === 0 ? 0 : moved / compared, flows };
}
