import type { Options } from 'csv-parse';

/** The field separators a customer or event file may use, in order of preference on a tie. */
const DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof DELIMITERS)[number];

/** How far into a file its header line is looked for. */
const HEADER_SEARCH_BYTES = 64 * 1024;

/**
 * The separator of a CSV file, read off its header line: the candidate that occurs there most
 * often outside quotes (a comma when none does). Spreadsheets in locales that write decimals
 * with a comma save "CSV" with semicolons, so a file from such a place is read as it was
 * meant, not as one column.
 *
 * @example
 * sniffDelimiter('Kunden-ID;Alter;Umsatz\r\n...'); // ';'
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const candidate of DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  }
  return best;
}

/** A number written with a decimal comma and nothing else: `-12,5`, `0,75`. */
const DECIMAL_COMMA_NUMBER = /^\s*[+-]?\d+,\d+\s*$/;

/**
 * The csv-parse options for a file with this separator. Semicolon files come from locales
 * that write `12,5` for 12.5, so there a cell that is exactly such a number is read with a
 * decimal point (a cell with any other text is left as it is).
 */
export function csvDialectOptions(delimiter: CsvDelimiter): Options {
  if (delimiter !== ';') return { delimiter };
  return {
    delimiter,
    cast: (value) => (DECIMAL_COMMA_NUMBER.test(value) ? value.replace(',', '.') : value),
  };
}

/**
 * Reads the start of a byte stream up to its first line break and returns the separator that
 * line uses, with the whole stream (nothing consumed) to parse.
 */
export async function sniffStream(
  source: AsyncIterable<Uint8Array>,
): Promise<{ delimiter: CsvDelimiter; stream: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let sourceDone = false;
  while (headBytes < HEADER_SEARCH_BYTES && !head.some((chunk) => chunk.includes(0x0a))) {
    const next = await iterator.next();
    if (next.done === true) {
      sourceDone = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const delimiter = sniffDelimiter(Buffer.concat(head).toString('utf8'));
  async function* whole(): AsyncGenerator<Uint8Array> {
    yield* head;
    if (sourceDone) return;
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) {
      yield next.value;
    }
  }
  return { delimiter, stream: whole() };
}
