import { requireArgument } from '../errors.ts';
import type { Matrix } from '../linalg/matrix.ts';

/**
 * Exact per-point silhouette `s(i) = (b − a) / max(a, b)` over the given points, where `a` is
 * the mean distance to the other members of the point's cluster and `b` the smallest mean
 * distance to another cluster. A point alone in its cluster scores 0 (the usual convention).
 * Cost is O(n² · d): callers pass a sample for large inputs.
 *
 * @param points - `[n, d]`
 * @param assignments - `[n]` cluster index per point, in `0..k-1`
 * @returns `[n]` silhouette per point, in [-1, 1]
 */
export function silhouetteSamples(
  points: Matrix,
  assignments: Int32Array,
  k: number,
): Float64Array {
  const n = points.rows;
  const d = points.cols;
  requireArgument(
    assignments.length === n,
    'assignments',
    `expected ${n} entries, got ${assignments.length}`,
  );
  const clusterSizes = new Int32Array(k);
  for (let i = 0; i < n; i++) clusterSizes[assignments[i]!]!++;
  const scores = new Float64Array(n);
  const distanceSums = new Float64Array(k);
  const data = points.data;
  for (let i = 0; i < n; i++) {
    distanceSums.fill(0);
    const io = i * d;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const jo = j * d;
      let sum = 0;
      for (let c = 0; c < d; c++) {
        const diff = data[io + c]! - data[jo + c]!;
        sum += diff * diff;
      }
      distanceSums[assignments[j]!]! += Math.sqrt(sum);
    }
    const own = assignments[i]!;
    const ownSize = clusterSizes[own]!;
    if (ownSize <= 1) continue;
    const a = distanceSums[own]! / (ownSize - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let cluster = 0; cluster < k; cluster++) {
      if (cluster === own || clusterSizes[cluster] === 0) continue;
      b = Math.min(b, distanceSums[cluster]! / clusterSizes[cluster]!);
    }
    if (b === Number.POSITIVE_INFINITY) continue;
    const denominator = Math.max(a, b);
    scores[i] = denominator === 0 ? 0 : (b - a) / denominator;
  }
  return scores;
}

/** Mean of the per-point silhouettes. */
export function meanSilhouette(points: Matrix, assignments: Int32Array, k: number): number {
  const scores = silhouetteSamples(points, assignments, k);
  let sum = 0;
  for (const score of scores) sum += score;
  return scores.length === 0 ? 0 : sum / scores.length;
}
