import { InvalidArgumentError, type Command } from 'commander';
import { DAY_MS, type EventLog } from '@tagwise/engine';
import { InputFileError } from '../io/csv-file.ts';
import { parseEventTime, readEventFile } from '../io/event-file.ts';
import { withProgress } from './progress.ts';

/** The options `addEventOptions` registers, as commander hands them to the action. */
export interface EventSourceOptions {
  events?: string;
  customer?: string;
  time?: string;
  amount?: string;
  invoice?: string;
  quantity?: string;
  kind?: string;
  product?: string;
  cancelPrefix: string;
  keepDuplicates?: boolean;
  asOf?: number;
}

export interface LoadedEvents {
  readonly log: EventLog;
  /** The cut-off: `--as-of`, or midnight after the last event. */
  readonly asOf: number;
}

export function parseDateOption(value: string): number {
  const time = parseEventTime(value);
  if (Number.isNaN(time)) {
    throw new InvalidArgumentError('expected a date like 2011-12-10 or 2011-12-10T00:00:00');
  }
  return time;
}

/**
 * Registers the options that describe an event CSV (which columns hold what), shared by every
 * command that computes behavioural features from events.
 */
export function addEventOptions(command: Command, required: boolean): Command {
  const add = (flags: string, description: string) =>
    required ? command.requiredOption(flags, description) : command.option(flags, description);
  add('--events <file>', 'event CSV, one row per event or order line (plain or .gz)');
  add('--customer <column>', 'event customer id column (rows with an empty id are skipped)');
  add('--time <column>', 'event time column (ISO 8601; no offset = wall-clock time)');
  add('--amount <column>', 'money column (cancellations/returns may be negative)');
  return command
    .option('--invoice <column>', 'order/invoice column: frequency counts distinct invoices')
    .option('--quantity <column>', 'quantity column: a negative quantity marks a return')
    .option('--product <column>', 'product column: adds distinct_products to the features')
    .option(
      '--kind <column>',
      'explicit event kind column (purchase, return, cancellation, visit, ...)',
    )
    .option(
      '--cancel-prefix <prefix>',
      'invoices starting with this are cancellations ("" for none)',
      'C',
    )
    .option(
      '--keep-duplicates',
      'keep rows that exactly repeat an earlier row (dropped by default)',
    )
    .option(
      '--as-of <date>',
      'cut-off: only events before it count (default: the day after the last event)',
      parseDateOption,
    );
}

/**
 * Reads the event CSV named by the options into a columnar log, reporting on stderr what was
 * skipped, and settles the cut-off.
 */
export async function loadEvents(
  commandName: string,
  options: EventSourceOptions,
): Promise<LoadedEvents> {
  const { events, customer, time, amount } = options;
  if (!events || !customer || !time || !amount) {
    throw new InvalidArgumentError(
      '--events needs --customer, --time and --amount to name its columns',
    );
  }
  const read = await withProgress('reading events', undefined, (progress) =>
    readEventFile(events, {
      columns: {
        customer,
        time,
        amount,
        ...(options.invoice ? { invoice: options.invoice } : {}),
        ...(options.quantity ? { quantity: options.quantity } : {}),
        ...(options.kind ? { kind: options.kind } : {}),
        ...(options.product ? { product: options.product } : {}),
      },
      cancelPrefix: options.cancelPrefix,
      keepDuplicates: options.keepDuplicates ?? false,
      onRows: (rows) => progress.update(rows, undefined, 'rows'),
    }),
  );
  const count = (n: number): string => n.toLocaleString('en-GB');
  process.stderr.write(
    `tagwise ${commandName}: read ${count(read.rowsRead)} rows from ${events}; ` +
      `skipped ${count(read.skippedNoCustomer)} with an empty customer id; ` +
      `dropped ${count(read.duplicatesDropped)} exact duplicate rows\n`,
  );
  if (read.log.length === 0) {
    throw new InputFileError(events, `no rows with a customer id in column "${customer}"`);
  }
  const asOf = options.asOf ?? Math.floor(read.lastEventTime / DAY_MS) * DAY_MS + DAY_MS;
  return { log: read.log, asOf };
}
