import { EngineError } from '../errors.ts';
import {
  encodeTable,
  fitTableEncoder,
  type ColumnSpec,
  type CustomerRow,
  type MissingReport,
  type TableEncoder,
} from '../features/customer-table.ts';
import { applyScaler, fitScaler, type FittedScaler } from '../features/scaler.ts';
import { createMatrix, type Matrix } from '../linalg/matrix.ts';

/**
 * How one design column is made from one encoded column: as is, or through a signed log1p
 * (sign(x)·log(1 + |x|)).
 */
export interface DesignColumn {
  readonly name: string;
  /** Index into the encoder's `outputNames`. */
  readonly encoded: number;
  readonly transform: 'identity' | 'log1p';
  /**
   * When set, the column is the hinge max(0, transform(x) − knot): a piecewise-linear basis
   * function that lets a linear model change slope at the knot.
   */
  readonly knot?: number;
  /** Index into the encoder's `columns`: the input column this design column comes from. */
  readonly source: number;
}

/**
 * The fitted preprocessing of the churn model, JSON-serialisable: encoder (types, missing
 * values, one-hot) → generic numeric expansion → standard scaling.
 */
export interface ChurnDesign {
  readonly encoder: TableEncoder;
  readonly columns: readonly DesignColumn[];
  readonly scaler: FittedScaler;
}

export interface DesignOptions {
  /** One-hot cap per categorical column. @default 20 */
  readonly maxLevels?: number;
  /** Apply the log and hinge expansion below; `false` keeps every encoded column as is. @default true */
  readonly logExpansion?: boolean;
  /** Hinge knots per continuous column, at inner training quantiles (0 = none). @default 3 */
  readonly hingeKnots?: number;
}

/** Distinct values a numeric column needs before it is treated as continuous. */
const MIN_DISTINCT = 10;
/** Skewness above which a column is replaced by its log instead of joined by it. */
const HEAVY_TAIL_SKEW = 1;

function signedLog1p(x: number): number {
  return x < 0 ? -Math.log1p(-x) : Math.log1p(x);
}

