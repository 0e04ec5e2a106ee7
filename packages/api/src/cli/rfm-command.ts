import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { InvalidArgumentError, type Command } from 'commander';
import { stringify } from 'csv-stringify';
import {
  computeEventFeatures,
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
import { addEventOptions, loadEvents, type EventSourceOptions } from './event-options.ts';
import { createProgress } from './progress.ts';

interface RfmOptions extends EventSourceOptions {
  newDays: number;
  activeDays: number;
  churnDays: number;
  returningGapDays: number;
  segmentRules?: string;
  lifecycleRules?: string;
  out: string;
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
  const command = program
    .command('rfm')
    .description('RFM scores, RFM segments and lifecycle stages per customer from an event CSV');
  addEventOptions(command, true)
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

      const { log, asOf } = await loadEvents('rfm', options);

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
