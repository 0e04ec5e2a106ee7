import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type {
  ChurnActivation,
  ChurnModelStatus,
  ChurnModelSummaryRow,
  NewChurnModelRow,
} from './churn-model.table.ts';

/** Every column but the artifact: lists, comparisons and views never need the weights. */
const SUMMARY_COLUMNS = [
  'id',
  'workspace_id',
  'version',
  'status',
  'label',
  'feature_schema',
  'metrics',
  'heldout_metric',
  'heldout_value',
  'importance',
  'risk_bands',
  'classifier',
  'backend',
  'training_seconds',
  'training_rows',
  'positives',
  'job_id',
  'created_by',
  'created_at',
  'activated_at',
  'activated_by',
  'activation',
  'retired_at',
] as const;

/**
 * Serialises writers of one workspace's churn models (version numbers, activation) until the
 * transaction ends. Readers are not blocked.
 */
export async function lockChurnModels(trx: Db, workspaceId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`churn-models:${workspaceId}`}))`.execute(trx);
}

/** The next version number of the workspace (call under `lockChurnModels`). */
export async function nextChurnModelVersion(db: Db, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom('churn_models')
    .select(sql<number>`coalesce(max(version), 0)::int + 1`.as('next'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return row.next;
}

export async function insertChurnModel(
  db: Db,
  row: NewChurnModelRow,
): Promise<ChurnModelSummaryRow> {
  return db
    .insertInto('churn_models')
    .values(row)
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function findChurnModel(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ChurnModelSummaryRow | undefined> {
  return db
    .selectFrom('churn_models')
    .select(SUMMARY_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The workspace's active model (the partial unique index allows at most one). */
export async function findActiveChurnModel(
  db: Db,
  workspaceId: string,
): Promise<ChurnModelSummaryRow | undefined> {
  return db
    .selectFrom('churn_models')
    .select(SUMMARY_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** What scoring with a model needs to know about it (no metrics, no weights). */
export type ChurnModelRef = Pick<
  ChurnModelSummaryRow,
  'id' | 'workspace_id' | 'version' | 'feature_schema' | 'risk_bands'
>;

/** The active model's identity and inputs: the cheap lookup every prediction request makes. */
export async function findActiveChurnModelRef(
  db: Db,
  workspaceId: string,
): Promise<ChurnModelRef | undefined> {
  return db
    .selectFrom('churn_models')
    .select(['id', 'workspace_id', 'version', 'feature_schema', 'risk_bands'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** The serialised model (`churnModelToBytes` output). */
export async function findChurnModelArtifact(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<Uint8Array | undefined> {
  const row = await db
    .selectFrom('churn_models')
    .select('artifact')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.artifact;
}

/** One page of models, newest version first (keyset on the version number). */
export async function listChurnModels(
  db: Db,
  workspaceId: string,
  options: {
    beforeVersion?: number | undefined;
    status?: ChurnModelStatus | undefined;
    limit: number;
  },
): Promise<ChurnModelSummaryRow[]> {
  let query = db
    .selectFrom('churn_models')
    .select(SUMMARY_COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .orderBy('version', 'desc')
    .limit(options.limit);
  if (options.beforeVersion !== undefined) {
    query = query.where('version', '<', options.beforeVersion);
  }
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  return query.execute();
}

/**
 * Makes `modelId` the workspace's active model: the active one (if another) is retired and
 * the target activated, in the caller's transaction (call under `lockChurnModels`), so
 * readers see either the old or the new model, never none or two.
 */
export async function activateChurnModel(
  trx: Db,
  workspaceId: string,
  modelId: string,
  activation: ChurnActivation,
  activatedBy: string | null,
): Promise<ChurnModelSummaryRow> {
  await trx
    .updateTable('churn_models')
    .set({ status: 'retired', retired_at: sql<Date>`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'active')
    .where('id', '<>', modelId)
    .execute();
  return trx
    .updateTable('churn_models')
    .set({
      status: 'active',
      activated_at: sql<Date>`now()`,
      activated_by: activatedBy,
      activation: JSON.stringify(activation),
      retired_at: null,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', modelId)
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow();
}
