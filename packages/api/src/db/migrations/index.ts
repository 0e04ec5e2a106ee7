import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as createWorkspacesAndApiKeys from './20261123T0001-create-workspaces-and-api-keys.ts';
import * as createCustomersAndEvents from './20261123T0002-create-customers-and-events.ts';
import * as createJobs from './20261123T0003-create-jobs.ts';
import * as createTagsAndClusterRuns from './20261123T0004-create-tags-and-cluster-runs.ts';
import * as createChurnModels from './20261123T0005-create-churn-models.ts';
import * as createSuggestionsAndCustomerTags from './20261123T0006-create-suggestions-and-customer-tags.ts';
import * as createNotebooks from './20261123T0007-create-notebooks.ts';
import * as createTagVersions from './20261123T0008-create-tag-versions.ts';
import * as createAuditLog from './20261123T0009-create-audit-log.ts';
import * as createSegments from './20261123T0010-create-segments.ts';
import * as createWebhooks from './20261123T0011-create-webhooks.ts';
import * as createReportSnapshots from './20261123T0012-create-report-snapshots.ts';
import * as createCustomerReadFunctions from './20261123T0013-create-customer-read-functions.ts';
import * as dropCustomerReadFunctions from './20261123T0014-drop-customer-read-functions.ts';
import * as indexCustomerSuggestionsNewestFirst from './20261123T0015-index-customer-suggestions-newest-first.ts';
import * as indexPendingSuggestionsByTag from './20261124T0016-index-pending-suggestions-by-tag.ts';
import * as recordClusterRunLeftOut from './20261124T0017-record-cluster-run-left-out.ts';
import * as storeCustomerSuggestionViews from './20261125T0018-store-customer-suggestion-views.ts';

/**
 * Every migration, in order. Listed statically (no `fs` scan) so the set is reviewable
 * and bundles; a new migration is one import and one line here, named by timestamp + action.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '20261123T0001-create-workspaces-and-api-keys': createWorkspacesAndApiKeys,
  '20261123T0002-create-customers-and-events': createCustomersAndEvents,
  '20261123T0003-create-jobs': createJobs,
  '20261123T0004-create-tags-and-cluster-runs': createTagsAndClusterRuns,
  '20261123T0005-create-churn-models': createChurnModels,
  '20261123T0006-create-suggestions-and-customer-tags': createSuggestionsAndCustomerTags,
  '20261123T0007-create-notebooks': createNotebooks,
  '20261123T0008-create-tag-versions': createTagVersions,
  '20261123T0009-create-audit-log': createAuditLog,
  '20261123T0010-create-segments': createSegments,
  '20261123T0011-create-webhooks': createWebhooks,
  '20261123T0012-create-report-snapshots': createReportSnapshots,
  '20261123T0013-create-customer-read-functions': createCustomerReadFunctions,
  '20261123T0014-drop-customer-read-functions': dropCustomerReadFunctions,
  '20261123T0015-index-customer-suggestions-newest-first': indexCustomerSuggestionsNewestFirst,
  '20261124T0016-index-pending-suggestions-by-tag': indexPendingSuggestionsByTag,
  '20261124T0017-record-cluster-run-left-out': recordClusterRunLeftOut,
  '20261125T0018-store-customer-suggestion-views': storeCustomerSuggestionViews,
};

const provider: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

function migrator(db: Kysely<unknown>): Migrator {
  return new Migrator({ db, provider });
}

export interface MigrationOutcome {
  readonly applied: readonly string[];
}

/** Applies every pending migration (each in its own transaction); throws on the first failure. */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<MigrationOutcome> {
  const { error, results } = await migrator(db as unknown as Kysely<unknown>).migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `migration ${failed} failed: ${String((error as Error).message ?? error)}`,
    );
  }
  return { applied: (results ?? []).map((r) => r.migrationName) };
}

/** Reverts the most recent migration. */
export async function migrateDown<T>(db: Kysely<T>): Promise<MigrationOutcome> {
  const { error, results } = await migrator(db as unknown as Kysely<unknown>).migrateDown();
  if (error !== undefined) {
    throw new MigrationError(`migrating down failed: ${String((error as Error).message ?? error)}`);
  }
  return { applied: (results ?? []).map((r) => r.migrationName) };
}

export interface MigrationStatus {
  readonly name: string;
  readonly executedAt: Date | undefined;
}

/** Lists every known migration with when it ran (undefined = pending). */
export async function migrationStatus<T>(db: Kysely<T>): Promise<MigrationStatus[]> {
  const migrations = await migrator(db as unknown as Kysely<unknown>).getMigrations();
  return migrations.map((m) => ({ name: m.name, executedAt: m.executedAt }));
}

/** True when every known migration has run. */
export async function migrationsAreCurrent<T>(db: Kysely<T>): Promise<boolean> {
  return (await migrationStatus(db)).every((m) => m.executedAt !== undefined);
}
