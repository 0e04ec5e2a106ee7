import { EngineError, requireArgument } from '../errors.ts';
import { createMatrix, type Matrix } from '../linalg/matrix.ts';

/**
 * - `standard`: (x − mean) / sd
 * - `robust`: (x − median) / IQR, for features with outliers
 * - `log1p`: sign(x)·log(1 + |x|), then standard — for heavy-tailed money and counts
 * - `none`: passed through unchanged
 */
export type ScalingMethod = 'standard' | 'robust' | 'log1p' | 'none';
export const SCALING_METHODS: readonly ScalingMethod[] = ['standard', 'robust', 'log1p', 'none'];

/** A fitted per-column affine transform (after the optional log1p), JSON-serialisable. */
export interface FittedScaler {
  readonly methods: readonly ScalingMethod[];
  readonly centers: readonly number[];
  readonly scales: readonly number[];
}

function signedLog1p(x: number): number {
  return x < 0 ? -Math.log1p(-x) : Math.log1p(x);
}

function quantileSorted(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/**
 * Fits a scaler column by column. A constant column gets scale 1 (so it maps to 0, not NaN).
 *
 * @param matrix - `[rows, cols]`, finite values (encode missing values first)
 * @param methods - one method for all columns, or one per column
 * @example
 * const scaler = fitScaler(features, ['log1p', 'log1p', 'standard']);
 * const scaled = applyScaler(scaler, features);
 */
export function fitScaler(
  matrix: Matrix,
  methods: ScalingMethod | readonly ScalingMethod[],
): FittedScaler {
  const perColumn =
    typeof methods === 'string'
      ? new Array<ScalingMethod>(matrix.cols).fill(methods)
      : [...methods];
  requireArgument(
    perColumn.length === matrix.cols,
    'methods',
    `expected ${matrix.cols} methods, got ${perColumn.length}`,
  );
  if (matrix.rows === 0) throw new EngineError('empty_input', 'cannot fit a scaler on zero rows');
  const centers: number[] = [];
  const scales: number[] = [];
  const column = new Float64Array(matrix.rows);
  perColumn.forEach((method, c) => {
    requireArgument(
      SCALING_METHODS.includes(method),
      `methods[${c}]`,
      `unknown scaling method "${method}"`,
    );
    for (let r = 0; r < matrix.rows; r++) {
      const value = matrix.data[r * matrix.cols + c]!;
      if (!Number.isFinite(value)) {
        throw new EngineError(
          'invalid_argument',
          `row ${r}, column ${c}: value ${value} is not finite`,
          [r, c],
        );
      }
      column[r] = method === 'log1p' ? signedLog1p(value) : value;
    }
    const [center, scale] = fitColumn(column, method);
    centers.push(center);
    scales.push(scale > 1e-12 ? scale : 1);
  });
  return { methods: perColumn, centers, scales };
}

function fitColumn(column: Float64Array, method: ScalingMethod): [center: number, scale: number] {
  if (method === 'none') return [0, 1];
  if (method === 'robust') {
    const sorted = Float64Array.from(column).sort();
    return [
      quantileSorted(sorted, 0.5),
      quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25),
    ];
  }
  let mean = 0;
  for (let i = 0; i < column.length; i++) mean += column[i]!;
  mean /= column.length;
  let variance = 0;
  for (let i = 0; i < column.length; i++) variance += (column[i]! - mean) ** 2;
  return [mean, Math.sqrt(variance / column.length)];
}

/** Applies a fitted scaler; the matrix must have the columns the scaler was fitted on. */
export function applyScaler(scaler: FittedScaler, matrix: Matrix): Matrix {
  const cols = scaler.methods.length;
  if (matrix.cols !== cols) {
    throw new EngineError(
      'schema_mismatch',
      `scaler was fitted on ${cols} columns, got ${matrix.cols}`,
    );
  }
  const out = createMatrix(matrix.rows, cols);
  const logColumns = scaler.methods.map((method) => method === 'log1p');
  for (let r = 0; r < matrix.rows; r++) {
    const offset = r * cols;
    for (let c = 0; c < cols; c++) {
      const raw = matrix.data[offset + c]!;
      const value = logColumns[c] ? signedLog1p(raw) : raw;
      out.data[offset + c] = (value - scaler.centers[c]!) / scaler.scales[c]!;
    }
  }
  return out;
}