/** Sample skewness and distinct-value count of column `c` of `matrix`. */
function columnShape(matrix: Matrix, c: number): { skew: number; distinct: number; min: number } {
  const { rows, cols, data } = matrix;
  let mean = 0;
  let min = Infinity;
  const seen = new Set<number>();
  for (let r = 0; r < rows; r++) {
    const v = data[r * cols + c]!;
    mean += v;
    if (v < min) min = v;
    if (seen.size <= MIN_DISTINCT) seen.add(v);
  }
  mean /= rows;
  let m2 = 0;
  let m3 = 0;
  for (let r = 0; r < rows; r++) {
    const d = data[r * cols + c]! - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= rows;
  m3 /= rows;
  return { skew: m2 > 0 ? m3 / m2 ** 1.5 : 0, distinct: seen.size, min };
}

/** Encoder output index → input column index, following the encoder's output order. */
function encodedSources(encoder: TableEncoder): number[] {
  const sources: number[] = [];
  encoder.columns.forEach((column, source) => {
    const width =
      column.kind === 'numeric' ? (column.missingIndicator ? 2 : 1) : column.levels.length;
    for (let k = 0; k < width; k++) sources.push(source);
  });
  if (sources.length !== encoder.outputNames.length) {
    throw new EngineError('invalid_model', 'encoder output names do not match its columns');
  }
  return sources;
}

/**
 * Fits the preprocessing on training rows only. The generic numeric expansion, applied to
 * every table the same way (nothing is tuned per data set): a continuous column (at least 10
 * distinct values) whose skewness exceeds 1 is replaced by its signed log1p (money, counts:
 * heavy tails would otherwise dominate a linear model); any other continuous non-negative
 * column keeps its value and gains a log1p companion, so a linear model can bend (e.g. churn
 * hazard falling fast over the first months of tenure). Every continuous column also gains
 * `hingeKnots` hinges max(0, v − k) of its main value v (the log when it replaced the
 * column), with knots k at the inner quantiles 1/(n+1), …, n/(n+1) of the training rows: a
 * piecewise-linear basis, so a linear model can learn thresholds and plateaus (churn that
 * stops falling after the first year) that neither the value nor its log can draw. Then every
 * design column is standardised with the training mean and sd, so the training mean maps to 0.
 *
 * @param rows - training rows
 * @param columns - input columns to use (id, label and excluded columns left out)
 */
export function fitChurnDesign(
  rows: readonly CustomerRow[],
  columns: readonly ColumnSpec[],
  options: DesignOptions = {},
): ChurnDesign {
  if (columns.length === 0) {
    throw new EngineError('empty_input', 'no feature columns are left to train on', ['columns']);
  }
  const encoder = fitTableEncoder(rows, columns, { maxLevels: options.maxLevels ?? 20 });
  const { matrix } = encodeTable(encoder, rows);
  const sources = encodedSources(encoder);
  const design: DesignColumn[] = [];
  encoder.outputNames.forEach((name, encoded) => {
    const source = sources[encoded]!;
    const column = encoder.columns[source]!;
    const isValue = column.kind === 'numeric' && name === column.name;
    if (!isValue || options.logExpansion === false) {
      design.push({ name, encoded, transform: 'identity', source });
      return;
    }
    const shape = columnShape(matrix, encoded);
    if (shape.distinct < MIN_DISTINCT) {
      design.push({ name, encoded, transform: 'identity', source });
      return;
    }
    const heavy = Math.abs(shape.skew) > HEAVY_TAIL_SKEW;
    if (heavy) {
      design.push({ name: `log1p(${name})`, encoded, transform: 'log1p', source });
    } else {
      design.push({ name, encoded, transform: 'identity', source });
      if (shape.min >= 0)
        design.push({ name: `log1p(${name})`, encoded, transform: 'log1p', source });
    }
    const transform = heavy ? 'log1p' : 'identity';
    const inner = heavy ? `log1p(${name})` : name;
    for (const knot of hingeKnots(matrix, encoded, transform, options.hingeKnots ?? 3)) {
      const label = Number(knot.toPrecision(4));
      design.push({ name: `max(0, ${inner} − ${label})`, encoded, transform, knot, source });
    }
  });
  const expanded = expand(design, matrix);
  return { encoder, columns: design, scaler: fitScaler(expanded, 'standard') };
}

/**
 * Distinct knots at the inner quantiles i / (count + 1) of column `c` after `transform`,
 * strictly inside (min, max) so no hinge is constant or a copy of the column.
 */
function hingeKnots(
  matrix: Matrix,
  c: number,
  transform: DesignColumn['transform'],
  count: number,
): number[] {
  const values = new Float64Array(matrix.rows);
  for (let r = 0; r < matrix.rows; r++) {
    const v = matrix.data[r * matrix.cols + c]!;
    values[r] = transform === 'log1p' ? signedLog1p(v) : v;
  }
  values.sort();
  const min = values[0]!;
  const max = values[values.length - 1]!;
  const knots: number[] = [];
  for (let i = 1; i <= count; i++) {
    const knot = values[Math.floor(((values.length - 1) * i) / (count + 1))]!;
    if (knot > min && knot < max && knots[knots.length - 1] !== knot) knots.push(knot);
  }
  return knots;
}

function expand(columns: readonly DesignColumn[], encoded: Matrix): Matrix {
  const out = createMatrix(encoded.rows, columns.length);
  const width = columns.length;
  for (let r = 0; r < encoded.rows; r++) {
    const from = r * encoded.cols;
    for (let j = 0; j < width; j++) {
      const column = columns[j]!;
      const v = encoded.data[from + column.encoded]!;
      const t = column.transform === 'log1p' ? signedLog1p(v) : v;
      out.data[r * width + j] = column.knot === undefined ? t : Math.max(0, t - column.knot);
    }
  }
  return out;
}

/**
 * Expansion and scaling of an already encoded matrix `[rows, encoder outputs]` →
 * `[rows, design.columns.length]`.
 */
export function designFromEncoded(design: ChurnDesign, encoded: Matrix): Matrix {
  return applyScaler(design.scaler, expand(design.columns, encoded));
}

/**
 * Applies fitted preprocessing: `[rows]` customer rows → scaled design matrix
 * `[rows, design.columns.length]` plus the missing-value report.
 */
export function applyChurnDesign(
  design: ChurnDesign,
  rows: readonly CustomerRow[],
): { matrix: Matrix; missing: MissingReport } {
  const { matrix, missing } = encodeTable(design.encoder, rows);
  return { matrix: designFromEncoded(design, matrix), missing };
}

/** Names of the input columns the design reads, in order. */
export function designInputColumns(design: ChurnDesign): string[] {
  return design.encoder.columns.map((column) => column.name);
}
