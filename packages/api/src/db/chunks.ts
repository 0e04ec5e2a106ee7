/**
 * Splits rows into chunks for multi-row statements. PostgreSQL allows 65,535 bind
 * parameters per statement; `rowsPerChunk × columns` must stay below that.
 */
export function* chunks<T>(rows: readonly T[], rowsPerChunk: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    yield rows.slice(start, start + rowsPerChunk);
  }
}

/** Rows per multi-row INSERT: large enough to amortise round trips, well under the parameter cap. */
export const INSERT_CHUNK_ROWS = 1000;
