import { InvalidArgumentError, Option, type Command } from 'commander';
import { defaultChangeHooks } from '../audit/default-change-hooks.ts';
import { SCALING_METHODS, type ScalingMethod } from '@tagwise/engine';
import { systemContext } from '../audit/change-hooks.ts';
import { upsertCustomerCsv } from '../customers/customer.service.ts';
import { connectDatabase, type DatabaseHandle } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrations/index.ts';
import { ingestEventCsv } from '../events/event.service.ts';
import type { CsvRecord } from '../io/csv-records.ts';
import { readCsvRows } from '../io/csv-file.ts';
import { createJobRegistry } from '../jobs/job-handlers.ts';
import { runJobStep, type JobStep } from '../jobs/run-job-step.ts';
import { createWorker } from '../jobs/worker.ts';
import { createJsonLogger, type Logger } from '../logger.ts';
import { databaseTargetOf, loadConfig } from '../server.ts';
import { findWorkspaceBySlug } from '../workspaces/workspace.repository.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { parseDateOption } from './event-options.ts';
import { parseIntegerOption, parseKOption, parseListOption } from './cli-options.ts';
import { createProgress } from './progress.ts';

/** Rows per transaction when importing a file: each batch lands whole or not at all. */
const IMPORT_BATCH = 10_000;

