import { EngineError } from '../errors.ts';
import { encodeTable, type CellValue, type CustomerRow } from '../features/customer-table.ts';
import type { Matrix } from '../linalg/matrix.ts';
import type { ChurnModel } from './churn-model.ts';
import { encodeColumnChunk, type ColumnChunk } from './column-encoding.ts';
import { ensembleProbabilities } from './cross-fit.ts';
import { designFromEncoded } from './design.ts';
import { designContributions, topContributions, type FeatureContribution } from './explain.ts';
import { riskBand } from './risk-bands.ts';
import { checkChurnSchema } from './schema.ts';

/** Scores of one block of customers. */
export interface ChurnScores {
  /** `[rows]` */
  readonly ids: readonly string[];
  /** `[rows]` calibrated churn probability */
  readonly probabilities: Float64Array;
  /** `[rows]` risk band label */
  readonly bands: readonly string[];
  /** `[rows][top]` largest contributions, when explanations were asked for */
  readonly factors?: readonly (readonly FeatureContribution[])[];
}

export interface ScoreOptions {
  /** Contributions per row; 0 skips explanations (faster). @default 3 */
  readonly top?: number;
  /**
   * Ids for the rows; by default the schema's id column when the input has it, else running
   * row numbers from `firstRow`.
   */
  readonly ids?: readonly string[];
  /** Number of the first row, for numbering rows without ids. @default 1 */
  readonly firstRow?: number;
}

/** A block of customers to score: header-keyed rows, or a column-major chunk (cheaper). */
export type ChurnInputChunk =
  readonly CustomerRow[] | (ColumnChunk & { readonly ids?: readonly string[] });

function isRowArray(chunk: ChurnInputChunk): chunk is readonly CustomerRow[] {
  return Array.isArray(chunk);
}

/**
 * Scores one block of customers: calibrated probability, risk band and the `top` signed
 * contributions per row. The block's columns must match the model's schema exactly (see
 * `checkChurnSchema`).
 */
export function scoreChurnChunk(
  model: ChurnModel,
  chunk: ChurnInputChunk,
  options: ScoreOptions = {},
): ChurnScores {
  const top = options.top ?? 3;
  let encoded: Matrix;
  let length: number;
  let value: (r: number, feature: string) => CellValue;
  let ids: readonly string[] | undefined = options.ids;
  const idColumn = model.schema.idColumn;
  if (isRowArray(chunk)) {
    const rows = chunk;
    length = rows.length;
    if (length > 0) checkChurnSchema(model.schema, Object.keys(rows[0]!));
    encoded = encodeTable(model.design.encoder, rows).matrix;
    value = (r, feature) => rows[r]![feature];
    ids ??=
      idColumn !== undefined && length > 0 && idColumn in rows[0]!
        ? rows.map((row) => String(row[idColumn] ?? ''))
        : undefined;
  } else {
    const block = chunk;
    checkChurnSchema(model.schema, Object.keys(block.columns));
    encoded = encodeColumnChunk(model.design.encoder, block);
    length = block.length;
    value = (r, feature) => block.columns[feature]![r];
    ids ??=
      block.ids ??
      (idColumn !== undefined && block.columns[idColumn] !== undefined
        ? Array.from({ length }, (_, r) => String(block.columns[idColumn]?.[r] ?? ''))
        : undefined);
  }
  const first = options.firstRow ?? 1;
  const rowIds = ids ?? Array.from({ length }, (_, r) => String(first + r));
  if (rowIds.length !== length) {
    throw new EngineError('shape_mismatch', `got ${rowIds.length} ids for ${length} rows`, ['ids']);
  }
  if (length === 0)
    return {
      ids: [],
      probabilities: new Float64Array(0),
      bands: [],
      ...(top > 0 ? { factors: [] } : {}),
    };
  const x = designFromEncoded(model.design, encoded);
  const probabilities = ensembleProbabilities(model.ensemble, x);
  const bands = Array.from(probabilities, (p) => riskBand(model.riskBands, p));
  if (top <= 0) return { ids: rowIds, probabilities, bands };
  const features = model.schema.columns.map((c) => c.name);
  const contributions = designContributions(model.ensemble, model.design, x, model.explanation);
  const factors = Array.from({ length }, (_, r) =>
    topContributions(contributions, r, features, (f) => value(r, f), top),
  );
  return { ids: rowIds, probabilities, bands, factors };
}

/** Scores header-keyed rows (one block). */
export function scoreChurnRows(
  model: ChurnModel,
  rows: readonly CustomerRow[],
  options: ScoreOptions = {},
): ChurnScores {
  return scoreChurnChunk(model, rows, options);
}

/**
 * Streams scores: one `ChurnScores` per input chunk, in order, so a million customers are
 * scored while only one chunk is in memory. Rows without ids are numbered continuously
 * across chunks.
 *
 * @example
 * for await (const scores of scoreChurnStream(model, chunksOf(readCsv(file), 5000))) write(scores);
 */
export async function* scoreChurnStream(
  model: ChurnModel,
  chunks: AsyncIterable<ChurnInputChunk> | Iterable<ChurnInputChunk>,
  options: Omit<ScoreOptions, 'ids' | 'firstRow'> = {},
): AsyncGenerator<ChurnScores> {
  let firstRow = 1;
  for await (const chunk of chunks) {
    const scores = scoreChurnChunk(model, chunk, { ...options, firstRow });
    firstRow += scores.ids.length;
    yield scores;
  }
}
