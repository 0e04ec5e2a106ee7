import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ProblemError, type ProblemFieldError } from '../http/problem.ts';
import { findUnstorableInput } from '../http/unstorable-input.ts';
import {
  CsvInputError,
  readCsvRecords,
  type CsvProblem,
  type CsvRecord,
} from '../io/csv-records.ts';
import { INGEST_LIMITS } from './limits.ts';

const fieldError = ({ line, column, message }: CsvProblem): ProblemFieldError => ({
  path: `line.${line ?? '?'}${column === undefined ? '' : `.${column}`}`,
  message,
});

/** A CSV input error as the problem the client sees: 422 for missing columns, else 400. */
function problemFor(error: CsvInputError): ProblemError {
  const errors = error.problems.map(fieldError);
  return error.reason === 'missing-columns'
    ? new ProblemError('batch-rejected', error.message, errors)
    : new ProblemError('malformed-request', `malformed CSV: ${error.message}`, errors);
}

/** Media types a CSV body may be declared as (undeclared is taken as CSV too). */
const CSV_MEDIA_TYPES = [
  'text/csv',
  'application/csv',
  'text/tab-separated-values',
  'text/plain',
  'application/octet-stream',
];

/** Refuses a body declared as something other than CSV, or as text in another charset. */
function checkMediaType(contentType: string | null): void {
  if (contentType === null) return;
  const [type = '', ...parameters] = contentType
    .toLowerCase()
    .split(';')
    .map((part) => part.trim());
  if (!CSV_MEDIA_TYPES.includes(type)) {
    throw new ProblemError(
      'unsupported-media-type',
      `this route takes CSV; the body is declared as ${type}: send it as text/csv`,
    );
  }
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice(8);
  if (charset !== undefined && !['utf-8', 'utf8', '"utf-8"', 'us-ascii'].includes(charset)) {
    throw new ProblemError(
      'unsupported-media-type',
      `CSV is read as UTF-8; the body is declared as ${charset}: convert it to UTF-8`,
    );
  }
}

/**
 * Streams a `text/csv` request body as header-keyed rows (see `readCsvRecords`); the raw
 * text is never held whole. Malformed CSV — bytes that are not UTF-8, a header with an empty
 * or repeated name, a cell the database cannot store such as one with a NUL character — is a
 * 400 naming the line; more than `INGEST_LIMITS.csvRows` rows is a 413; a header missing
 * `requiredColumns` is a 422; a body declared as another media type or charset is a 415.
 */
export async function* readCsvBody(
  request: Request,
  requiredColumns: readonly string[],
): AsyncGenerator<CsvRecord> {
  checkMediaType(request.headers.get('content-type'));
  if (request.body === null) throw new ProblemError('malformed-request', 'the CSV body is empty');
  const source = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  let rows = 0;
  try {
    for await (const row of readCsvRecords(source, requiredColumns)) {
      const unstorable = findUnstorableInput(row.values);
      if (unstorable !== undefined) {
        throw new ProblemError('malformed-request', `malformed CSV: ${unstorable.message}`, [
          { path: `line.${row.line}.${unstorable.path}`, message: unstorable.message },
        ]);
      }
      rows += 1;
      if (rows > INGEST_LIMITS.csvRows) {
        throw new ProblemError(
          'payload-too-large',
          `a CSV upload may have at most ${INGEST_LIMITS.csvRows} rows; split the file into batches`,
        );
      }
      yield row;
    }
  } catch (error) {
    throw error instanceof CsvInputError ? problemFor(error) : error;
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
