import { EngineError } from '../errors.ts';
import {
  isMissing,
  MISSING_LEVEL,
  OTHER_LEVEL,
  type CellValue,
  type TableEncoder,
} from '../features/customer-table.ts';
import { createMatrix, type Matrix } from '../linalg/matrix.ts';

/**
 * A block of customers stored column by column: `columns[name][i]` is row i's cell. The
 * shape a database cursor or a columnar file gives, and the cheapest to score: no object per
 * customer is ever made.
 */
export interface ColumnChunk {
  readonly length: number;
  readonly columns: Readonly<Record<string, ArrayLike<CellValue>>>;
}

function parseCell(cell: CellValue, column: string, row: number): number | undefined {
  if (isMissing(cell)) return undefined;
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) return undefined;
    return cell;
  }
  if (typeof cell === 'boolean') return cell ? 1 : 0;
  const parsed = Number(cell.trim());
  if (!Number.isFinite(parsed)) {
    throw new EngineError(
      'invalid_argument',
      `row ${row}, column "${column}": "${cell}" is not a number`,
      [row, column],
    );
  }
  return parsed;
}

/**
 * Encodes a column chunk exactly as `encodeTable` encodes the same rows (median fill and
 * missing indicator for numbers, one-hot with `(missing)` / `(other)` levels for
 * categories), reading each column once. One difference: a numeric `NaN` cell counts as
 * missing here (typed columns use it for "no value"), where `encodeTable` rejects it.
 *
 * @returns `[chunk.length, encoder.outputNames.length]`
 */
export function encodeColumnChunk(encoder: TableEncoder, chunk: ColumnChunk): Matrix {
  const matrix = createMatrix(chunk.length, encoder.outputNames.length);
  const { cols, data } = matrix;
  let offset = 0;
  for (const encoding of encoder.columns) {
    const cells = chunk.columns[encoding.name];
    if (cells === undefined) {
      throw new EngineError('schema_mismatch', `the chunk lacks column "${encoding.name}"`, [
        encoding.name,
      ]);
    }
    if (cells.length !== chunk.length) {
      throw new EngineError(
        'shape_mismatch',
        `column "${encoding.name}" has ${cells.length} cells, the chunk has ${chunk.length} rows`,
      );
    }
    if (encoding.kind === 'numeric') {
      for (let r = 0; r < chunk.length; r++) {
        const value = parseCell(cells[r], encoding.name, r);
        data[r * cols + offset] = value ?? encoding.fillValue;
        if (encoding.missingIndicator) data[r * cols + offset + 1] = value === undefined ? 1 : 0;
      }
      offset += encoding.missingIndicator ? 2 : 1;
    } else {
      const levelIndex = new Map(encoding.levels.map((level, i) => [level, i]));
      const other = levelIndex.get(OTHER_LEVEL)!;
      for (let r = 0; r < chunk.length; r++) {
        const cell = cells[r];
        const level = isMissing(cell) ? MISSING_LEVEL : String(cell);
        data[r * cols + offset + (levelIndex.get(level) ?? other)] = 1;
      }
      offset += encoding.levels.length;
    }
  }
  return matrix;
}
