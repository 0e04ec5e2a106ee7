import type * as tf from '@tensorflow/tfjs';
import { EngineError } from '../errors.ts';
import { detectColumns, type ColumnSpec, type CustomerRow } from '../features/customer-table.ts';
import type { EventLog } from '../features/events.ts';
import {
  classificationScores,
  classificationReport,
  type ClassificationScores,
} from '../metrics/classification-report.ts';
import { createRng, sampleIndices } from '../random/prng.ts';
import { selectRows } from '../linalg/matrix.ts';
import {
  disposeEnsemble,
  fitChurnEnsemble,
  type CandidateSummary,
  type ChurnEnsemble,
  type EnsembleOptions,
} from './cross-fit.ts';
import {
  applyChurnDesign,
  fitChurnDesign,
  type ChurnDesign,
  type DesignOptions,
} from './design.ts';
import {
  designContributions,
  globalImportance,
  type ExplanationOptions,
  type FeatureImportance,
} from './explain.ts';
import { labelsFromColumn, type LabelSource } from './labels.ts';
import { DEFAULT_RISK_BANDS, validateRiskBands, type RiskBands } from './risk-bands.ts';
import type { ChurnSchema } from './schema.ts';
import { ensureTfBackend, type BackendInfo } from './tf-backend.ts';
import { featureTableRows, timeSplitChurnData, type TimeSplitOptions } from './time-split.ts';

/** Labelled customers ready for training or evaluation. */
export interface ChurnDataset {
  /** `[rows]` customer ids (row numbers from 1 when the table has no id column). */
  readonly ids: readonly string[];
  readonly rows: readonly CustomerRow[];
  /** `[rows]` 1 = churned */
  readonly labels: Uint8Array;
  readonly label: LabelSource;
  readonly schema: ChurnSchema;
  /** Columns left out automatically, with why. */
  readonly dropped: readonly { column: string; reason: string }[];
}

export interface ChurnTableOptions {
  /** Two-valued label column. */
  readonly label: string;
  /** The label value meaning churned; inferred from yes/true/1/churned/left when omitted. */
  readonly positive?: string;
  /** Customer id column: reported with scores, never a feature. Rows are numbered without it. */
  readonly idColumn?: string;
  /** Further columns not to use as features. */
  readonly exclude?: readonly string[];
}

/**
 * A churn data set from any customer table: numeric and categorical columns are detected
 * (see `detectColumns`); the id, label and excluded columns are not features. A categorical
 * column whose values are all distinct (an unnamed id, a free-text note) is dropped and
 * reported, since no level of it can recur at scoring time.
 *
 * @param rows - `[rows]` header-keyed records
 */
export function churnDatasetFromRows(
  rows: readonly CustomerRow[],
  options: ChurnTableOptions,
): ChurnDataset {
  if (rows.length === 0) throw new EngineError('empty_input', 'the customer table has no rows');
  const header = Object.keys(rows[0]!);
  for (const [name, role] of [
    [options.idColumn, 'id'],
    ...(options.exclude ?? []).map((column) => [column, 'excluded']),
  ] as const) {
    if (name !== undefined && !header.includes(name)) {
      throw new EngineError(
        'invalid_argument',
        `${role} column "${name}" is not in the table; it has: ${header.join(', ')}`,
        [role],
      );
    }
  }
  const { labels, source } = labelsFromColumn(rows, options.label, options.positive);
  const notFeatures = [
    options.label,
    ...(options.idColumn === undefined ? [] : [options.idColumn]),
    ...(options.exclude ?? []),
  ];
  const dropped: { column: string; reason: string }[] = [];
  const columns: ColumnSpec[] = [];
  for (const spec of detectColumns(rows, { exclude: notFeatures })) {
    if (spec.kind === 'categorical' && rows.length > 20) {
      const distinct = new Set(rows.map((row) => row[spec.name]));
      if (distinct.size === rows.length) {
        dropped.push({ column: spec.name, reason: 'every value is distinct (an id or free text)' });
        continue;
      }
    }
    columns.push(spec);
  }
  for (const name of header) {
    if (
      !notFeatures.includes(name) &&
      !columns.some((c) => c.name === name) &&
      !dropped.some((d) => d.column === name)
    ) {
      dropped.push({ column: name, reason: 'no values' });
    }
  }
  if (columns.length === 0)
    throw new EngineError(
      'empty_input',
      'no feature columns are left after removing the id, label and excluded columns',
      ['columns'],
    );
  const ids = rows.map((row, i) =>
    options.idColumn === undefined ? String(i + 1) : String(row[options.idColumn] ?? ''),
  );
  return {
    ids,
    rows,
    labels,
    label: source,
    schema: {
      columns,
      ...(options.idColumn === undefined ? {} : { idColumn: options.idColumn }),
      ignoredColumns: header.filter(
        (name) => name !== options.idColumn && !columns.some((c) => c.name === name),
      ),
    },
    dropped,
  };
}

/** A churn data set from an event log with the time-split label (see `timeSplitChurnData`). */
export function churnDatasetFromEvents(log: EventLog, options: TimeSplitOptions): ChurnDataset {
  const { table, labels, source } = timeSplitChurnData(log, options);
  const rows = [...featureTableRows(table, table.ids.length || 1)].flatMap((chunk) => chunk.rows);
  return {
    ids: table.ids,
    rows,
    labels,
    label: source,
    schema: { columns: table.names.map((name) => ({ name, kind: 'numeric' })), ignoredColumns: [] },
    dropped: [],
  };
}

