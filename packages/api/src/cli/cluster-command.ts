import { writeFile } from 'node:fs/promises';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import {
  clusterCustomers,
  computeEventFeatures,
  createMatrix,
  detectColumns,
  featureColumn,
  encodeTable,
  fitTableEncoder,
  SCALING_METHODS,
  type ClusteringRun,
  type FeatureTable,
  type ScalingMethod,
} from '@tagwise/engine';
import { readCustomerFile } from '../io/customer-file.ts';
import { addEventOptions, loadEvents, type EventSourceOptions } from './event-options.ts';
import { parseIntegerOption, parseKOption, parseListOption } from './cli-options.ts';
import { createProgress } from './progress.ts';

interface ClusterOptions extends EventSourceOptions {
  customers?: string;
  id?: string;
  features?: string[];
  k: number | { min: number; max: number };
  scaling?: ScalingMethod;
  seed: number;
  nInit: number;
  out?: string;
  json?: boolean;
}

export function registerClusterCommand(program: Command): void {
  const command = program
    .command('cluster')
    .description(
      'Cluster customers with k-means, choose k and profile the clusters, from a customer CSV ' +
        '(--customers) or from behavioural features computed from an event CSV (--events)',
    )
    .option('--customers <file>', 'customer CSV (plain or .gz)')
    .option('--id <column>', 'customer id column (rows are numbered when absent)')
    .option(
      '--features <a,b,c>',
      'columns to cluster on (categorical ones are one-hot encoded); with --events, a subset of ' +
        'the behavioural features (default: all of them)',
      parseListOption,
    );
  addEventOptions(command, false)
    .option('--k <k|min-max>', 'a fixed k or a range to choose from', parseKOption, {
      min: 2,
      max: 10,
    })
    .addOption(
      new Option(
        '--scaling <method>',
        'feature scaling (default: standard for --customers, log1p for the heavy-tailed --events features)',
      ).choices(SCALING_METHODS),
    )
    .option('--seed <n>', 'random seed', parseIntegerOption, 0)
    .option('--n-init <n>', 'k-means restarts per k', parseIntegerOption, 4)
    .option('--out <file.csv>', 'write id, cluster, confidence per customer')
    .option('--json', 'print the full result as JSON')
    .action(async (options: ClusterOptions) => {
      const table = await loadFeatureTable(options);
      const progress = createProgress('clustering');
      const run = await clusterCustomers({
        ids: table.ids,
        featureNames: table.names,
        matrix: table.matrix,
        scaling: options.scaling ?? (options.events ? 'log1p' : 'standard'),
        k: options.k,
        seed: options.seed,
        nInit: options.nInit,
        onProgress: ({ step, done, total }) => progress.update(done, total, step),
      });
      progress.stop();
      if (options.out) await writeFile(options.out, assignmentsCsv(run));
      const summary = { input: table.input, ...describeRun(run) };
      process.stdout.write(
        options.json ? `${JSON.stringify(summary, null, 2)}\n` : readableSummary(run),
      );
    });
}

interface LoadedTable extends FeatureTable {
  /** What was read, for the report: file, customer count, and missing values filled. */
  readonly input: Record<string, unknown>;
}

/** The matrix to cluster: encoded customer columns, or behavioural features from events. */
async function loadFeatureTable(options: ClusterOptions): Promise<LoadedTable> {
  if (Boolean(options.customers) === Boolean(options.events)) {
    throw new InvalidArgumentError('give exactly one of --customers FILE or --events FILE');
  }
  if (options.customers) {
    if (!options.features) throw new InvalidArgumentError('--customers needs --features a,b,c');
    const { ids, rows } = await readCustomerFile(options.customers, {
      ...(options.id ? { idColumn: options.id } : {}),
      columns: options.features,
    });
    const encoder = fitTableEncoder(rows, detectColumns(rows), { missingIndicators: false });
    const { matrix, missing } = encodeTable(encoder, rows);
    return {
      ids,
      names: encoder.outputNames,
      matrix,
      input: { file: options.customers, customers: ids.length, missing },
    };
  }
  const { log, asOf } = await loadEvents('cluster', options);
  const features = computeEventFeatures(log, { asOf });
  const wanted = options.features ?? features.names;
  const unknown = wanted.filter((name) => !features.names.includes(name));
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `unknown behavioural feature(s) ${unknown.join(', ')}; available: ${features.names.join(', ')}`,
    );
  }
  const columns = wanted.map((name) => featureColumn(features, name));
  const matrix = createMatrix(features.ids.length, wanted.length);
  columns.forEach((column, c) =>
    column.forEach((value, r) => (matrix.data[r * wanted.length + c] = value)),
  );
  return {
    ids: features.ids,
    names: wanted,
    matrix,
    input: {
      file: options.events,
      customers: features.ids.length,
      asOf: new Date(asOf).toISOString(),
    },
  };
}

/** The run as JSON-friendly data: k-selection table, chosen k, fit figures and profiles. */
export function describeRun(run: ClusteringRun) {
  return {
    features: run.featureNames,
    scaling: run.scaler.methods,
    selection: run.selection ?? null,
    k: run.k,
    inertia: run.fit.inertia,
    iterations: run.fit.iterations,
    converged: run.fit.converged,
    clusters: run.profiles.clusters,
    population: run.profiles.population,
    projection: {
      explainedVariance: run.profiles.projection.explainedVariance,
      sampleSize: run.profiles.projection.sampleSize,
    },
  };
}

function assignmentsCsv(run: ClusteringRun): string {
  const rows = run.ids.map((id, i) => [id, run.fit.assignments[i]!, run.confidence[i]!.toFixed(6)]);
  return stringify(rows, { header: true, columns: ['id', 'cluster', 'confidence'] });
}

function readableSummary(run: ClusteringRun): string {
  const lines: string[] = [];
  if (run.selection) {
    lines.push('  k      inertia  silhouette  davies-bouldin  calinski-harabasz');
    for (const score of run.selection.scores) {
      lines.push(
        `${String(score.k).padStart(3)} ${score.inertia.toFixed(1).padStart(12)} ${score.silhouette.toFixed(3).padStart(11)} ${score.daviesBouldin.toFixed(3).padStart(15)} ${score.calinskiHarabasz.toFixed(1).padStart(18)}`,
      );
    }
    lines.push('', run.selection.reason, '');
  }
  for (const cluster of run.profiles.clusters) {
    const traits = cluster.distinguishing
      .map(
        (feature) =>
          `${feature.name} ${feature.zScore >= 0 ? '+' : ''}${feature.zScore.toFixed(2)}σ (mean ${formatNumber(feature.mean)})`,
      )
      .join(', ');
    lines.push(
      `cluster ${cluster.cluster}: ${cluster.size} customers (${(cluster.share * 100).toFixed(1)}%) — ${traits}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(2);
}
