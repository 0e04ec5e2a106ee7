import type { Matrix } from '../linalg/matrix.ts';

/** Per-cluster sizes `[k]`. */
export function clusterSizes(assignments: Int32Array, k: number): Int32Array {
  const sizes = new Int32Array(k);
  for (const cluster of assignments) sizes[cluster]!++;
  return sizes;
}

/** Mean of every column `[d]`. */
export function columnMeans(points: Matrix): Float64Array {
  const means = new Float64Array(points.cols);
  for (let i = 0; i < points.rows; i++) {
    for (let c = 0; c < points.cols; c++) means[c]! += points.data[i * points.cols + c]!;
  }
  for (let c = 0; c < points.cols; c++) means[c]! /= Math.max(points.rows, 1);
  return means;
}

/**
 * Davies–Bouldin index: the mean over clusters of the worst ratio
 * `(S_i + S_j) / ‖c_i − c_j‖`, with `S` the mean distance of members to their centroid.
 * Lower is better; 0 for perfectly separated point clusters.
 */
export function daviesBouldin(points: Matrix, assignments: Int32Array, centroids: Matrix): number {
  const k = centroids.rows;
  const d = points.cols;
  const scatter = new Float64Array(k);
  const sizes = clusterSizes(assignments, k);
  for (let i = 0; i < points.rows; i++) {
    const cluster = assignments[i]!;
    let sum = 0;
    for (let c = 0; c < d; c++) {
      const diff = points.data[i * d + c]! - centroids.data[cluster * d + c]!;
      sum += diff * diff;
    }
    scatter[cluster]! += Math.sqrt(sum);
  }
  let total = 0;
  let counted = 0;
  for (let a = 0; a < k; a++) {
    if (sizes[a] === 0) continue;
    const scatterA = scatter[a]! / sizes[a]!;
    let worst = 0;
    for (let b = 0; b < k; b++) {
      if (b === a || sizes[b] === 0) continue;
      let separation = 0;
      for (let c = 0; c < d; c++)
        separation += (centroids.data[a * d + c]! - centroids.data[b * d + c]!) ** 2;
      separation = Math.sqrt(separation);
      const ratio = (scatterA + scatter[b]! / sizes[b]!) / (separation || Number.MIN_VALUE);
      worst = Math.max(worst, ratio);
    }
    total += worst;
    counted++;
  }
  return counted === 0 ? 0 : total / counted;
}

/**
 * Calinski–Harabasz index: between-cluster dispersion over within-cluster dispersion, each
 * divided by its degrees of freedom. Higher is better. `inertia` is the within-cluster sum
 * of squares of the same assignments.
 */
export function calinskiHarabasz(
  points: Matrix,
  assignments: Int32Array,
  centroids: Matrix,
  inertia: number,
): number {
  const n = points.rows;
  const k = centroids.rows;
  if (k < 2 || n <= k) return 0;
  const d = points.cols;
  const mean = columnMeans(points);
  const sizes = clusterSizes(assignments, k);
  let between = 0;
  for (let cluster = 0; cluster < k; cluster++) {
    let sum = 0;
    for (let c = 0; c < d; c++) sum += (centroids.data[cluster * d + c]! - mean[c]!) ** 2;
    between += sizes[cluster]! * sum;
  }
  return inertia === 0 ? Number.POSITIVE_INFINITY : between / (k - 1) / (inertia / (n - k));
}
