import * as tf from '@tensorflow/tfjs';
import type { CellValue } from '../features/customer-table.ts';
import type { Matrix } from '../linalg/matrix.ts';
import type { ChurnDesign } from './design.ts';
import type { ChurnEnsemble } from './cross-fit.ts';
import { forwardLogits } from './network.ts';

/** One input column's share of a prediction, in logit units against the reference customer. */
export interface FeatureContribution {
  /** Input column name (one-hot levels and log companions are summed into their column). */
  readonly feature: string;
  /** The customer's raw value of that column. */
  readonly value: CellValue;
  /** Signed: > 0 pushes towards churn. */
  readonly contribution: number;
}

export interface ExplanationOptions {
  /**
   * Integration steps of integrated gradients (MLP only): cost grows linearly with it, the
   * quadrature error shrinks. Raise it for a single explanation, lower it for bulk scoring.
   * @default 8
   */
  readonly steps?: number;
  /** Rows × steps per TF.js batch. @default 16384 */
  readonly chunkRows?: number;
}

/**
 * Per-row, per-input-column contributions `[rows, inputColumns]` to the ensemble's mean
 * member logit, against a reference point: the training mean of every design column (0 after
 * standard scaling).
 *
 * - logistic: exact. The mean logit is b̄ + Σⱼ w̄ⱼ·xⱼ, so design column j contributes w̄ⱼ·xⱼ
 *   and the contributions sum to logit − b̄ exactly.
 * - MLP: integrated gradients (Sundararajan et al., 2017) along the straight line from the
 *   reference to x with a `steps`-point midpoint rule: contributionⱼ = xⱼ · mean_k ∂f/∂xⱼ(αₖx).
 *   They sum to f(x) − f(reference) up to the quadrature error, which shrinks with `steps`.
 *
 * Design columns are summed into the input column they come from (`design.columns[j].source`).
 *
 * @param x - `[rows, designColumns]` scaled design matrix
 */
export function designContributions(
  ensemble: ChurnEnsemble,
  design: ChurnDesign,
  x: Matrix,
  options: ExplanationOptions = {},
): Matrix & { reference: number } {
  const sources = design.encoder.columns.length;
  const out = new Float64Array(x.rows * sources);
  const perDesign =
    ensemble.kind === 'logistic'
      ? logisticTerms(ensemble, x)
      : integratedGradients(ensemble, x, options);
  const sourceOf = design.columns.map((column) => column.source);
  for (let r = 0; r < x.rows; r++) {
    for (let j = 0; j < x.cols; j++)
      out[r * sources + sourceOf[j]!]! += perDesign.data[r * x.cols + j]!;
  }
  return { rows: x.rows, cols: sources, data: out, reference: perDesign.reference };
}

/** w̄ⱼ·xⱼ for every row and design column, with the reference logit b̄. */
function logisticTerms(ensemble: ChurnEnsemble, x: Matrix): Matrix & { reference: number } {
  const weights = new Float64Array(x.cols);
  let bias = 0;
  for (const member of ensemble.members) {
    const [kernel, b] = member.layers[0]!.getWeights();
    const k = kernel!.dataSync();
    for (let j = 0; j < x.cols; j++) weights[j]! += k[j]! / ensemble.members.length;
    bias += b!.dataSync()[0]! / ensemble.members.length;
  }
  const data = new Float64Array(x.rows * x.cols);
  for (let r = 0; r < x.rows; r++) {
    for (let j = 0; j < x.cols; j++) data[r * x.cols + j] = weights[j]! * x.data[r * x.cols + j]!;
  }
  return { rows: x.rows, cols: x.cols, data, reference: bias };
}

function integratedGradients(
  ensemble: ChurnEnsemble,
  x: Matrix,
  options: ExplanationOptions,
): Matrix & { reference: number } {
  const steps = Math.max(1, Math.floor(options.steps ?? 8));
  const chunkRows = Math.max(1, Math.floor((options.chunkRows ?? 16_384) / steps));
  const meanLogit = (input: tf.Tensor2D): tf.Tensor1D =>
    tf.tidy(
      () =>
        tf
          .addN(ensemble.members.map((m) => forwardLogits(m, input, { gradient: 'input' })))
          .div(ensemble.members.length) as tf.Tensor1D,
    );
  const gradient = tf.grad((input: tf.Tensor) => meanLogit(input as tf.Tensor2D).sum());
  const data = new Float64Array(x.rows * x.cols);
  for (let start = 0; start < x.rows; start += chunkRows) {
    const end = Math.min(x.rows, start + chunkRows);
    const n = end - start;
    const grads = tf.tidy(() => {
      const rows = tf.tensor2d(Float32Array.from(x.data.subarray(start * x.cols, end * x.cols)), [
        n,
        x.cols,
      ]);
      // [steps * n, cols]: the k-th block is rows scaled by αₖ = (k + ½) / steps
      const alphas = tf.tensor1d(Float32Array.from({ length: steps }, (_, k) => (k + 0.5) / steps));
      const path = alphas
        .reshape([steps, 1, 1])
        .mul(rows.expandDims(0))
        .reshape([steps * n, x.cols]);
      return gradient(path).reshape([steps, n, x.cols]).mean(0).dataSync();
    });
    for (let i = 0; i < n * x.cols; i++)
      data[start * x.cols + i] = grads[i]! * x.data[start * x.cols + i]!;
  }
  const reference = tf.tidy(() => meanLogit(tf.zeros([1, x.cols])).dataSync()[0]!);
  return { rows: x.rows, cols: x.cols, data, reference };
}

/**
 * The `top` contributions of row `r` by absolute size, with the raw values from `values`.
 */
export function topContributions(
  contributions: Matrix,
  r: number,
  features: readonly string[],
  value: (feature: string) => CellValue,
  top: number,
): FeatureContribution[] {
  const row = contributions.data.subarray(r * contributions.cols, (r + 1) * contributions.cols);
  const order = Array.from({ length: row.length }, (_, j) => j).sort(
    (a, b) => Math.abs(row[b]!) - Math.abs(row[a]!) || a - b,
  );
  return order
    .slice(0, top)
    .map((j) => ({ feature: features[j]!, value: value(features[j]!), contribution: row[j]! }));
}

/** Mean |contribution| of an input column over a set of rows: its global importance. */
export interface FeatureImportance {
  readonly feature: string;
  readonly meanAbsContribution: number;
}

export function globalImportance(
  contributions: Matrix,
  features: readonly string[],
): FeatureImportance[] {
  const sums = new Float64Array(contributions.cols);
  for (let r = 0; r < contributions.rows; r++) {
    for (let j = 0; j < contributions.cols; j++)
      sums[j]! += Math.abs(contributions.data[r * contributions.cols + j]!);
  }
  return features
    .map((feature, j) => ({
      feature,
      meanAbsContribution: sums[j]! / Math.max(1, contributions.rows),
    }))
    .sort((a, b) => b.meanAbsContribution - a.meanAbsContribution);
}
