import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { stringify } from 'csv-stringify';
import {
  churnDatasetFromEvents,
  churnDatasetFromRows,
  churnEventFeatures,
  churnModelFromBytes,
  churnModelToBytes,
  crossValidateChurn,
  DEFAULT_RISK_BANDS,
  disposeChurnModel,
  featureTableColumnChunks,
  networksPerFit,
  scoreChurnStream,
  trainChurnModel,
  validateRiskBands,
  type ChurnDataset,
  type ChurnEvaluation,
  type ChurnInputChunk,
  type ChurnModel,
  type ChurnProgress,
  type ChurnScores,
  type ChurnTrainingOptions,
  type CustomerRow,
  type RiskBands,
} from '@tagwise/engine';
import { InputFileError, readCsvRows } from '../io/csv-file.ts';
import { parseIntegerOption, parseListOption } from './cli-options.ts';
import { addEventOptions, loadEvents, type EventSourceOptions } from './event-options.ts';
import { createProgress, type Progress } from './progress.ts';

/** Options shared by `churn evaluate` and `churn train`. */
interface DataOptions extends EventSourceOptions {
  customers?: string;
  id?: string;
  label?: string;
  positive?: string;
  exclude?: string[];
  horizon?: number;
  folds: number;
  seed: number;
  classifier: 'auto' | 'logistic' | 'mlp';
  calibration: 'platt' | 'isotonic';
  json?: boolean;
}

interface TrainOptions extends DataOptions {
  modelOut: string;
  riskBands?: number[];
  bandLabels?: string[];
}

interface ScoreOptions extends EventSourceOptions {
  model: string;
  customers?: string;
  out: string;
  top: number;
  chunk: number;
}

function parsePositiveInteger(value: string): number {
  const parsed = parseIntegerOption(value);
  if (parsed < 1) throw new InvalidArgumentError('expected an integer >= 1');
  return parsed;
}

function parseFolds(value: string): number {
  const parsed = parseIntegerOption(value);
  if (parsed === 1) throw new InvalidArgumentError('expected 0 (no evaluation) or at least 2');
  return parsed;
}

function parseHorizon(value: string): number {
  const days = Number(value);
  if (!Number.isFinite(days) || days <= 0) {
    throw new InvalidArgumentError('expected a positive number of days');
  }
  return days;
}

function parseThresholds(value: string): number[] {
  const thresholds = parseListOption(value).map(Number);
  if (thresholds.length === 0 || thresholds.some((t) => !(t > 0 && t < 1))) {
    throw new InvalidArgumentError('expected probabilities in (0, 1) like 0.3,0.6');
  }
  return thresholds;
}

const count = (n: number): string => n.toLocaleString('en-GB');
const fixed = (x: number, digits = 4): string => x.toFixed(digits);

/** Registers the data-source options: a labelled customer CSV, or events with a time split. */
function addDataOptions(command: Command): Command {
  command
    .option('--customers <file>', 'customer CSV (plain or .gz), one row per customer')
    .option('--id <column>', 'customer id column (never a feature; rows are numbered without it)')
    .option('--label <column>', 'two-valued churn label column of the customer CSV')
    .option(
      '--positive <value>',
      'label value meaning churned (inferred from yes/true/1/churned/left)',
    )
    .option('--exclude <a,b>', 'further columns not to use as features', parseListOption);
  addEventOptions(command, false)
    .option(
      '--horizon <days>',
      'time split: churned = no purchase within this many days after --as-of',
      parseHorizon,
    )
    .option('--folds <k>', 'stratified cross-validation folds', parseFolds, 5)
    .option('--seed <n>', 'seed for folds, initialisation and batches', parseIntegerOption, 42)
    .addOption(
      new Option('--classifier <kind>', 'model family; auto keeps the better of the two')
        .choices(['auto', 'logistic', 'mlp'])
        .default('auto'),
    )
    .addOption(
      new Option('--calibration <method>', 'probability calibration')
        .choices(['platt', 'isotonic'])
        .default('platt'),
    )
    .option('--json', 'print the result as JSON on stdout');
  return command;
}

/** Reads every row of a customer CSV into memory (training needs them all). */
async function readCustomerRows(file: string): Promise<CustomerRow[]> {
  const rows: CustomerRow[] = [];
  for await (const { values } of readCsvRows(file)) rows.push({ ...values });
  if (rows.length === 0) throw new InputFileError(file, 'the file has no customer rows');
  return rows;
}

