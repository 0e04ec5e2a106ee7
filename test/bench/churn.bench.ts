import { loadavg } from 'node:os';
import {
  churnDatasetFromRows,
  createRng,
  disposeChurnModel,
  scoreChurnStream,
  selectTfBackend,
  trainChurnModel,
  type ChurnInputChunk,
  type ChurnModel,
  type ColumnChunk,
  type CustomerRow,
  type TfBackendName,
} from '../../packages/engine/src/index.ts';
import { readCsvRows } from '../../packages/api/src/io/csv-file.ts';
import { median, type BenchSuite } from './suite.ts';

/**
 * Churn classifier speed: training on wa_churn (7,043 rows, product defaults: both model
 * families cross-fitted, the better kept) per TF.js backend, and batch-scoring throughput on
 * synthetic customers with wa_churn's columns, streamed in chunks of 10,000.
 *
 * `pnpm bench churn` trains 3 times per backend and scores 1,000,000 rows per mode; `--quick`
 * (or CHURN_BENCH_QUICK=1) trains once and scores 50,000 rows.
 */
const quick = process.argv.includes('--quick') || process.env.CHURN_BENCH_QUICK === '1';
const TRAIN_RUNS = quick ? 1 : 3;
const SCORE_ROWS = quick ? 50_000 : 1_000_000;
const CHUNK = 10_000;
const BACKENDS: readonly TfBackendName[] = ['wasm', 'cpu'];

const CATEGORIES: Record<string, readonly string[]> = {
  multiple_lines: ['No', 'Yes', 'No phone service'],
  internet_service: ['DSL', 'Fiber optic', 'No'],
  online_security: ['No', 'Yes', 'No internet service'],
  online_backup: ['No', 'Yes', 'No internet service'],
  device_protection: ['No', 'Yes', 'No internet service'],
  tech_support: ['No', 'Yes', 'No internet service'],
  streaming_tv: ['No', 'Yes', 'No internet service'],
  streaming_movies: ['No', 'Yes', 'No internet service'],
  contract: ['Month-to-month', 'One year', 'Two year'],
  payment_method: [
    'Electronic check',
    'Mailed check',
    'Bank transfer (automatic)',
    'Credit card (automatic)',
  ],
};
const FLAGS = [
  'female',
  'senior_citizen',
  'partner',
  'dependents',
  'phone_service',
  'paperless_billing',
];

/** One column-major chunk of synthetic customers shaped like wa_churn (no objects per row). */
function syntheticChunk(
  length: number,
  rng: ReturnType<typeof createRng>,
  start: number,
): ColumnChunk & { ids: string[] } {
  const columns: Record<string, ArrayLike<string | number>> = {};
  const tenure = Float64Array.from({ length }, () => rng.nextInt(73));
  const monthly = Float64Array.from({ length }, () => 18 + rng.nextFloat() * 100);
  columns.tenure = tenure;
  columns.monthly_charges = monthly;
  columns.total_charges = Float64Array.from(tenure, (t, i) =>
    t === 0 ? Number.NaN : t * monthly[i]!,
  );
  for (const flag of FLAGS) columns[flag] = Float64Array.from({ length }, () => rng.nextInt(2));
  for (const [name, levels] of Object.entries(CATEGORIES)) {
    columns[name] = Array.from({ length }, () => levels[rng.nextInt(levels.length)]!);
  }
  return { length, columns, ids: Array.from({ length }, (_, i) => `S${start + i}`) };
}

function* syntheticChunks(total: number, seed: number): Generator<ChurnInputChunk> {
  const rng = createRng(seed);
  for (let start = 0; start < total; start += CHUNK)
    yield syntheticChunk(Math.min(CHUNK, total - start), rng, start);
}

/** The same customers as header-keyed row objects, one chunk at a time. */
function* rowChunks(total: number, seed: number): Generator<ChurnInputChunk> {
  for (const chunk of syntheticChunks(total, seed)) {
    const block = chunk as ColumnChunk;
    const names = Object.keys(block.columns);
    const rows: CustomerRow[] = Array.from({ length: block.length }, (_, r) =>
      Object.fromEntries(
        names.map((name) => {
          const value = block.columns[name]![r]!;
          return [name, typeof value === 'number' && Number.isNaN(value) ? '' : value];
        }),
      ),
    );
    yield rows;
  }
}

