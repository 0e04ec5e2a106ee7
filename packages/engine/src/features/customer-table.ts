import { EngineError, requireArgument } from '../errors.ts';
import { createMatrix, type Matrix } from '../linalg/matrix.ts';

/** A raw cell of a customer table as it arrives from CSV or JSON. */
export type CellValue = string | number | boolean | null | undefined;
export type CustomerRow = Readonly<Record<string, CellValue>>;

export interface ColumnSpec {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
}

/** Level used for a missing categorical value: missing is a category of its own, never dropped. */
export const MISSING_LEVEL = '(missing)';
/** Level used for categorical values rarer than the kept levels, or unseen at fit time. */
export const OTHER_LEVEL = '(other)';
const MISSING_SUFFIX = '__missing';

export interface NumericColumnEncoding {
  readonly name: string;
  readonly kind: 'numeric';
  /** Value used in place of a missing cell: the median of the fitted rows. */
  readonly fillValue: number;
  /** Whether a `<name>__missing` 0/1 column is emitted (the fitted rows had missing cells). */
  readonly missingIndicator: boolean;
}

export interface CategoricalColumnEncoding {
  readonly name: string;
  readonly kind: 'categorical';
  /** One output column per level, in this order; may include MISSING_LEVEL and OTHER_LEVEL. */
  readonly levels: readonly string[];
}

export type ColumnEncoding = NumericColumnEncoding | CategoricalColumnEncoding;

/**
 * A fitted, JSON-serialisable recipe that turns customer rows into a numeric matrix the same
 * way at training and at scoring time.
 */
export interface TableEncoder {
  readonly columns: readonly ColumnEncoding[];
  /** Names of the output matrix columns, e.g. `tenure`, `tenure__missing`, `contract=Two year`. */
  readonly outputNames: readonly string[];
}

/** How many cells were missing per input column, and which were filled by what. */
export interface MissingReport {
  readonly rows: number;
  readonly columns: readonly { name: string; missing: number; filledWith: number | string }[];
}

export interface EncodedTable {
  /** `[rows, outputNames.length]` */
  readonly matrix: Matrix;
  readonly missing: MissingReport;
}

export function isMissing(value: CellValue): value is null | undefined | '' {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/** Parses a numeric cell; `undefined` for missing, `NaN` for text that is not a number. */
function parseNumber(value: CellValue): number | undefined {
  if (isMissing(value)) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : Number.NaN;
}

/**
 * Detects each column's kind from its non-missing values: numeric when every one parses as a
 * finite number, categorical otherwise. Columns in `exclude` (ids, labels) are left out.
 *
 * @example
 * detectColumns([{ id: 'a', age: '31', plan: 'pro' }], { exclude: ['id'] });
 * // [{ name: 'age', kind: 'numeric' }, { name: 'plan', kind: 'categorical' }]
 */
export function detectColumns(
  rows: readonly CustomerRow[],
  options: { exclude?: readonly string[] } = {},
): ColumnSpec[] {
  const excluded = new Set(options.exclude ?? []);
  const names = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) names.add(name);
  const specs: ColumnSpec[] = [];
  for (const name of names) {
    if (excluded.has(name)) continue;
    let sawValue = false;
    let numeric = true;
    for (const row of rows) {
      const parsed = parseNumber(row[name]);
      if (parsed === undefined) continue;
      sawValue = true;
      if (Number.isNaN(parsed)) {
        numeric = false;
        break;
      }
    }
    if (sawValue) specs.push({ name, kind: numeric ? 'numeric' : 'categorical' });
  }
  return specs;
}

/**
 * Fits the encoder on `rows`. Numeric columns: missing cells are filled with the fitted median
 * and flagged in a `__missing` indicator column when the fitted rows had any. Categorical
 * columns: one-hot over the `maxLevels` most frequent levels (ties broken alphabetically),
 * rarer ones pooled into `(other)`, missing cells into `(missing)`.
 *
 * @param maxLevels - cap on one-hot columns per categorical column. @default 20
 * @param missingIndicators - emit the `__missing` columns. Classifiers learn from them; for
 *   clustering they are better left out, since a rare indicator would pull a cluster of its own
 *   around the few customers with gaps. @default true
 */
export function fitTableEncoder(
  rows: readonly CustomerRow[],
  columns: readonly ColumnSpec[],
  options: { maxLevels?: number; missingIndicators?: boolean } = {},
): TableEncoder {
  const maxLevels = options.maxLevels ?? 20;
  requireArgument(
    Number.isInteger(maxLevels) && maxLevels >= 1,
    'maxLevels',
    'must be an integer >= 1',
  );
  if (rows.length === 0) throw new EngineError('empty_input', 'cannot fit an encoder on zero rows');
  const encodings = columns.map((column): ColumnEncoding => {
    if (column.kind === 'numeric') {
      return fitNumeric(rows, column.name, options.missingIndicators ?? true);
    }
    return fitCategorical(rows, column.name, maxLevels);
  });
  return { columns: encodings, outputNames: encodings.flatMap(outputNamesOf) };
}

