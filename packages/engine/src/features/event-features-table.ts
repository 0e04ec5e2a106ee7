import { EngineError } from '../errors.ts';
import { createMatrix, type Matrix } from '../linalg/matrix.ts';

/**
 * Named numeric features, one row per customer: `matrix.data[i * names.length + j]` is
 * feature `names[j]` of customer `ids[i]`. The shape every feature producer returns and every
 * consumer (scaling, clustering, rules) reads.
 */
export interface FeatureTable {
  /** `[rows]` customer ids, in row order */
  readonly ids: readonly string[];
  /** `[cols]` feature names, in column order */
  readonly names: readonly string[];
  /** `[rows, cols]` */
  readonly matrix: Matrix;
}

/** Column index of `name`; throws `invalid_argument` listing the table's features if absent. */
export function featureIndex(table: FeatureTable, name: string): number {
  const index = table.names.indexOf(name);
  if (index < 0) {
    throw new EngineError(
      'invalid_argument',
      `feature "${name}" is not in the table; it has: ${table.names.join(', ')}`,
      ['feature'],
    );
  }
  return index;
}

/** One feature as a new `[rows]` array. */
export function featureColumn(table: FeatureTable, name: string): Float64Array {
  const j = featureIndex(table, name);
  const { rows, cols, data } = table.matrix;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) out[i] = data[i * cols + j]!;
  return out;
}

/**
 * A new table with `columns` appended on the right (the input is not changed).
 *
 * @param columns - name → `[rows]` values
 */
export function appendFeatures(
  table: FeatureTable,
  columns: readonly { name: string; values: ArrayLike<number> }[],
): FeatureTable {
  const { rows, cols, data } = table.matrix;
  for (const column of columns) {
    if (table.names.includes(column.name)) {
      throw new EngineError(
        'invalid_argument',
        `feature "${column.name}" is already in the table`,
        ['feature'],
      );
    }
    if (column.values.length !== rows) {
      throw new EngineError(
        'shape_mismatch',
        `feature "${column.name}" has ${column.values.length} values, the table has ${rows} rows`,
      );
    }
  }
  const width = cols + columns.length;
  const matrix = createMatrix(rows, width);
  for (let i = 0; i < rows; i++) {
    matrix.data.set(data.subarray(i * cols, (i + 1) * cols), i * width);
    for (let k = 0; k < columns.length; k++)
      matrix.data[i * width + cols + k] = columns[k]!.values[i]!;
  }
  return { ids: table.ids, names: [...table.names, ...columns.map((c) => c.name)], matrix };
}