async function scoreThroughput(
  model: ChurnModel,
  chunks: Iterable<ChurnInputChunk>,
  top: number,
): Promise<number> {
  const started = performance.now();
  let rows = 0;
  let sum = 0;
  for await (const scores of scoreChurnStream(model, chunks, { top })) {
    rows += scores.ids.length;
    for (const p of scores.probabilities) sum += p;
  }
  if (!(sum > 0)) throw new Error('scoring produced no probabilities');
  return rows / ((performance.now() - started) / 1000);
}

const suite: BenchSuite = {
  name: 'churn',
  description: `Churn classifier: training on wa_churn per TF.js backend (median of ${TRAIN_RUNS}), and streamed scoring throughput on ${SCORE_ROWS.toLocaleString('en-GB')} synthetic customers${quick ? ' (quick mode)' : ''}.`,
  async run() {
    const rows: CustomerRow[] = [];
    for await (const { values } of readCsvRows('datasets/wa_churn.csv')) rows.push({ ...values });
    const dataset = churnDatasetFromRows(rows, { label: 'churn', idColumn: 'customer_id' });

    const trainLines = [
      '| backend | training seconds (median) | runs | model chosen |',
      '| --- | --- | --- | --- |',
    ];
    let scoringModel: ChurnModel | undefined;
    for (const name of BACKENDS) {
      try {
        await selectTfBackend(name);
      } catch (error) {
        trainLines.push(`| ${name} | not available: ${(error as Error).message} | – | – |`);
        continue;
      }
      const seconds: number[] = [];
      let kind = '';
      for (let run = 0; run < TRAIN_RUNS; run++) {
        const started = performance.now();
        const model = await trainChurnModel(dataset, { seed: 42 });
        seconds.push((performance.now() - started) / 1000);
        kind = model.training.kind;
        if (name === 'wasm' && !scoringModel) scoringModel = model;
        else disposeChurnModel(model);
      }
      console.log(
        `train ${name}: ${median(seconds).toFixed(2)} s (${seconds.map((s) => s.toFixed(2)).join(', ')})`,
      );
      trainLines.push(`| ${name} | ${median(seconds).toFixed(2)} | ${TRAIN_RUNS} | ${kind} |`);
    }

    await selectTfBackend('wasm');
    const model = scoringModel ?? (await trainChurnModel(dataset, { seed: 42 }));
    const scoreLines = [`| input | explanations | rows/s (wasm) |`, '| --- | --- | --- |'];
    for (const [label, make, top] of [
      ['column-major chunks', syntheticChunks, 0],
      ['column-major chunks', syntheticChunks, 3],
      ['row-object chunks', rowChunks, 3],
    ] as const) {
      const rate = await scoreThroughput(model, make(SCORE_ROWS, 7), top);
      console.log(`score ${label}, top ${top}: ${Math.round(rate).toLocaleString('en-GB')} rows/s`);
      scoreLines.push(
        `| ${label} of ${CHUNK.toLocaleString('en-GB')}, ${model.training.kind} model | ${top === 0 ? 'none' : `top ${top} factors`} | ${Math.round(rate).toLocaleString('en-GB')} |`,
      );
    }
    disposeChurnModel(model);
    // The MLP explains by integrated gradients (16 steps per row): the costly case.
    const mlp = await trainChurnModel(dataset, { seed: 42, model: 'mlp' });
    for (const top of [0, 3]) {
      const rate = await scoreThroughput(mlp, syntheticChunks(SCORE_ROWS, 7), top);
      console.log(
        `score mlp column-major, top ${top}: ${Math.round(rate).toLocaleString('en-GB')} rows/s`,
      );
      scoreLines.push(
        `| column-major chunks of ${CHUNK.toLocaleString('en-GB')}, MLP model | ${top === 0 ? 'none' : `top ${top} factors (integrated gradients)`} | ${Math.round(rate).toLocaleString('en-GB')} |`,
      );
    }
    disposeChurnModel(mlp);
    return [
      trainLines.join('\n'),
      '',
      scoreLines.join('\n'),
      '',
      `Load average at the end: ${loadavg()[0]!.toFixed(1)} (the 2 cores are shared; figures vary with it).`,
    ].join('\n');
  },
};

export default suite;
