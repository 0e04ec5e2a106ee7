import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { stringify } from 'csv-stringify';
import {
  computeEventFeatures,
  DAY_MS,
  DEFAULT_LIFECYCLE_THRESHOLDS,
  evaluateRules,
  featureColumn,
  firstMatchingTag,
  lifecycleRules,
  RFM_SEGMENT_RULES,
  validateRuleTable,
  withRfmScores,
  type RuleTable,
} from '@tagwise/engine';
import { InputFileError } from '../io/csv-file.ts';
import { parseEventTime, readEventFile } from '../io/event-file.ts';
import { createProgress, withProgress } from './progress.ts';

interface RfmOptions {
  events: string;
  customer: string;
  time: string;
  amount: string;
  invoice?: string;
  quantity?: string;
  kind?: string;
  cancelPrefix: string;
  asOf?: number;
  keepDuplicates?: boolean;
  newDays: number;
  activeDays: number;
  churnDays: number;
  returningGapDays: number;
  segmentRules?: string;
  lifecycleRules?: string;
  out: string;
}

function parseAsOf(value: string): number {
  const time = parseEventTime(value);
  if (Number.isNaN(time))
    throw new InvalidArgumentError('expected a date like 2011-12-10 or 2011-12-10T00:00:00');
  return time;
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0)
    throw new InvalidArgumentError('expected a positive number of days');
  return days;
}

/** Reads and validates a JSON rule table; problems name the file (and the rule path). */
async function readRuleFile(file: string): Promise<RuleTable> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InputFileError(file, 'file not found or not readable');
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputFileError(file, `not valid JSON: ${(error as Error).message}`);
  }
  try {
    return validateRuleTable(json);
  } catch (error) {
    throw new InputFileError(file, (error as Error).message);
  }
}

/** Days and money with at most 4 decimals: exact for the data, free of float noise. */
function formatNumber(value: number): string {
  const rounded = Math.round(value * 1e4) / 1e4;
  return String(rounded === 0 ? 0 : rounded);
}

const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * `tagwise rfm`: RFM scores, the eight RFM segments and lifecycle stages per customer from an
 * event CSV. Segments and stages come from rule tables (the defaults, or JSON files given with
 * --segment-rules / --lifecycle-rules), evaluated by the engine's rule evaluator.
 */
export function registerRfmCommand(program: Command): void {
  program
    .command('rfm')
    .description('RFM scores, RFM segments and lifecycle stages per customer from an event CSV')
    .requiredOption('--events <file>', 'event CSV, one row per event or order line (plain or .gz)')
    .requiredOption('--customer <column>', 'customer id column (rows with an empty id are skipped)')
    .requiredOption('--time <column>', 'event time column (ISO 8601; no offset = wall-clock time)')
    .requiredOption('--amount <column>', 'money column (cancellations/returns may be negative)')
    .option('--invoice <column>', 'order/invoice column: frequency counts distinct invoices')
    .option('--quantity <column>', 'quantity column: a negative quantity marks a return')
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
      '--as-of <date>',
      'cut-off: only events before it count (default: the day after the last event)',
      parseAsOf,
    )
    .option(
      '--keep-duplicates',
      'keep rows that exactly repeat an earlier row (dropped by default)',
    )
    .option(
      '--new-days <days>',
      'lifecycle: first purchase within this many days = new',
      parseDays,
      DEFAULT_LIFECYCLE_THRESHOLDS.newDays,
    )
    .option(
      '--active-days <days>',
      'lifecycle: last purchase within this many days = active',
      parseDays,
      DEFAULT_LIFECYCLE_THRESHOLDS.activeDays,
    )
    .option(
      '--churn-days <days>',
      'lifecycle: no purchase for this many days = churned',
      parseDays,
      DEFAULT_LIFECYCLE_THRESHOLDS.churnDays,
    )
    .option(
      '--returning-gap-days <days>',
      'lifecycle: silence before the active window that makes a customer returning',
      parseDays,
      DEFAULT_LIFECYCLE_THRESHOLDS.returningGapDays,
    )
    .option('--segment-rules <file.json>', 'RFM segment rule table to use instead of the default')
    .option('--lifecycle-rules <file.json>', 'lifecycle rule table to use instead of the default')
    .requiredOption('--out <file.csv>', 'output CSV: one row per customer')
    .action(async (options: RfmOptions) => {
      const segmentRules = options.segmentRules
        ? await readRuleFile(options.segmentRules)
        : RFM_SEGMENT_RULES;
      const stageRules = options.lifecycleRules
        ? await readRuleFile(options.lifecycleRules)
        : lifecycleRules({
            newDays: options.newDays,
            activeDays: options.activeDays,
            churnDays: options.churnDays,
            returningGapDays: options.returningGapDays,
          });

      const read = await withProgress('reading events', undefined, (progress) =>
        readEventFile(options.events, {
          columns: {
            customer: options.customer,
            time: options.time,
            amount: options.amount,
            ...(options.invoice ? { invoice: options.invoice } : {}),
            ...(options.quantity ? { quantity: options.quantity } : {}),
            ...(options.kind ? { kind: options.kind } : {}),
          },
          cancelPrefix: options.cancelPrefix,
          keepDuplicates: options.keepDuplicates ?? false,
          onRows: (rows) => progress.update(rows, undefined, 'rows'),
        }),
      );
      const { log } = read;
      process.stderr.write(
        `tagwise rfm: read ${count(read.rowsRead)} rows from ${options.events}; ` +
          `skipped ${count(read.skippedNoCustomer)} with an empty customer id; ` +
          `dropped ${count(read.duplicatesDropped)} exact duplicate rows\n`,
      );
      if (log.length === 0) {
        throw new InputFileError(
          options.events,
          `no rows with a customer id in column "${options.customer}"`,
        );
      }
      const asOf = options.asOf ?? Math.floor(read.lastEventTime / DAY_MS) * DAY_MS + DAY_MS;

      const progress = createProgress('computing features');
      const features = computeEventFeatures(log, {
        asOf,
        onProgress: (done, total) => progress.update(done, total, 'customers'),
      });
      progress.stop();
      const scored = withRfmScores(features);
      const segments = firstMatchingTag(evaluateRules(segmentRules, { features: scored }));
      const stages = firstMatchingTag(
        evaluateRules(stageRules, { features: scored, events: log, asOf }),
      );

      const columns = [
        'recency_days',
        'frequency',
        'monetary',
        'r_score',
        'f_score',
        'm_score',
      ].map((name) => featureColumn(scored, name));
      const output = createWriteStream(options.out);
      const csv = stringify({
        header: true,
        columns: [
          'customer_id',
          'recency_days',
          'frequency',
          'monetary',
          'r',
          'f',
          'm',
          'segment',
          'lifecycle',
        ],
      });
      csv.pipe(output);
      for (let i = 0; i < scored.ids.length; i++) {
        const row = [
          scored.ids[i]!,
          ...columns.map((column) => formatNumber(column[i]!)),
          segments[i] ?? '',
          stages[i] ?? '',
        ];
        // respect back-pressure so a million rows do not pile up in memory
        if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
      }
      csv.end();
      await finished(output);
      process.stderr.write(
        `tagwise rfm: ${count(scored.ids.length)} customers as of ${new Date(asOf).toISOString().slice(0, 19)} -> ${options.out}\n`,
      );
    });
}
