import { requireArgument } from '../errors.ts';
import { selectRows, type Matrix } from '../linalg/matrix.ts';
import { fitPca, projectPca } from '../linalg/pca.ts';
import { createRng, sampleIndices } from '../random/prng.ts';
import { clusterSizes } from './cluster-indices.ts';
import { silhouetteSamples } from './silhouette.ts';

export interface FeatureSummary {
  readonly name: string;
  /** In the feature's original units. */
  readonly mean: number;
  readonly median: number;
  /** (cluster mean − population mean) / population sd; 0 for the population itself. */
  readonly zScore: number;
}

export interface ClusterProfile {
  readonly cluster: number;
  readonly size: number;
  readonly share: number;
  readonly features: readonly FeatureSummary[];
  /** The features that set this cluster apart: largest |z| first. */
  readonly distinguishing: readonly FeatureSummary[];
}

/** One sampled point, ready for a scatter plot and a silhouette plot. */
export interface ProjectedPoint {
  /** Row index in the input. */
  readonly index: number;
  readonly cluster: number;
  readonly x: number;
  readonly y: number;
  readonly silhouette: number;
}

export interface ClusterProfiles {
  readonly population: readonly (FeatureSummary & { sd: number })[];
  readonly clusters: readonly ClusterProfile[];
  readonly projection: {
    readonly explainedVariance: readonly number[];
    readonly sampleSize: number;
    readonly points: readonly ProjectedPoint[];
  };
}

export interface ProfileInput {
  /** `[n, d]` features in original units (what people read). */
  readonly raw: Matrix;
  /** `[n, d]` the scaled features the clustering ran on (what PCA and silhouette use). */
  readonly scaled: Matrix;
  readonly featureNames: readonly string[];
  readonly assignments: Int32Array;
  readonly k: number;
  /** @default 0 */
  readonly seed?: number;
  /** Points in the scatter and silhouette plots. @default 2000 */
  readonly sampleSize?: number;
  /** How many distinguishing features per cluster (3–5 reads well). @default 4 */
  readonly distinguishingCount?: number;
}

/**
 * Describes each cluster so a person can name it: size and share, per-feature mean and median
 * in original units with the z-score of the cluster mean against the whole population, the
 * features that set it apart, and a seeded sample projected on the first two principal
 * components with each sampled point's silhouette.
 */
export function profileClusters(input: ProfileInput): ClusterProfiles {
  const { raw, scaled, featureNames, assignments, k } = input;
  const n = raw.rows;
  const d = raw.cols;
  requireArgument(
    featureNames.length === d,
    'featureNames',
    `expected ${d} names, got ${featureNames.length}`,
  );
  requireArgument(
    scaled.rows === n && assignments.length === n,
    'assignments',
    `expected ${n} rows everywhere`,
  );
  const sizes = clusterSizes(assignments, k);
  const column = new Float64Array(n);
  const population = featureNames.map((name, c) => {
    for (let i = 0; i < n; i++) column[i] = raw.data[i * d + c]!;
    const mean = meanOf(column);
    const sd = Math.sqrt(meanOf(column.map((x) => (x - mean) ** 2)));
    return { name, mean, median: medianOf(column), zScore: 0, sd };
  });

  const members: Int32Array[] = Array.from(
    { length: k },
    (_, cluster) => new Int32Array(sizes[cluster]!),
  );
  const filled = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const cluster = assignments[i]!;
    members[cluster]![filled[cluster]!++] = i;
  }
  const distinguishingCount = input.distinguishingCount ?? 4;
  const clusters = members.map((rows, cluster): ClusterProfile => {
    const values = new Float64Array(rows.length);
    const features = featureNames.map((name, c) => {
      for (let r = 0; r < rows.length; r++) values[r] = raw.data[rows[r]! * d + c]!;
      const mean = rows.length ? meanOf(values) : Number.NaN;
      const { mean: populationMean, sd } = population[c]!;
      return {
        name,
        mean,
        median: rows.length ? medianOf(values) : Number.NaN,
        zScore: sd > 0 ? (mean - populationMean) / sd : 0,
      };
    });
    const distinguishing = [...features]
      .filter((feature) => Number.isFinite(feature.zScore))
      .sort((a, b) => Math.abs(b.zScore) - Math.abs(a.zScore))
      .slice(0, distinguishingCount);
    return { cluster, size: rows.length, share: rows.length / n, features, distinguishing };
  });

  const sample = sampleIndices(n, input.sampleSize ?? 2000, createRng(input.seed ?? 0));
  const samplePoints = selectRows(scaled, sample);
  const sampleAssignments = sample.map((i) => assignments[i]!);
  const pca = fitPca(samplePoints, 2);
  const projected = projectPca(pca, samplePoints);
  const silhouettes = silhouetteSamples(samplePoints, sampleAssignments, k);
  const components = projected.cols;
  const points = Array.from(sample, (index, s) => ({
    index,
    cluster: sampleAssignments[s]!,
    x: projected.data[s * components]!,
    y: components > 1 ? projected.data[s * components + 1]! : 0,
    silhouette: silhouettes[s]!,
  }));
  return {
    population,
    clusters,
    projection: { explainedVariance: pca.explainedVariance, sampleSize: sample.length, points },
  };
}

function meanOf(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

function medianOf(values: Float64Array): number {
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