async function withMigratedDatabase<T>(work: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const database = await connectDatabase(databaseTargetOf(loadConfig()));
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

async function existingWorkspace(db: Db, slug: string): Promise<WorkspaceRow> {
  const workspace = await findWorkspaceBySlug(db, slug);
  if (workspace === undefined) {
    throw new InvalidArgumentError(
      `workspace "${slug}" does not exist (tagwise db import creates it)`,
    );
  }
  return workspace;
}

async function* batchesOf(
  rows: AsyncIterable<CsvRecord>,
  size: number,
): AsyncGenerator<CsvRecord[]> {
  let batch: CsvRecord[] = [];
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function* each<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

/**
 * Runs job steps to completion in this process with a worker of its own, as `pnpm start` does,
 * showing each step's progress. (PGlite's data directory belongs to one process: stop the
 * server first, or use DATABASE_URL.)
 */
async function runSteps(workspaceSlug: string, steps: readonly JobStep[]): Promise<void> {
  await withMigratedDatabase(async ({ db }) => {
    const workspace = await existingWorkspace(db, workspaceSlug);
    const registry = createJobRegistry();
    // Each step reports its own outcome; only unexpected errors reach stderr as log lines.
    const { error } = createJsonLogger(process.stderr);
    const logger: Logger = { info: () => {}, warn: () => {}, error };
    const worker = createWorker({
      db,
      registry,
      logger,
      pollIntervalMs: 100,
      changeHooks: defaultChangeHooks(),
    });
    worker.start();
    try {
      for (const step of steps) {
        const progress = createProgress(step.label, 100);
        const job = await runJobStep(db, registry, workspace, step, (fraction, message) =>
          progress.update(Math.round(fraction * 100), 100, message ?? undefined),
        ).finally(() => progress.stop());
        process.stdout.write(`${step.label}: ${job.message ?? 'done'}\n`);
      }
    } finally {
      await worker.stop();
    }
  });
}

/**
 * `tagwise db import | cluster | train | score`: the service's pipeline from the command line,
 * against the same database as the server (TAGWISE_DATA_DIR or DATABASE_URL).
 */
export function registerDbPipelineCommands(db: Command): void {
  db.command('import')
    .description(
      'Import an event CSV (columns event_id, customer_id, occurred_at, kind, amount, quantity, invoice, product, category) or a customer CSV into a workspace, created if new; re-importing is a no-op',
    )
    .requiredOption('--workspace <slug>', 'workspace to import into')
    .option('--events <file>', 'event CSV (plain or .gz)')
    .option(
      '--customers <file>',
      'customer CSV (plain or .gz): one column is the id, the others attributes',
    )
    .option('--id <column>', 'customer id column of --customers', 'customer_id')
    .action(
      async (options: { workspace: string; events?: string; customers?: string; id: string }) => {
        if (Boolean(options.events) === Boolean(options.customers)) {
          throw new InvalidArgumentError('give exactly one of --events FILE or --customers FILE');
        }
        await withMigratedDatabase(async ({ db: database }) => {
          const ctx = systemContext(database);
          const workspace =
            (await findWorkspaceBySlug(database, options.workspace)) ??
            (await createWorkspace(ctx, { slug: options.workspace }));
          const file = (options.events ?? options.customers)!;
          const progress = createProgress(`importing ${file}`);
          let rows = 0;
          for await (const batch of batchesOf(readCsvRows(file), IMPORT_BATCH)) {
            if (options.events) await ingestEventCsv(ctx, workspace, each(batch));
            else await upsertCustomerCsv(ctx, workspace, each(batch), options.id);
            rows += batch.length;
            progress.update(rows, undefined, 'rows');
          }
          progress.stop();
          process.stdout.write(`imported ${rows} rows from ${file} into ${workspace.slug}\n`);
        });
      },
    );

  db.command('cluster')
    .description('Run k-means on stored features and numeric attributes (a cluster-run job)')
    .requiredOption('--workspace <slug>', 'workspace')
    .requiredOption(
      '--features <a,b,c>',
      'stored features and/or numeric attributes',
      parseListOption,
    )
    .option('--k <k|min-max>', 'a fixed k or a range to choose from', parseKOption, {
      min: 2,
      max: 8,
    })
    .addOption(
      new Option('--scaling <method>', 'feature scaling')
        .choices(SCALING_METHODS)
        .default('standard'),
    )
    .option('--seed <n>', 'random seed', parseIntegerOption, 0)
    .action(
      (options: {
        workspace: string;
        features: string[];
        k: unknown;
        scaling: ScalingMethod;
        seed: number;
      }) =>
        runSteps(options.workspace, [
          { label: 'refreshing features', kind: 'feature-refresh', params: { scope: 'stale' } },
          {
            label: 'clustering',
            kind: 'cluster-run',
            params: {
              featureNames: options.features,
              k: options.k,
              scaling: options.scaling,
              seed: options.seed,
            },
          },
        ]),
    );

  db.command('train')
    .description(
      'Train a churn model on a label column or a time split of the events (a churn-train job)',
    )
    .requiredOption('--workspace <slug>', 'workspace')
    .option('--label <column>', 'two-valued customer attribute holding the churn label')
    .option('--positive <value>', 'label value meaning churned')
    .option('--as-of <date>', 'time split: features from events before this date', parseDateOption)
    .option(
      '--horizon <days>',
      'time split: churned = no purchase within this many days',
      parseIntegerOption,
    )
    .option('--seed <n>', 'random seed', parseIntegerOption, 0)
    .action(
      (options: {
        workspace: string;
        label?: string;
        positive?: string;
        asOf?: number;
        horizon?: number;
        seed: number;
      }) => {
        const timeSplit = options.asOf !== undefined && options.horizon !== undefined;
        if (Boolean(options.label) === timeSplit) {
          throw new InvalidArgumentError(
            'give either --label COLUMN or both --as-of DATE and --horizon DAYS',
          );
        }
        const label = timeSplit
          ? {
              kind: 'time-split',
              asOf: new Date(options.asOf!).toISOString(),
              horizonDays: options.horizon,
            }
          : {
              kind: 'column',
              column: options.label,
              ...(options.positive ? { positive: options.positive } : {}),
            };
        return runSteps(options.workspace, [
          { label: 'training churn', kind: 'churn-train', params: { label, seed: options.seed } },
        ]);
      },
    );

  db.command('score')
    .description('Score churn with the active model, then generate tag suggestions')
    .requiredOption('--workspace <slug>', 'workspace')
    .option(
      '--as-of <date>',
      'cut-off for event-derived inputs of time-split models',
      parseDateOption,
    )
    .action((options: { workspace: string; asOf?: number }) =>
      runSteps(options.workspace, [
        {
          label: 'scoring churn',
          kind: 'churn-score',
          params: options.asOf === undefined ? {} : { asOf: new Date(options.asOf).toISOString() },
        },
        { label: 'suggesting tags', kind: 'suggest', params: {} },
      ]),
    );
}
