import { EventLogBuilder, retailEventKind, type EventInput, type EventLog } from '@tagwise/engine';
import { InputFileError, readCsvRows } from './csv-file.ts';

/** Which CSV columns hold which event fields. */
export interface EventColumns {
  readonly customer: string;
  readonly time: string;
  readonly amount: string;
  /** Order / invoice number; distinct values make the order count. */
  readonly invoice?: string;
  readonly quantity?: string;
  /** Explicit event kind (`purchase`, `return`, `visit`, ...); overrides the invoice rule. */
  readonly kind?: string;
  readonly product?: string;
  readonly category?: string;
}

export interface EventFileOptions {
  readonly columns: EventColumns;
  /** Invoices starting with this are cancellations (when there is no kind column). @default 'C' */
  readonly cancelPrefix?: string;
  /** Keep rows that repeat an earlier row exactly. @default false */
  readonly keepDuplicates?: boolean;
  /** Called every 10,000 rows with the number of rows read. */
  readonly onRows?: (rowsRead: number) => void;
}

export interface EventFileResult {
  readonly log: EventLog;
  /** Data rows in the file. */
  readonly rowsRead: number;
  /** Rows skipped because the customer id was empty. */
  readonly skippedNoCustomer: number;
  /** Rows dropped because they repeated an earlier row in every column. */
  readonly duplicatesDropped: number;
  /** Latest event time kept, in ms (-Infinity when no row was kept). */
  readonly lastEventTime: number;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const TIME_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Reads an ISO-8601 date or date-time (`2011-12-09`, `2011-12-09T12:50`, `2011-12-09 12:50:00`,
 * with optional fraction and `Z` / `±hh:mm`). A time without an offset is a wall-clock time and
 * is read as if it were UTC, so results never depend on the machine's time zone.
 *
 * @returns ms since the epoch, or NaN when the text is not such a time (including impossible
 *   dates such as 2011-02-30)
 */
export function parseEventTime(text: string): number {
  const match = TIME_PATTERN.exec(text.trim());
  if (!match) return Number.NaN;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1) return Number.NaN;
  if (day > DAYS_IN_MONTH[month - 1]! || (month === 2 && day === 29 && !leap)) return Number.NaN;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return Number.NaN;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  let offsetMinutes = 0;
  if (zone && zone !== 'Z') {
    const digits = zone.replace(':', '');
    offsetMinutes =
      (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return (
    Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), ms) - offsetMinutes * 60_000
  );
}

/**
 * Exact-duplicate detection for rows, without keeping the rows: an open-addressing table from
 * a 64-bit fingerprint of the whole row to the first event with that fingerprint. A hit is
 * confirmed against that event's customer, time, amount, kind, quantity and order, so a
 * fingerprint collision between different rows would also need those to match.
 */
class RowFingerprints {
  private high = new Int32Array(1 << 16);
  private low = new Int32Array(1 << 16);
  private events = new Int32Array(1 << 16).fill(-1);
  private size = 0;

  /** The event index stored under the fingerprint, or -1; inserts `event` when absent. */
  findOrInsert(high: number, low: number, event: number): number {
    if ((this.size + 1) * 2 > this.events.length) this.grow();
    const mask = this.events.length - 1;
    for (let slot = (low ^ Math.imul(high, 0x9e3779b1)) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.events[slot]!;
      if (stored < 0) {
        this.high[slot] = high;
        this.low[slot] = low;
        this.events[slot] = event;
        this.size++;
        return -1;
      }
      if (this.high[slot] === high && this.low[slot] === low) return stored;
    }
  }

  private grow(): void {
    const { high, low, events } = this;
    this.high = new Int32Array(events.length * 2);
    this.low = new Int32Array(events.length * 2);
    this.events = new Int32Array(events.length * 2).fill(-1);
    this.size = 0;
    for (let slot = 0; slot < events.length; slot++) {
      if (events[slot]! >= 0) this.findOrInsert(high[slot]!, low[slot]!, events[slot]!);
    }
  }
}