/** Progress of a long training or evaluation, for a progress bar. */
export interface ChurnProgress {
  readonly stage: 'train' | 'evaluate';
  /** Networks trained so far, of `total`. */
  readonly done: number;
  readonly total: number;
}

export interface ChurnTrainingOptions extends Omit<EnsembleOptions, 'onMember'>, DesignOptions {
  /** @default 42 */
  readonly seed?: number;
  /** @default low < 0.3 ≤ medium < 0.6 ≤ high */
  readonly riskBands?: RiskBands;
  /** Rows sampled (seeded) to measure global importance. @default 2000 */
  readonly importanceRows?: number;
  readonly explanation?: ExplanationOptions;
  readonly onProgress?: (progress: ChurnProgress) => void;
}

export interface ChurnTrainingSummary {
  readonly backend: BackendInfo;
  readonly seconds: number;
  readonly rows: number;
  readonly positives: number;
  readonly seed: number;
  readonly kind: ChurnEnsemble['kind'];
  readonly candidates: readonly CandidateSummary[];
  /** Calibrated out-of-fold scores of the chosen kind on the training rows. */
  readonly outOfFold: ClassificationScores;
  readonly trainedAt: string;
}

/** A trained churn model: everything needed to score, explain and store it. */
export interface ChurnModel {
  readonly schema: ChurnSchema;
  readonly label: LabelSource;
  readonly design: ChurnDesign;
  readonly ensemble: ChurnEnsemble;
  readonly riskBands: RiskBands;
  readonly explanation: ExplanationOptions;
  /** Input columns by mean |contribution| on training rows, largest first. */
  readonly importance: readonly FeatureImportance[];
  readonly training: ChurnTrainingSummary;
  /** Cross-validated metrics, when the model was evaluated before training (any JSON). */
  readonly evaluation?: unknown;
}

/** Counts of networks a training run fits, for progress totals. */
export function networksPerFit(
  options: Pick<EnsembleOptions, 'model' | 'calibrationFolds' | 'final'>,
): number {
  const kinds = options.model === undefined || options.model === 'auto' ? 2 : 1;
  return kinds * (options.calibrationFolds ?? 3) + (options.final === 'refit' ? 1 : 0);
}

/** Yields to the event loop so timers (progress bars) run between networks. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Trains a churn model on a whole data set: preprocessing fitted on these rows, cross-fitted
 * logistic and MLP candidates (see `fitChurnEnsemble`), the better one kept with its
 * calibrator, and global importance measured. The backend is chosen on first use (see
 * `selectTfBackend`) and reported in `training.backend`.
 *
 * @param dataset - from `churnDatasetFromRows` or `churnDatasetFromEvents`
 * @example
 * const model = await trainChurnModel(churnDatasetFromRows(rows, { label: 'churn', idColumn: 'id' }));
 * const scores = scoreChurnRows(model, rows);
 */
export async function trainChurnModel(
  dataset: ChurnDataset,
  options: ChurnTrainingOptions = {},
): Promise<ChurnModel> {
  const backend = await ensureTfBackend();
  const started = performance.now();
  const seed = options.seed ?? 42;
  const riskBands = validateRiskBands(options.riskBands ?? DEFAULT_RISK_BANDS);
  const rng = createRng(seed);
  const design = fitChurnDesign(dataset.rows, dataset.schema.columns, options);
  const { matrix } = applyChurnDesign(design, dataset.rows);
  const fit = await fitChurnEnsemble(
    { x: matrix, y: dataset.labels },
    {
      ...options,
      onMember: async (done, total) => {
        options.onProgress?.({ stage: 'train', done, total });
        await yieldToEventLoop();
      },
    },
    rng.nextSeed(),
  );
  try {
    const sample = sampleIndices(
      matrix.rows,
      options.importanceRows ?? 2000,
      createRng(rng.nextSeed()),
    );
    const explanation = options.explanation ?? {};
    const contributions = designContributions(
      fit.ensemble,
      design,
      selectRows(matrix, sample),
      explanation,
    );
    const positives = dataset.labels.reduce((a, b) => a + b, 0);
    return {
      schema: dataset.schema,
      label: dataset.label,
      design,
      ensemble: fit.ensemble,
      riskBands,
      explanation,
      importance: globalImportance(
        contributions,
        dataset.schema.columns.map((c) => c.name),
      ),
      training: {
        backend,
        seconds: (performance.now() - started) / 1000,
        rows: dataset.rows.length,
        positives,
        seed,
        kind: fit.ensemble.kind,
        candidates: fit.candidates,
        outOfFold: classificationScores(classificationReport(fit.oofProbabilities, dataset.labels)),
        trainedAt: new Date().toISOString(),
      },
    };
  } catch (error) {
    disposeEnsemble(fit.ensemble);
    throw error;
  }
}

/** Frees the model's TF.js weights; the model cannot score afterwards. */
export function disposeChurnModel(model: ChurnModel): void {
  disposeEnsemble(model.ensemble);
}

/** The TF.js models of a churn model (for callers that store or inspect them). */
export function churnNetworks(model: ChurnModel): readonly tf.LayersModel[] {
  return model.ensemble.members;
}
