import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { csvDialectOptions, sniffStream } from './csv-dialect.ts';

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

export interface CsvRow {
  /** 1-based line number in the file (the header is line 1). */
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

/**
 * Streams the rows of a CSV file (plain or `.gz`; separated by commas, semicolons, tabs or
 * bars, see `sniffDelimiter`) as header-keyed records, without holding the file in memory.
 * Fails with an `InputFileError` naming the file and line on malformed CSV, and naming the
 * column when one of `requiredColumns` is absent from the header.
 */
export async function* readCsvRows(
  file: string,
  requiredColumns: readonly string[] = [],
): AsyncGenerator<CsvRow> {
  await access(file).catch(() => {
    throw new InputFileError(file, 'file not found or not readable');
  });
  const source = createReadStream(file);
  const input = file.endsWith('.gz') ? source.pipe(createGunzip()) : source;
  let checkedHeader = false;
  try {
    const { delimiter, stream } = await sniffStream(input);
    const body = Readable.from(stream);
    const parser = body.pipe(
      parse({
        ...csvDialectOptions(delimiter),
        columns: true,
        bom: true,
        skip_empty_lines: true,
        trim: false,
        info: true,
      }),
    );
    body.on('error', (error: Error) => parser.destroy(new InputFileError(file, error.message)));
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      if (!checkedHeader) {
        for (const column of requiredColumns) {
          if (!(column in record)) {
            throw new InputFileError(
              file,
              `missing column; the header has: ${Object.keys(record).join(', ')}`,
              1,
              column,
            );
          }
        }
        checkedHeader = true;
      }
      yield { line: info.lines, values: record };
    }
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const csvError = error as Error & { lines?: number };
    throw new InputFileError(file, csvError.message, csvError.lines);
  } finally {
    source.destroy();
  }
}