/** Two independent 32-bit hashes (FNV-1a and a murmur-style mix) of a row's cells. */
function fingerprint(values: readonly string[]): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x2545f491;
  for (const value of values) {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    // a separator, so ["ab", "c"] and ["a", "bc"] differ
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a | 0, b | 0];
}

function parseNumber(file: string, text: string, line: number, column: string): number {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) {
    throw new InputFileError(file, `"${text}" is not a number`, line, column);
  }
  return value;
}

/**
 * Streams an event CSV (plain or `.gz`) into a columnar `EventLog`, one row at a time, never
 * holding the file or per-row objects in memory.
 *
 * - Rows with an empty customer id are skipped and counted.
 * - Rows that repeat an earlier row in every column are dropped and counted unless
 *   `keepDuplicates`: in the bundled online retail data such rows are double-recorded lines
 *   (same invoice, product, quantity and minute), and counting them would inflate spend.
 * - The kind is the `kind` column when given, else `retailEventKind(invoice, quantity)`:
 *   invoice starting with `cancelPrefix` = cancellation, negative quantity = return.
 * - A bad time or number is an `InputFileError` naming the file, line and column.
 *
 * @example
 * const { log } = await readEventFile('datasets/online_retail.csv.gz', {
 *   columns: { customer: 'customer_id', time: 'occurred_at', amount: 'amount', invoice: 'invoice' },
 * });
 */
export async function readEventFile(
  file: string,
  options: EventFileOptions,
): Promise<EventFileResult> {
  const { columns, cancelPrefix = 'C', keepDuplicates = false, onRows } = options;
  const required = Object.values(columns).filter((c): c is string => typeof c === 'string');
  const builder = new EventLogBuilder(1 << 16);
  const seen = keepDuplicates ? undefined : new RowFingerprints();
  let rowsRead = 0;
  let skippedNoCustomer = 0;
  let duplicatesDropped = 0;
  let lastEventTime = -Infinity;

  for await (const { line, values } of readCsvRows(file, required)) {
    rowsRead++;
    if (onRows && rowsRead % 10_000 === 0) onRows(rowsRead);
    const customerId = values[columns.customer]!.trim();
    if (customerId === '') {
      skippedNoCustomer++;
      continue;
    }
    const timeText = values[columns.time]!;
    const time = parseEventTime(timeText);
    if (Number.isNaN(time)) {
      throw new InputFileError(
        file,
        `"${timeText}" is not a date-time (expected ISO 8601, e.g. 2011-12-09T12:50:00)`,
        line,
        columns.time,
      );
    }
    const amount = parseNumber(file, values[columns.amount]!, line, columns.amount);
    const quantity =
      columns.quantity === undefined
        ? undefined
        : parseNumber(file, values[columns.quantity]!, line, columns.quantity);
    const invoice = columns.invoice === undefined ? undefined : values[columns.invoice]!.trim();
    const kindText = columns.kind === undefined ? '' : values[columns.kind]!.trim().toLowerCase();
    const event: EventInput = {
      customerId,
      time,
      amount,
      kind: kindText || retailEventKind(invoice, quantity, cancelPrefix),
      ...(quantity === undefined ? {} : { quantity }),
      ...(invoice === undefined ? {} : { order: invoice }),
      ...(columns.product === undefined ? {} : { product: values[columns.product]!.trim() }),
      ...(columns.category === undefined ? {} : { category: values[columns.category]!.trim() }),
    };
    if (seen) {
      const [high, low] = fingerprint(Object.values(values));
      const earlier = seen.findOrInsert(high, low, builder.length);
      if (earlier >= 0 && builder.sameEvent(earlier, event)) {
        duplicatesDropped++;
        continue;
      }
    }
    builder.add(event);
    if (time > lastEventTime) lastEventTime = time;
  }
  onRows?.(rowsRead);
  return { log: builder.build(), rowsRead, skippedNoCustomer, duplicatesDropped, lastEventTime };
}
