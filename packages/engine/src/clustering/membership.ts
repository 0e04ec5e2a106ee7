import { EngineError } from '../errors.ts';
import { createMatrix, type Matrix } from '../linalg/matrix.ts';
import { clusterSizes } from './cluster-indices.ts';

/**
 * The fitted model behind membership confidence: an isotropic Gaussian mixture whose means are
 * the k-means centroids, whose weights are the cluster shares, and whose shared variance is the
 * maximum-likelihood estimate from the fit, `σ² = inertia / (n · d)`. JSON-serialisable so new
 * customers are scored the same way later.
 */
export interface MembershipModel {
  readonly centroids: Matrix;
  readonly weights: readonly number[];
  readonly variance: number;
}

export function fitMembership(
  centroids: Matrix,
  assignments: Int32Array,
  inertia: number,
): MembershipModel {
  const n = assignments.length;
  if (n === 0) throw new EngineError('empty_input', 'membership needs at least one assigned point');
  const sizes = clusterSizes(assignments, centroids.rows);
  // A perfect fit (inertia 0) would make every probability 0 or 1; a tiny floor keeps them finite.
  const variance = Math.max(inertia / (n * centroids.cols), 1e-12);
  return { centroids, weights: Array.from(sizes, (size) => size / n), variance };
}

/**
 * Membership probabilities: the Gaussian responsibilities
 * `p(j | x) ∝ w_j · exp(−‖x − c_j‖² / 2σ²)`, computed with the log-sum-exp trick. A point on
 * its centroid far from the others gets ≈ 1; a point halfway between two centroids gets ≈ ½.
 *
 * @param points - `[n, d]`, scaled like the points the model was fitted on
 * @returns `[n, k]`, each row sums to 1
 */
export function membershipProbabilities(model: MembershipModel, points: Matrix): Matrix {
  const { rows: k, cols: d } = model.centroids;
  if (points.cols !== d) {
    throw new EngineError(
      'schema_mismatch',
      `membership model has ${d} features, points have ${points.cols}`,
    );
  }
  const out = createMatrix(points.rows, k);
  const logWeights = model.weights.map((w) => (w > 0 ? Math.log(w) : Number.NEGATIVE_INFINITY));
  const logits = new Float64Array(k);
  for (let i = 0; i < points.rows; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < k; j++) {
      let sum = 0;
      for (let c = 0; c < d; c++) {
        const diff = points.data[i * d + c]! - model.centroids.data[j * d + c]!;
        sum += diff * diff;
      }
      logits[j] = logWeights[j]! - sum / (2 * model.variance);
      if (logits[j]! > max) max = logits[j]!;
    }
    let total = 0;
    for (let j = 0; j < k; j++) total += Math.exp(logits[j]! - max);
    for (let j = 0; j < k; j++) out.data[i * k + j] = Math.exp(logits[j]! - max) / total;
  }
  return out;
}
