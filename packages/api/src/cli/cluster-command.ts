import { writeFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import {
  clusterCustomers,
  detectColumns,
  encodeTable,
  fitTableEncoder,
  SCALING_METHODS,
  type ClusteringRun,
  type ScalingMethod,
} from '@tagwise/engine';
import { readCustomerFile } from '../io/customer-file.ts';
import { parseIntegerOption, parseKOption, parseListOption } from './cli-options.ts';
import { createProgress } from './progress.ts';

interface ClusterOptions {
  customers: string;
  id?: string;
  features: string[];
  k: number | { min: number; max: number };
  scaling: ScalingMethod;
  seed: number;
  nInit: number;
  out?: string;
  json?: boolean;
}

export function registerClusterCommand(program: Command): void {
  program
    .command('cluster')
    .description('cluster customers with k-means, choose k and profile the clusters')
    .requiredOption('--customers <file>', 'customer CSV (plain or .gz)')
    .option('--id <column>', 'customer id column (rows are numbered when absent)')
    .requiredOption(
      '--features <a,b,c>',
      'columns to cluster on (categorical ones are one-hot encoded)',
      parseListOption,
    )
    .option('--k <k|min-max>', 'a fixed k or a range to choose from', parseKOption, {
      min: 2,
      max: 10,
    })
    .addOption(
      new Option('--scaling <method>', 'feature scaling')
        .choices(SCALING_METHODS)
        .default('standard'),
    )
    .option('--seed <n>', 'random seed', parseIntegerOption, 0)
    .option('--n-init <n>', 'k-means restarts per k', parseIntegerOption, 4)
    .option('--out <file.csv>', 'write id, cluster, confidence per customer')
    .option('--json', 'print the full result as JSON')
    .action(async (options: ClusterOptions) => {
      const { ids, rows } = await readCustomerFile(options.customers, {
        ...(options.id ? { idColumn: options.id } : {}),
        columns: options.features,
      });
      const columns = detectColumns(rows);
      const encoder = fitTableEncoder(rows, columns, { missingIndicators: false });
      const { matrix, missing } = encodeTable(encoder, rows);
      const progress = createProgress('clustering');
      const run = await clusterCustomers({
        ids,
        featureNames: encoder.outputNames,
        matrix,
        scaling: options.scaling,
        k: options.k,
        seed: options.seed,
        nInit: options.nInit,
        onProgress: ({ step, done, total }) => progress.update(done, total, step),
      });
      progress.stop();
      if (options.out) await writeFile(options.out, assignmentsCsv(run));
      const summary = {
        input: { file: options.customers, customers: ids.length, missing },
        ...describeRun(run),
      };
      process.stdout.write(
        options.json ? `${JSON.stringify(summary, null, 2)}\n` : readableSummary(run),
      );
    });
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
