import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { csvDialectOptions, sniffStream } from './csv-dialect.ts';

/** Where a CSV input is wrong: the 1-based line (1 is the header) and the column, if known. */
export interface CsvProblem {
  readonly line: number | undefined;
  readonly column?: string;
  readonly message: string;
}

/**
 * CSV input that cannot be read as records: `malformed` (bad bytes, quoting, ragged rows, a
 * header whose names are empty or repeated) or `missing-columns` (a well-formed header that
 * lacks columns the caller needs).
 */
export class CsvInputError extends Error {
  override readonly name = 'CsvInputError';
  constructor(
    readonly reason: 'malformed' | 'missing-columns',
    message: string,
    readonly problems: readonly CsvProblem[],
  ) {
    super(message);
  }
}

export interface CsvRecord {
  /** 1-based line of the record (the header is line 1). */
  readonly line: number;
  readonly values: Readonly<Record<string, string>>;
}

const malformed = (message: string, line: number | undefined, column?: string) =>
  new CsvInputError('malformed', message, [
    { line, message, ...(column === undefined ? {} : { column }) },
  ]);

/**
 * The header's names, each checked: a record keyed by them must keep every column, so an
 * empty or repeated name (the later column would overwrite the earlier) is refused, and so is
 * `__proto__`, which as an object key sets the prototype instead of holding a value.
 */
function checkHeader(names: string[], requiredColumns: readonly string[]): string[] {
  names.forEach((name, index) => {
    if (name.trim() === '') {
      throw malformed(`column ${index + 1} of the header has no name`, 1);
    }
    if (name === '__proto__') {
      throw malformed('"__proto__" cannot name a column; rename it', 1, name);
    }
    const first = names.indexOf(name);
    if (first !== index) {
      throw malformed(
        `columns ${first + 1} and ${index + 1} are both named "${name}"; each column needs its own name`,
        1,
        name,
      );
    }
  });
  const missing = requiredColumns.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new CsvInputError(
      'missing-columns',
      `the CSV header lacks ${missing.join(', ')}; it has: ${names.join(', ')}`,
      missing.map((column) => ({ line: 1, column, message: 'missing column' })),
    );
  }
  return names;
}

/**
 * Decodes UTF-8 strictly: a byte sequence that is not UTF-8 (a file saved as Latin-1, say)
 * is refused with its line, instead of becoming U+FFFD in the stored text.
 */
async function* strictUtf8(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for await (const chunk of source) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const lenient = new TextDecoder('utf-8').decode(chunk);
      const before = lenient.slice(0, Math.max(0, lenient.indexOf('\ufffd')));
      throw malformed(
        'the file is not valid UTF-8 text; save it as UTF-8 (in a spreadsheet: "CSV UTF-8")',
        line + (before.match(/\n/g)?.length ?? 0),
      );
    }
    line += text.match(/\n/g)?.length ?? 0;
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  } catch {
    throw malformed('the file ends inside a UTF-8 character; it is cut short', line);
  }
}

/**
 * Streams header-keyed records from CSV bytes (separated by commas, semicolons, tabs or bars,
 * see `sniffDelimiter`), never holding the text whole. Throws a `CsvInputError` naming the
 * line (and column) of anything it cannot read, or the columns of `requiredColumns` the
 * header lacks.
 */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array>,
  requiredColumns: readonly string[] = [],
): AsyncGenerator<CsvRecord> {
  let parser: Readable | undefined;
  try {
    const { delimiter, stream } = await sniffStream(source);
    const text = Readable.from(strictUtf8(stream));
    parser = text.pipe(
      parse({
        ...csvDialectOptions(delimiter),
        columns: (header: string[]) => checkHeader(header, requiredColumns),
        bom: true,
        skip_empty_lines: true,
        info: true,
      }),
    );
    text.on('error', (error: Error) => parser?.destroy(error));
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield { line: info.lines, values: record };
    }
  } catch (error) {
    if (error instanceof CsvInputError) throw error;
    // csv-parse's errors (quoting, ragged rows) carry the line; a source's (gzip) do not.
    const { message, lines } = error as Error & { lines?: unknown };
    throw malformed(message, typeof lines === 'number' ? lines : undefined);
  } finally {
    parser?.destroy();
  }
}