/** Event column options must be complete before the file is read (a usage error, not a crash). */
function requireEventColumns(command: Command, options: EventSourceOptions): void {
  if (!options.customer || !options.time || !options.amount) {
    command.error('error: --events needs --customer, --time and --amount to name its columns');
  }
}

/** Builds the labelled data set the options describe. */
async function loadDataset(command: Command, options: DataOptions): Promise<ChurnDataset> {
  if (options.events !== undefined) {
    if (options.customers !== undefined || options.label !== undefined) {
      command.error(
        'error: give either --customers with --label, or --events with --as-of and --horizon',
      );
    }
    if (options.asOf === undefined || options.horizon === undefined) {
      command.error(
        'error: --events needs --as-of DATE and --horizon DAYS for the time-split label',
      );
    }
    requireEventColumns(command, options);
    const { log } = await loadEvents('churn', options);
    return churnDatasetFromEvents(log, { asOf: options.asOf!, horizonDays: options.horizon! });
  }
  if (options.customers === undefined || options.label === undefined) {
    command.error(
      'error: give --customers FILE with --label COLUMN, or --events FILE with --as-of and --horizon',
    );
  }
  const rows = await readCustomerRows(options.customers!);
  try {
    return churnDatasetFromRows(rows, {
      label: options.label!,
      ...(options.positive === undefined ? {} : { positive: options.positive }),
      ...(options.id === undefined ? {} : { idColumn: options.id }),
      ...(options.exclude === undefined ? {} : { exclude: options.exclude }),
    });
  } catch (error) {
    if (error instanceof Error && 'code' in error)
      throw new InputFileError(options.customers!, error.message);
    throw error;
  }
}

function trainingOptions(
  options: DataOptions,
  progress: Progress,
  riskBands?: RiskBands,
): ChurnTrainingOptions {
  return {
    seed: options.seed,
    model: options.classifier,
    calibration: options.calibration,
    ...(riskBands ? { riskBands } : {}),
    onProgress: (step: ChurnProgress) =>
      progress.update(
        step.done,
        step.total,
        step.stage === 'evaluate' ? 'networks (cross-validation)' : 'networks',
      ),
  };
}

/** The evaluation as the JSON the CLI prints and the model stores. */
function evaluationJson(
  dataset: ChurnDataset,
  evaluation: ChurnEvaluation,
): Record<string, unknown> {
  return {
    backend: evaluation.backend,
    trainingSeconds: evaluation.seconds,
    label: dataset.label,
    rows: evaluation.rows,
    positives: evaluation.positives,
    prevalence: evaluation.prevalence,
    features: dataset.schema.columns,
    droppedColumns: dataset.dropped,
    folds: evaluation.folds,
    seed: evaluation.seed,
    chosen: evaluation.chosen,
    metrics: evaluation.metrics,
    baseline: evaluation.baseline,
    pooled: evaluation.pooled,
    perFold: evaluation.perFold,
  };
}

