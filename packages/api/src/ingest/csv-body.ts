import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CsvError, parse } from 'csv-parse';
import { ProblemError } from '../http/problem.ts';
import { findUnstorableInput } from '../http/unstorable-input.ts';
import { csvDialectOptions, sniffStream } from '../io/csv-dialect.ts';
import { INGEST_LIMITS } from './limits.ts';

export interface CsvBodyRow {
  /** 1-based line of the row in the upload (the header is line 1). */
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Streams a `text/csv` request body through csv-parse as header-keyed rows (separated by
 * commas, semicolons, tabs or bars, see `sniffDelimiter`); the raw text is never held whole. Malformed CSV — also a cell the database cannot store, such as one with a
 * NUL character — is a 400 naming the line; more than `INGEST_LIMITS.csvRows` rows is a 413;
 * a header missing `requiredColumns` is a 422.
 */
export async function* readCsvBody(
  body: ReadableStream<Uint8Array> | null,
  requiredColumns: readonly string[],
): AsyncGenerator<CsvBodyRow> {
  if (body === null) throw new ProblemError('malformed-request', 'the CSV body is empty');
  const { delimiter, stream } = await sniffStream(
    Readable.fromWeb(body as WebReadableStream<Uint8Array>),
  );
  const parser = Readable.from(stream).pipe(
    parse({
      ...csvDialectOptions(delimiter),
      columns: true,
      bom: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  let rows = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (rows === 0) {
        const missing = requiredColumns.filter((column) => !(column in record));
        if (missing.length > 0) {
          throw new ProblemError(
            'batch-rejected',
            `the CSV header lacks ${missing.join(', ')}; it has: ${Object.keys(record).join(', ')}`,
            missing.map((column) => ({ path: `line.1.${column}`, message: 'missing column' })),
          );
        }
      }
      const unstorable = findUnstorableInput(record);
      if (unstorable !== undefined) {
        throw new ProblemError('malformed-request', `malformed CSV: ${unstorable.message}`, [
          { path: `line.${info.lines}.${unstorable.path}`, message: unstorable.message },
        ]);
      }
      rows += 1;
      if (rows > INGEST_LIMITS.csvRows) {
        throw new ProblemError(
          'payload-too-large',
          `a CSV upload may have at most ${INGEST_LIMITS.csvRows} rows; split the file into batches`,
        );
      }
      yield { line: info.lines, values: record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // Not every code csv-parse uses starts with CSV_ (INVALID_OPENING_QUOTE does not).
      const line = typeof error.lines === 'number' ? error.lines : '?';
      throw new ProblemError('malformed-request', `malformed CSV: ${error.message}`, [
        { path: `line.${line}`, message: error.message },
      ]);
    }
    throw error;
  } finally {
    parser.destroy();
  }
  if (rows === 0) throw new ProblemError('malformed-request', 'the CSV has no data rows');
}

/** A CSV cell as a number: empty → null; anything that is not a finite number → undefined. */
export function parseCsvNumber(cell: string | undefined): number | null | undefined {
  if (cell === undefined || cell.trim() === '') return null;
  const value = Number(cell.trim());
  return Number.isFinite(value) ? value : undefined;
}

/** A CSV cell as text: empty → null. */
export const csvText = (cell: string | undefined): string | null =>
  cell === undefined || cell === '' ? null : cell;
