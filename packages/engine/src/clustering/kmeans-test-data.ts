import { createMatrix, type Matrix } from '../linalg/matrix.ts';
import { createRng } from '../random/prng.ts';

/** Test data: seeded Gaussian blobs and a plain Lloyd reference to check the fast paths against. */

export interface Blobs {
  readonly points: Matrix;
  /** `[n]`, the blob each point was drawn from. */
  readonly labels: Int32Array;
}

/**
 * `n` points in `d` dimensions around `k` centres drawn uniformly in [−spread, spread]^d, each
 * coordinate with unit-variance Gaussian noise; point i belongs to blob i mod k.
 */
export function gaussianBlobs(
  n: number,
  d: number,
  k: number,
  spread: number,
  seed: number,
): Blobs {
  const rng = createRng(seed);
  const centres = Float64Array.from({ length: k * d }, () => (rng.nextFloat() * 2 - 1) * spread);
  const points = createMatrix(n, d);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const blob = i % k;
    labels[i] = blob;
    for (let j = 0; j < d; j++) points.data[i * d + j] = centres[blob * d + j]! + rng.nextNormal();
  }
  return { points, labels };
}

export interface ReferenceResult {
  readonly centroids: Float64Array;
  readonly assignments: Int32Array;
  readonly inertia: number;
  readonly iterations: number;
}

/**
 * Textbook Lloyd: assign every point to its nearest centroid (lowest index on a tie), move each
 * centroid to its members' mean, stop when no assignment changes. Throws on an empty cluster
 * (the tests that use it pick data without one).
 */
export function referenceLloyd(
  points: Matrix,
  initial: Matrix,
  maxIterations: number,
): ReferenceResult {
  const { rows: n, cols: d } = points;
  const k = initial.rows;
  const centroids = Float64Array.from(initial.data);
  const assignments = new Int32Array(n).fill(-1);
  const assign = (): boolean => {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = Infinity;
      let bestIndex = 0;
      for (let j = 0; j < k; j++) {
        let sum = 0;
        for (let t = 0; t < d; t++) sum += (points.data[i * d + t]! - centroids[j * d + t]!) ** 2;
        if (sum < best) {
          best = sum;
          bestIndex = j;
        }
      }
      if (assignments[i] !== bestIndex) changed = true;
      assignments[i] = bestIndex;
    }
    return changed;
  };
  let iterations = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    iterations = iteration;
    if (!assign() && iteration > 1) break;
    const sums = new Float64Array(k * d);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      const a = assignments[i]!;
      counts[a]! += 1;
      for (let t = 0; t < d; t++) sums[a * d + t]! += points.data[i * d + t]!;
    }
    for (let j = 0; j < k; j++) {
      if (counts[j] === 0) throw new Error(`reference Lloyd: cluster ${j} became empty`);
      for (let t = 0; t < d; t++) centroids[j * d + t] = sums[j * d + t]! / counts[j]!;
    }
  }
  assign();
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const a = assignments[i]!;
    for (let t = 0; t < d; t++) inertia += (points.data[i * d + t]! - centroids[a * d + t]!) ** 2;
  }
  return { centroids, assignments, inertia, iterations };
}
