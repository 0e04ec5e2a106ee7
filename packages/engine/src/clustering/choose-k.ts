import { requireArgument } from '../errors.ts';
import { selectRows, type Matrix } from '../linalg/matrix.ts';
import { createRng, sampleIndices } from '../random/prng.ts';
import { calinskiHarabasz, daviesBouldin } from './cluster-indices.ts';
import { kmeans, type KMeansResult } from './kmeans.ts';
import { meanSilhouette } from './silhouette.ts';

export interface ChooseKOptions {
  /** Smallest k tried. @default 2 */
  kMin?: number;
  /** Largest k tried (capped at n − 1). @default 10 */
  kMax?: number;
  /** @default 0 */
  seed?: number;
  /** k-means restarts per k. @default 4 */
  nInit?: number;
  /** Silhouette is exact up to this many points, and computed on a seeded sample of this size beyond. @default 3000 */
  silhouetteSampleSize?: number;
  onProgress?: (progress: { k: number; done: number; total: number }) => void;
}

/** The quality of one k: the figures behind the elbow, silhouette and index charts. */
export interface KScore {
  readonly k: number;
  readonly inertia: number;
  readonly silhouette: number;
  readonly daviesBouldin: number;
  readonly calinskiHarabasz: number;
  readonly iterations: number;
  readonly converged: boolean;
}

export interface KSelection {
  readonly scores: readonly KScore[];
  readonly recommendedK: number;
  /** A sentence a person can read: why this k. */
  readonly reason: string;
  /** How the silhouette was computed: on all points, or on a seeded sample of `size`. */
  readonly silhouetteSample: { readonly size: number; readonly exact: boolean };
  /** The fit for each k in `scores` order, so the chosen one need not be recomputed. */
  readonly fits: readonly KMeansResult[];
}

/**
 * Fits k-means for every k in `[kMin, kMax]` and scores each with inertia (for the elbow),
 * mean silhouette, Davies–Bouldin and Calinski–Harabasz. The recommended k has the highest
 * silhouette — the one index that rewards both tight and well-separated clusters and does not
 * drift with k the way inertia and Calinski–Harabasz do; ties go to the lower Davies–Bouldin.
 *
 * @param points - `[n, d]`, already scaled
 */
export async function chooseK(points: Matrix, options: ChooseKOptions = {}): Promise<KSelection> {
  const kMin = options.kMin ?? 2;
  const kMax = Math.min(options.kMax ?? 10, points.rows - 1);
  const seed = options.seed ?? 0;
  requireArgument(Number.isInteger(kMin) && kMin >= 2, 'kMin', 'must be an integer >= 2');
  requireArgument(
    kMax >= kMin,
    'kMax',
    `must be >= kMin (${kMin}) and below the number of points (${points.rows})`,
  );
  const sampleSize = options.silhouetteSampleSize ?? 3000;
  const exact = points.rows <= sampleSize;
  const sample = exact ? undefined : sampleIndices(points.rows, sampleSize, createRng(seed));
  const samplePoints = sample ? selectRows(points, sample) : points;

  const scores: KScore[] = [];
  const fits: KMeansResult[] = [];
  const total = kMax - kMin + 1;
  for (let k = kMin; k <= kMax; k++) {
    const fit = await kmeans(points, k, { seed, nInit: options.nInit ?? 4 });
    const sampleAssignments = sample ? sample.map((i) => fit.assignments[i]!) : fit.assignments;
    scores.push({
      k,
      inertia: fit.inertia,
      silhouette: meanSilhouette(samplePoints, sampleAssignments, k),
      daviesBouldin: daviesBouldin(points, fit.assignments, fit.centroids),
      calinskiHarabasz: calinskiHarabasz(points, fit.assignments, fit.centroids, fit.inertia),
      iterations: fit.iterations,
      converged: fit.converged,
    });
    fits.push(fit);
    options.onProgress?.({ k, done: k - kMin + 1, total });
  }
  const best = [...scores].sort(
    (a, b) => b.silhouette - a.silhouette || a.daviesBouldin - b.daviesBouldin || a.k - b.k,
  )[0]!;
  return {
    scores,
    recommendedK: best.k,
    reason: explainChoice(best, scores, exact ? points.rows : sampleSize, exact),
    silhouetteSample: { size: exact ? points.rows : sampleSize, exact },
    fits,
  };
}

function explainChoice(
  best: KScore,
  scores: readonly KScore[],
  sampleSize: number,
  exact: boolean,
): string {
  const lowestDb = scores.reduce((a, b) => (b.daviesBouldin < a.daviesBouldin ? b : a));
  const highestCh = scores.reduce((a, b) => (b.calinskiHarabasz > a.calinskiHarabasz ? b : a));
  const over = exact ? `all ${sampleSize} points` : `a seeded sample of ${sampleSize} points`;
  const agreement = [
    lowestDb.k === best.k
      ? 'Davies–Bouldin agrees (lowest)'
      : `Davies–Bouldin prefers k = ${lowestDb.k}`,
    highestCh.k === best.k
      ? 'Calinski–Harabasz agrees (highest)'
      : `Calinski–Harabasz prefers k = ${highestCh.k}`,
  ].join('; ');
  return `k = ${best.k} has the highest mean silhouette (${best.silhouette.toFixed(3)} over ${over}); ${agreement}.`;
}
