import { EngineError, requireArgument } from '../errors.ts';
import { selectRows, type Matrix } from '../linalg/matrix.ts';
import type { Rng } from '../random/prng.ts';
import { kmeansPlusPlusTrials } from './kernel/layout.ts';
import { cumulativeSearch } from './kmeans-cumulative-search.ts';

/**
 * Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with scikit-learn's greedy variant):
 * the first centre is a uniformly drawn point; each next centre is the best of
 * `2 + ⌊ln k⌋` candidates drawn with probability proportional to their squared distance to
 * the nearest centre so far, "best" meaning the lowest total squared distance once added.
 * Draws from `rng` in a fixed order (one `nextInt`, then one `nextFloat` per candidate), the
 * order `kmeans` uses for its own seeding; given the same generator state both pick the same
 * rows unless floating-point rounding tips a draw that lands exactly on a boundary.
 *
 * @param points - `[n, d]`, finite values
 * @param k - number of centres, `1 <= k <= n`
 * @returns centres `[k, d]`, each a copy of one row of `points`
 * @example
 * const centres = kmeansPlusPlus(points, 3, createRng(7));
 */
export function kmeansPlusPlus(points: Matrix, k: number, rng: Rng): Matrix {
  const n = points.rows;
  const d = points.cols;
  if (n === 0) throw new EngineError('empty_input', 'points: no rows to seed from', ['points']);
  requireArgument(
    Number.isInteger(k) && k >= 1 && k <= n,
    'k',
    `must be an integer in [1, ${n}], got ${k}`,
  );
  const data = points.data;
  const trials = kmeansPlusPlusTrials(k);
  const chosen = new Int32Array(k);
  const minD2 = new Float64Array(n);
  const candidateD2 = new Float64Array(n);

  const distancesTo = (row: number, out: Float64Array): void => {
    const c = row * d;
    for (let i = 0; i < n; i++) {
      const x = i * d;
      let sum = 0;
      for (let j = 0; j < d; j++) {
        const diff = data[x + j]! - data[c + j]!;
        sum += diff * diff;
      }
      out[i] = sum;
    }
  };

  chosen[0] = rng.nextInt(n);
  distancesTo(chosen[0], minD2);
  let potential = sum(minD2);
  const candidates = new Int32Array(trials);
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < trials; t++) {
      candidates[t] = cumulativeSearch(minD2, rng.nextFloat() * potential);
    }
    let bestRow = candidates[0]!;
    let bestPotential = Infinity;
    for (let t = 0; t < trials; t++) {
      distancesTo(candidates[t]!, candidateD2);
      let total = 0;
      for (let i = 0; i < n; i++) total += Math.min(minD2[i]!, candidateD2[i]!);
      if (total < bestPotential) {
        bestPotential = total;
        bestRow = candidates[t]!;
      }
    }
    distancesTo(bestRow, candidateD2);
    for (let i = 0; i < n; i++) minD2[i] = Math.min(minD2[i]!, candidateD2[i]!);
    potential = sum(minD2);
    chosen[c] = bestRow;
  }
  return selectRows(points, chosen);
}

function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
