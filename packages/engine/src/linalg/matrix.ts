import { EngineError } from '../errors.ts';

/**
 * A dense row-major matrix: `data[row * cols + col]`. The engine's one shape for points,
 * feature tables and centroids, so hot loops read flat typed arrays, never `number[][]`.
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

export function createMatrix(rows: number, cols: number, data?: Float64Array): Matrix {
  if (data && data.length !== rows * cols) {
    throw new EngineError(
      'shape_mismatch',
      `matrix data has ${data.length} values, expected ${rows} x ${cols} = ${rows * cols}`,
    );
  }
  return { rows, cols, data: data ?? new Float64Array(rows * cols) };
}

/** Copies nested arrays into a `Matrix`; every row must have the same length. */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  const matrix = createMatrix(rows.length, cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new EngineError(
        'shape_mismatch',
        `row ${i} has ${row.length} values, expected ${cols}`,
      );
    }
    matrix.data.set(row, i * cols);
  });
  return matrix;
}

/** Row `i` as a view (no copy). */
export function rowView(matrix: Matrix, i: number): Float64Array {
  return matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols);
}

/** The rows at `indices`, copied into a new matrix. */
export function selectRows(matrix: Matrix, indices: ArrayLike<number>): Matrix {
  const out = createMatrix(indices.length, matrix.cols);
  for (let r = 0; r < indices.length; r++)
    out.data.set(rowView(matrix, indices[r]!), r * matrix.cols);
  return out;
}

/** Squared Euclidean distance between row `i` of `a` and row `j` of `b`. */
export function squaredDistance(a: Matrix, i: number, b: Matrix, j: number): number {
  const cols = a.cols;
  const ao = i * cols;
  const bo = j * cols;
  let sum = 0;
  for (let c = 0; c < cols; c++) {
    const diff = a.data[ao + c]! - b.data[bo + c]!;
    sum += diff * diff;
  }
  return sum;
}
