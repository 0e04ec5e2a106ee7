import type { Command } from 'commander';
import { connectDatabase } from '../db/connect.ts';
import { migrateDown, migrateToLatest, migrationStatus } from '../db/migrations/index.ts';
import { databaseTargetOf, loadConfig } from '../server.ts';
import { registerDbPipelineCommands } from './db-pipeline-command.ts';

async function withDatabase<T>(
  work: (db: Awaited<ReturnType<typeof connectDatabase>>) => Promise<T>,
): Promise<T> {
  const database = await connectDatabase(databaseTargetOf(loadConfig()));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** `tagwise db migrate | status | down | import | cluster | train | score`. */
export function registerDbCommand(program: Command): void {
  const db = program
    .command('db')
    .description('The database: migrations, and the pipeline (import, cluster, train, score)');
  db.command('migrate')
    .description('Apply every pending migration (PGlite in TAGWISE_DATA_DIR, or DATABASE_URL)')
    .action(async () => {
      const { applied } = await withDatabase((d) => migrateToLatest(d.db));
      process.stdout.write(
        applied.length === 0 ? 'the schema is up to date\n' : `applied: ${applied.join(', ')}\n`,
      );
    });
  db.command('status')
    .description('List migrations and when each ran')
    .action(async () => {
      const status = await withDatabase((d) => migrationStatus(d.db));
      for (const m of status) {
        process.stdout.write(`${m.executedAt?.toISOString() ?? 'pending'.padEnd(24)}  ${m.name}\n`);
      }
    });
  db.command('down')
    .description('Revert the most recent migration')
    .action(async () => {
      const { applied } = await withDatabase((d) => migrateDown(d.db));
      process.stdout.write(
        applied.length === 0 ? 'nothing to revert\n' : `reverted: ${applied.join(', ')}\n`,
      );
    });
  registerDbPipelineCommands(db);
}
