import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { CsvInputError, readCsvRecords, type CsvRecord } from './csv-records.ts';

/** A problem in an input file, located precisely enough for a person to open it and fix it. */
export class InputFileError extends Error {
  override readonly name = 'InputFileError';
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: string,
  ) {
    super(
      `${file}${line === undefined ? '' : `:${line}`}${column === undefined ? '' : ` (column "${column}")`}: ${message}`,
    );
  }
}

/**
 * Streams the rows of a CSV file (plain or `.gz`; see `readCsvRecords`) as header-keyed
 * records, without holding the file in memory. Fails with an `InputFileError` naming the file
 * and line of anything it cannot read, and the column when one of `requiredColumns` is absent
 * from the header.
 */
export async function* readCsvRows(
  file: string,
  requiredColumns: readonly string[] = [],
): AsyncGenerator<CsvRecord> {
  await access(file).catch(() => {
    throw new InputFileError(file, 'file not found or not readable');
  });
  const source = createReadStream(file);
  const input = file.endsWith('.gz') ? source.pipe(createGunzip()) : source;
  try {
    yield* readCsvRecords(input, requiredColumns);
  } catch (error) {
    if (!(error instanceof CsvInputError)) throw error;
    const [first] = error.problems;
    const message = error.reason === 'missing-columns' ? error.message : first?.message;
    throw new InputFileError(file, message ?? error.message, first?.line, first?.column);
  } finally {
    source.destroy();
  }
}
