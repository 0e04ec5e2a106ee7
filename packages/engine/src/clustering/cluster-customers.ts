import { requireArgument } from '../errors.ts';
import {
  applyScaler,
  fitScaler,
  type FittedScaler,
  type ScalingMethod,
} from '../features/scaler.ts';
import type { Matrix } from '../linalg/matrix.ts';
import { chooseK, type KSelection } from './choose-k.ts';
import { kmeans, type KMeansResult } from './kmeans.ts';
import { fitMembership, membershipProbabilities, type MembershipModel } from './membership.ts';
import { profileClusters, type ClusterProfiles } from './profiles.ts';

export interface ClusterCustomersInput {
  readonly ids: readonly string[];
  readonly featureNames: readonly string[];
  /** `[n, d]` features in original units. */
  readonly matrix: Matrix;
  /** One method for all features or one per feature. @default 'standard' */
  readonly scaling?: ScalingMethod | readonly ScalingMethod[];
  /** A fixed k, or a range to choose from. @default { min: 2, max: 10 } */
  readonly k?: number | { readonly min: number; readonly max: number };
  /** @default 0 */
  readonly seed?: number;
  /** @default 4 */
  readonly nInit?: number;
  readonly onProgress?: (progress: { step: string; done: number; total: number }) => void;
}

/** Everything a clustering run produces: what the API stores and the workbench draws. */
export interface ClusteringRun {
  readonly ids: readonly string[];
  readonly featureNames: readonly string[];
  readonly scaler: FittedScaler;
  /** Present when k was chosen from a range. */
  readonly selection?: Omit<KSelection, 'fits'>;
  readonly k: number;
  readonly fit: KMeansResult;
  readonly membership: MembershipModel;
  /** `[n]` membership probability of each customer's assigned cluster. */
  readonly confidence: Float64Array;
  readonly profiles: ClusterProfiles;
}

/**
 * The clustering workflow in one call: scale, choose k (or take the one given), fit k-means,
 * derive membership confidence, and profile the clusters.
 *
 * @example
 * const run = await clusterCustomers({ ids, featureNames, matrix, scaling: 'log1p', k: { min: 2, max: 8 } });
 * run.k; run.selection?.reason; run.confidence[0];
 */
export async function clusterCustomers(input: ClusterCustomersInput): Promise<ClusteringRun> {
  const { ids, featureNames, matrix } = input;
  requireArgument(
    ids.length === matrix.rows,
    'ids',
    `expected ${matrix.rows} ids, got ${ids.length}`,
  );
  requireArgument(
    featureNames.length === matrix.cols,
    'featureNames',
    `expected ${matrix.cols} names, got ${featureNames.length}`,
  );
  const seed = input.seed ?? 0;
  const nInit = input.nInit ?? 4;
  const report = input.onProgress ?? (() => undefined);
  const scaler = fitScaler(matrix, input.scaling ?? 'standard');
  const scaled = applyScaler(scaler, matrix);

  const requested = input.k ?? { min: 2, max: 10 };
  let selection: KSelection | undefined;
  let fit: KMeansResult;
  if (typeof requested === 'number') {
    requireArgument(
      Number.isInteger(requested) && requested >= 1 && requested <= matrix.rows,
      'k',
      `must be an integer between 1 and ${matrix.rows}`,
    );
    report({ step: 'k-means', done: 0, total: 1 });
    fit = await kmeans(scaled, requested, { seed, nInit });
  } else {
    selection = await chooseK(scaled, {
      kMin: requested.min,
      kMax: requested.max,
      seed,
      nInit,
      onProgress: ({ done, total }) => report({ step: 'choosing k', done, total }),
    });
    fit =
      selection.fits[selection.scores.findIndex((score) => score.k === selection!.recommendedK)]!;
  }
  const k = fit.centroids.rows;
  report({ step: 'profiles', done: 0, total: 1 });
  const membership = fitMembership(fit.centroids, fit.assignments, fit.inertia);
  const probabilities = membershipProbabilities(membership, scaled);
  const confidence = Float64Array.from(
    fit.assignments,
    (cluster, i) => probabilities.data[i * k + cluster]!,
  );
  const profiles = profileClusters({
    raw: matrix,
    scaled,
    featureNames,
    assignments: fit.assignments,
    k,
    seed,
  });
  report({ step: 'profiles', done: 1, total: 1 });
  return {
    ids,
    featureNames,
    scaler,
    ...(selection ? { selection: withoutFits(selection) } : {}),
    k,
    fit,
    membership,
    confidence,
    profiles,
  };
}

/** The selection without its per-k fits, which would keep k assignment arrays alive. */
function withoutFits({ fits: _fits, ...summary }: KSelection): Omit<KSelection, 'fits'> {
  return summary;
}
