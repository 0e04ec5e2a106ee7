import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { EngineError } from '../errors.ts';
import { createMatrix, type Matrix } from '../linalg/matrix.ts';
import { columnMeans } from '../clustering/cluster-indices.ts';

/** A fitted principal-component projection, JSON-serialisable. */
export interface PcaProjection {
  /** `[d]` column means removed before projecting. */
  readonly mean: readonly number[];
  /** `[components][d]` unit principal axes, by decreasing variance. */
  readonly axes: readonly (readonly number[])[];
  /** Share of total variance each axis explains. */
  readonly explainedVariance: readonly number[];
}

/**
 * Fits the top `components` principal axes from the covariance matrix (d × d, so the cost is
 * one pass over the points plus a small eigendecomposition). Axis signs are fixed so the
 * largest loading is positive, which keeps plots stable across runs.
 *
 * @param points - `[n, d]`
 */
export function fitPca(points: Matrix, components = 2): PcaProjection {
  const { rows: n, cols: d } = points;
  if (n < 2) throw new EngineError('empty_input', 'PCA needs at least two points');
  const mean = columnMeans(points);
  const covariance = new Float64Array(d * d);
  const centred = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < d; c++) centred[c] = points.data[i * d + c]! - mean[c]!;
    for (let a = 0; a < d; a++) {
      const va = centred[a]!;
      for (let b = a; b < d; b++) covariance[a * d + b]! += va * centred[b]!;
    }
  }
  const rows: number[][] = [];
  for (let a = 0; a < d; a++) {
    rows.push([]);
    for (let b = 0; b < d; b++)
      rows[a]!.push(covariance[Math.min(a, b) * d + Math.max(a, b)]! / (n - 1));
  }
  const decomposition = new EigenvalueDecomposition(new MlMatrix(rows), { assumeSymmetric: true });
  const eigenvalues = decomposition.realEigenvalues;
  const vectors = decomposition.eigenvectorMatrix;
  const order = eigenvalues.map((_, i) => i).sort((a, b) => eigenvalues[b]! - eigenvalues[a]!);
  const totalVariance = eigenvalues.reduce((sum, value) => sum + Math.max(value, 0), 0) || 1;
  const kept = order.slice(0, Math.min(components, d));
  return {
    mean: Array.from(mean),
    axes: kept.map((index) => {
      const axis = vectors.getColumn(index);
      const dominant = axis.reduce(
        (best, value) => (Math.abs(value) > Math.abs(best) ? value : best),
        0,
      );
      return dominant < 0 ? axis.map((value) => -value) : axis;
    }),
    explainedVariance: kept.map((index) => Math.max(eigenvalues[index]!, 0) / totalVariance),
  };
}

/** Projects points onto the fitted axes: `[n, components]`. */
export function projectPca(projection: PcaProjection, points: Matrix): Matrix {
  const d = projection.mean.length;
  if (points.cols !== d) {
    throw new EngineError('schema_mismatch', `PCA was fitted on ${d} columns, got ${points.cols}`);
  }
  const components = projection.axes.length;
  const out = createMatrix(points.rows, components);
  for (let i = 0; i < points.rows; i++) {
    for (let p = 0; p < components; p++) {
      const axis = projection.axes[p]!;
      let sum = 0;
      for (let c = 0; c < d; c++) sum += (points.data[i * d + c]! - projection.mean[c]!) * axis[c]!;
      out.data[i * components + p] = sum;
    }
  }
  return out;
}