function printEvaluation(dataset: ChurnDataset, evaluation: ChurnEvaluation): void {
  const m = evaluation.metrics;
  const b = evaluation.baseline.metrics;
  const line = (
    name: string,
    model: { mean: number; sd: number },
    base: { mean: number },
  ): string =>
    `  ${name.padEnd(16)} ${fixed(model.mean)} ± ${fixed(model.sd)}   (baseline ${fixed(base.mean)})`;
  const out = [
    `churn: ${count(evaluation.rows)} customers, ${count(evaluation.positives)} churned (${fixed(100 * evaluation.prevalence, 1)} %), ${dataset.schema.columns.length} feature columns`,
    `backend ${evaluation.backend.name}${evaluation.backend.simd ? ' (SIMD)' : ''}; ${evaluation.folds}-fold stratified CV, seed ${evaluation.seed}; ${fixed(evaluation.seconds, 1)} s`,
    `model chosen per fold: logistic ${evaluation.chosen.logistic}, mlp ${evaluation.chosen.mlp}`,
    line('ROC-AUC', m.rocAuc, b.rocAuc),
    line('PR-AUC', m.prAuc, b.prAuc),
    line('Brier', m.brier, b.brier),
    line('log loss', m.logLoss, b.logLoss),
    line('ECE (10 bins)', m.ece, b.ece),
    line('top-decile lift', m.topDecileLift, b.topDecileLift),
    `  pooled out-of-fold: ROC-AUC ${fixed(evaluation.pooled.rocAuc)}, ECE ${fixed(evaluation.pooled.ece)}`,
    'reliability (pooled): bin  mean predicted  observed  count',
    ...evaluation.pooled.reliability
      .filter((bin) => bin.count > 0)
      .map(
        (bin) =>
          `  ${fixed(bin.lower, 1)}-${fixed(bin.upper, 1)}  ${fixed(bin.meanPredicted, 3)}  ${fixed(bin.observedRate, 3)}  ${bin.count}`,
      ),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

async function runEvaluate(command: Command, options: DataOptions): Promise<void> {
  if (options.folds < 2) command.error('error: --folds must be at least 2 for evaluate');
  const dataset = await loadDataset(command, options);
  const progress = createProgress(
    'cross-validating',
    options.folds * networksPerFit({ model: options.classifier }),
  );
  let evaluation: ChurnEvaluation;
  try {
    evaluation = await crossValidateChurn(dataset, {
      ...trainingOptions(options, progress),
      folds: options.folds,
    });
  } finally {
    progress.stop();
  }
  if (options.json)
    process.stdout.write(`${JSON.stringify(evaluationJson(dataset, evaluation), null, 2)}\n`);
  else printEvaluation(dataset, evaluation);
}

async function runTrain(command: Command, options: TrainOptions): Promise<void> {
  let riskBands: RiskBands | undefined;
  if (options.riskBands || options.bandLabels) {
    const thresholds = options.riskBands ?? DEFAULT_RISK_BANDS.thresholds;
    const labels =
      options.bandLabels ??
      (thresholds.length === 2
        ? DEFAULT_RISK_BANDS.labels
        : thresholds.map((_, i) => `band-${i + 1}`).concat(`band-${thresholds.length + 1}`));
    riskBands = validateRiskBands({ thresholds, labels });
  }
  const dataset = await loadDataset(command, options);
  const perFit = networksPerFit({ model: options.classifier });
  const progress = createProgress('training', (options.folds + 1) * perFit);
  let evaluation: ChurnEvaluation | undefined;
  let model: ChurnModel;
  try {
    const base = trainingOptions(options, progress, riskBands);
    if (options.folds >= 2) {
      evaluation = await crossValidateChurn(dataset, { ...base, folds: options.folds });
    }
    const done = options.folds >= 2 ? options.folds * perFit : 0;
    model = await trainChurnModel(dataset, {
      ...base,
      onProgress: (step) =>
        progress.update(
          done + step.done,
          (options.folds >= 2 ? options.folds + 1 : 1) * perFit,
          'networks (final model)',
        ),
    });
  } finally {
    progress.stop();
  }
  const stored: ChurnModel = evaluation
    ? { ...model, evaluation: evaluationJson(dataset, evaluation) }
    : model;
  const bytes = await churnModelToBytes(stored);
  await writeFile(options.modelOut, bytes);
  const summary = {
    modelOut: options.modelOut,
    bytes: bytes.length,
    backend: model.training.backend,
    trainingSeconds: model.training.seconds,
    evaluationSeconds: evaluation?.seconds,
    kind: model.training.kind,
    candidates: model.training.candidates,
    label: model.label,
    rows: model.training.rows,
    positives: model.training.positives,
    riskBands: model.riskBands,
    importance: model.importance,
    outOfFold: model.training.outOfFold,
    ...(evaluation ? { metrics: evaluation.metrics, baseline: evaluation.baseline.metrics } : {}),
  };
  disposeChurnModel(model);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  if (evaluation) printEvaluation(dataset, evaluation);
  process.stdout.write(
    `trained ${summary.kind} (backend ${summary.backend.name}) on ${count(summary.rows)} customers in ${fixed(summary.trainingSeconds, 1)} s -> ${options.modelOut} (${count(bytes.length)} bytes)\n` +
      `most important: ${model.importance
        .slice(0, 5)
        .map((f) => `${f.feature} ${fixed(f.meanAbsContribution, 3)}`)
        .join(', ')}\n`,
  );
}

/** Customer CSV rows in chunks of `size`, never more than one chunk in memory. */
async function* csvChunks(file: string, size: number): AsyncGenerator<CustomerRow[]> {
  let chunk: CustomerRow[] = [];
  for await (const { values } of readCsvRows(file)) {
    chunk.push(values);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

async function runScore(command: Command, options: ScoreOptions): Promise<void> {
  const bytes = await readFile(options.model).catch(() => {
    throw new InputFileError(options.model, 'file not found or not readable');
  });
  let model: ChurnModel;
  try {
    model = await churnModelFromBytes(bytes);
  } catch (error) {
    throw new InputFileError(options.model, (error as Error).message);
  }
  let chunks: AsyncIterable<ChurnInputChunk> | Iterable<ChurnInputChunk>;
  let total: number | undefined;
  if (model.label.kind === 'time-split') {
    if (options.events === undefined) {
      command.error(
        'error: this model was trained on events; score it with --events (and --as-of, default: the day after the last event)',
      );
    }
    requireEventColumns(command, options);
    const { log, asOf } = await loadEvents('churn', options);
    const table = churnEventFeatures(log, { asOf });
    total = table.ids.length;
    chunks = featureTableColumnChunks(table, options.chunk);
  } else {
    if (options.customers === undefined) command.error('error: give --customers FILE to score');
    chunks = csvChunks(options.customers!, options.chunk);
  }

  const top = options.top;
  const output = createWriteStream(options.out);
  const header = ['customer_id', 'churn_probability', 'risk_band'];
  for (let k = 1; k <= top; k++)
    header.push(`factor_${k}`, `factor_${k}_value`, `factor_${k}_contribution`);
  const csv = stringify({ header: true, columns: header });
  csv.pipe(output);
  const progress = createProgress('scoring', total);
  let scored = 0;
  let high = 0;
  const topBand = model.riskBands.labels.at(-1);
  try {
    for await (const scores of scoreChurnStream(model, chunks, { top })) {
      for (const row of csvRows(scores, top)) {
        if (!csv.write(row)) await new Promise((resolve) => csv.once('drain', resolve));
      }
      scored += scores.ids.length;
      high += scores.bands.filter((band) => band === topBand).length;
      progress.update(scored, total, 'customers');
    }
  } catch (error) {
    if (
      options.customers !== undefined &&
      error instanceof Error &&
      'code' in error &&
      (error as { code: string }).code === 'schema_mismatch'
    ) {
      throw new InputFileError(options.customers, error.message);
    }
    throw error;
  } finally {
    progress.stop();
    csv.end();
    await finished(output);
    disposeChurnModel(model);
  }
  process.stderr.write(
    `tagwise churn: scored ${count(scored)} customers (${count(high)} in band "${topBand}") -> ${options.out}\n`,
  );
}

function* csvRows(scores: ChurnScores, top: number): Generator<string[]> {
  for (let i = 0; i < scores.ids.length; i++) {
    const row = [scores.ids[i]!, scores.probabilities[i]!.toFixed(6), scores.bands[i]!];
    const factors = scores.factors?.[i] ?? [];
    for (let k = 0; k < top; k++) {
      const factor = factors[k];
      row.push(
        factor?.feature ?? '',
        factor === undefined ? '' : String(factor.value ?? ''),
        factor === undefined ? '' : factor.contribution.toFixed(4),
      );
    }
    yield row;
  }
}

/**
 * `tagwise churn evaluate | train | score`: the churn classifier on any customer CSV with a
 * two-valued label column, or on events with a time-split label (no purchase within
 * --horizon days after --as-of).
 */
export function registerChurnCommand(program: Command): void {
  const churn = program.command('churn').description('Churn classifier: evaluate, train and score');

  const evaluate = churn
    .command('evaluate')
    .description(
      'Stratified k-fold cross-validation: ROC-AUC, PR-AUC, Brier, log loss, ECE, lift, reliability',
    );
  addDataOptions(evaluate).action((options: DataOptions) => runEvaluate(evaluate, options));

  const train = churn
    .command('train')
    .description('Cross-validate (unless --folds 0), train on all rows and save the model');
  addDataOptions(train)
    .requiredOption('--model-out <file>', 'where to write the model (JSON bytes)')
    .option(
      '--risk-bands <p1,p2>',
      `risk band thresholds (default ${DEFAULT_RISK_BANDS.thresholds.join(',')})`,
      parseThresholds,
    )
    .option(
      '--band-labels <a,b,c>',
      `risk band names (default ${DEFAULT_RISK_BANDS.labels.join(',')})`,
      parseListOption,
    )
    .action((options: TrainOptions) => runTrain(train, options));

  const score = churn
    .command('score')
    .description(
      'Score customers with a saved model, streaming: id, probability, risk band, top factors',
    );
  score
    .requiredOption('--model <file>', 'model written by churn train')
    .option('--customers <file>', 'customer CSV with the columns the model was trained on');
  addEventOptions(score, false)
    .requiredOption('--out <file.csv>', 'output CSV, one row per customer')
    .option('--top <n>', 'contributing factors per customer', parseIntegerOption, 3)
    .option('--chunk <rows>', 'customers scored per block', parsePositiveInteger, 5000)
    .action((options: ScoreOptions) => runScore(score, options));
}