function fitNumeric(
  rows: readonly CustomerRow[],
  name: string,
  missingIndicators: boolean,
): NumericColumnEncoding {
  const values: number[] = [];
  let missing = 0;
  rows.forEach((row, index) => {
    const parsed = parseNumber(row[name]);
    if (parsed === undefined) missing++;
    else if (Number.isNaN(parsed)) {
      throw new EngineError(
        'invalid_argument',
        `row ${index}, column "${name}": "${String(row[name])}" is not a number`,
        [index, name],
      );
    } else values.push(parsed);
  });
  if (values.length === 0) {
    throw new EngineError('degenerate_data', `column "${name}" has no values to fit`, [name]);
  }
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  const fillValue = values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  return { name, kind: 'numeric', fillValue, missingIndicator: missingIndicators && missing > 0 };
}

function fitCategorical(
  rows: readonly CustomerRow[],
  name: string,
  maxLevels: number,
): CategoricalColumnEncoding {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const level = isMissing(row[name]) ? MISSING_LEVEL : String(row[name]);
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const ranked = [...counts.entries()]
    .filter(([level]) => level !== MISSING_LEVEL)
    .sort(([a, ca], [b, cb]) => cb - ca || (a < b ? -1 : a > b ? 1 : 0));
  const kept = ranked.slice(0, maxLevels).map(([level]) => level);
  // `(other)` is always emitted so levels first seen at scoring time have a column to land in.
  const levels = [...kept, OTHER_LEVEL];
  if (counts.has(MISSING_LEVEL)) levels.push(MISSING_LEVEL);
  return { name, kind: 'categorical', levels };
}

function outputNamesOf(encoding: ColumnEncoding): string[] {
  if (encoding.kind === 'numeric') {
    return encoding.missingIndicator
      ? [encoding.name, encoding.name + MISSING_SUFFIX]
      : [encoding.name];
  }
  return encoding.levels.map((level) => `${encoding.name}=${level}`);
}

/**
 * Encodes rows with a fitted encoder. Every input column of the encoder must be present as a
 * key in every row (its value may be missing); a row without the key is a schema mismatch,
 * reported with the missing column names.
 */
export function encodeTable(encoder: TableEncoder, rows: readonly CustomerRow[]): EncodedTable {
  const matrix = createMatrix(rows.length, encoder.outputNames.length);
  const missingCounts = new Array<number>(encoder.columns.length).fill(0);
  const cols = matrix.cols;
  rows.forEach((row, r) => {
    let offset = r * cols;
    encoder.columns.forEach((encoding, c) => {
      if (!(encoding.name in row)) {
        const absent = encoder.columns.filter((e) => !(e.name in row)).map((e) => e.name);
        throw new EngineError('schema_mismatch', `row ${r} lacks column(s): ${absent.join(', ')}`, [
          r,
          encoding.name,
        ]);
      }
      const cell = row[encoding.name];
      if (encoding.kind === 'numeric') {
        const parsed = parseNumber(cell);
        if (parsed !== undefined && Number.isNaN(parsed)) {
          throw new EngineError(
            'invalid_argument',
            `row ${r}, column "${encoding.name}": "${String(cell)}" is not a number`,
            [r, encoding.name],
          );
        }
        if (parsed === undefined) missingCounts[c]!++;
        matrix.data[offset++] = parsed ?? encoding.fillValue;
        if (encoding.missingIndicator) matrix.data[offset++] = parsed === undefined ? 1 : 0;
      } else {
        const missing = isMissing(cell);
        if (missing) missingCounts[c]!++;
        let level = missing ? MISSING_LEVEL : String(cell);
        if (!encoding.levels.includes(level)) level = OTHER_LEVEL;
        const hot = encoding.levels.indexOf(level);
        matrix.data[offset + hot] = 1;
        offset += encoding.levels.length;
      }
    });
  });
  return {
    matrix,
    missing: {
      rows: rows.length,
      columns: encoder.columns
        .map((encoding, c) => ({
          name: encoding.name,
          missing: missingCounts[c]!,
          filledWith: encoding.kind === 'numeric' ? encoding.fillValue : MISSING_LEVEL,
        }))
        .filter((column) => column.missing > 0),
    },
  };
}
