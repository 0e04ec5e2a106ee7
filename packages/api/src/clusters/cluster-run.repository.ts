import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { CustomerAttributes, CustomerFeatures } from '../customers/customer.table.ts';
import type { ClusterRunRow, ClusterTagRow, NewClusterRunRow } from './cluster-run.table.ts';

/** Assignment rows per INSERT (4 parameters each: well under PostgreSQL's 65,535). */
const ASSIGNMENT_CHUNK_ROWS = 5000;

export async function insertClusterRun(db: Db, row: NewClusterRunRow): Promise<ClusterRunRow> {
  return db.insertInto('cluster_runs').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * Stores a run's assignments in multi-row INSERTs of `ASSIGNMENT_CHUNK_ROWS`.
 *
 * @param customerIds - `[n]` internal customer ids, in the run's row order
 * @param clusters - `[n]` assigned cluster per row
 * @param confidence - `[n]` membership probability of the assigned cluster
 */
export async function insertClusterAssignments(
  db: Db,
  runId: string,
  customerIds: ArrayLike<number>,
  clusters: ArrayLike<number>,
  confidence: ArrayLike<number>,
): Promise<void> {
  for (let start = 0; start < customerIds.length; start += ASSIGNMENT_CHUNK_ROWS) {
    const end = Math.min(customerIds.length, start + ASSIGNMENT_CHUNK_ROWS);
    const values = [];
    for (let i = start; i < end; i++) {
      // Rounding keeps a probability of 1 − 1e-17 from reading as slightly above 1 later.
      const p = Math.min(1, Math.max(0, confidence[i]!));
      values.push({
        run_id: runId,
        customer_id: customerIds[i]!,
        cluster: clusters[i]!,
        confidence: p,
      });
    }
    await db.insertInto('cluster_assignments').values(values).execute();
  }
}

export async function findClusterRun(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<ClusterRunRow | undefined> {
  return db
    .selectFrom('cluster_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The active run on a feature set (what a new run on the same features continues). */
export async function findActiveClusterRun(
  db: Db,
  workspaceId: string,
  featureSet: string,
): Promise<ClusterRunRow | undefined> {
  return db
    .selectFrom('cluster_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('feature_set', '=', featureSet)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Every active run of a workspace (one per feature set), newest first. */
export async function findActiveClusterRuns(db: Db, workspaceId: string): Promise<ClusterRunRow[]> {
  return db
    .selectFrom('cluster_runs')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'active')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function supersedeClusterRun(db: Db, id: string): Promise<void> {
  await db.updateTable('cluster_runs').set({ status: 'superseded' }).where('id', '=', id).execute();
}

/** A run summary row: everything but the large JSON columns. */
export type ClusterRunSummaryRow = Pick<
  ClusterRunRow,
  | 'id'
  | 'job_id'
  | 'status'
  | 'feature_names'
  | 'scaling'
  | 'k_requested'
  | 'seed'
  | 'customer_count'
  | 'features_as_of'
  | 'k'
  | 'inertia'
  | 'converged'
  | 'previous_run_id'
  | 'created_at'
>;

/** One page of runs, newest first (keyset on `(created_at, id)`, positioned by the last run's id). */
export async function listClusterRuns(
  db: Db,
  workspaceId: string,
  options: { afterId?: string | undefined; limit: number },
): Promise<ClusterRunSummaryRow[]> {
  let query = db
    .selectFrom('cluster_runs')
    .select([
      'id',
      'job_id',
      'status',
      'feature_names',
      'scaling',
      'k_requested',
      'seed',
      'customer_count',
      'features_as_of',
      'k',
      'inertia',
      'converged',
      'previous_run_id',
      'created_at',
    ])
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  // The position is read back from the row: timestamps keep microseconds a cursor string would lose.
  if (options.afterId !== undefined) {
    query = query.where(
      sql<boolean>`(created_at, id) < (SELECT p.created_at, p.id FROM cluster_runs p WHERE p.id = ${options.afterId}::uuid)`,
    );
  }
  return query.execute();
}

/**
 * Streams a run's assignments in customer order, `batchSize` rows per query.
 */
export async function* streamClusterAssignments(
  db: Db,
  runId: string,
  batchSize = 10_000,
): AsyncGenerator<{ customer_id: number; cluster: number; confidence: number }[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('cluster_assignments')
      .select(['customer_id', 'cluster', 'confidence'])
      .where('run_id', '=', runId)
      .where('customer_id', '>', after)
      .orderBy('customer_id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r, customer_id: Number(r.customer_id) }));
    after = Number(rows[rows.length - 1]!.customer_id);
    if (rows.length < batchSize) return;
  }
}

export interface ClusterMemberRow {
  readonly customer_id: number;
  readonly external_id: string;
  readonly confidence: number;
  readonly features: CustomerFeatures | null;
  readonly attributes: CustomerAttributes;
}

/** One page of a cluster's members in internal id order (keyset on the customer id). */
export async function listClusterMembers(
  db: Db,
  runId: string,
  cluster: number,
  options: { afterCustomerId?: number | undefined; limit: number },
): Promise<ClusterMemberRow[]> {
  let query = db
    .selectFrom('cluster_assignments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .select(['a.customer_id', 'c.external_id', 'a.confidence', 'c.features', 'c.attributes'])
    .where('a.run_id', '=', runId)
    .where('a.cluster', '=', cluster)
    .orderBy('a.customer_id')
    .limit(options.limit);
  if (options.afterCustomerId !== undefined) {
    query = query.where('a.customer_id', '>', options.afterCustomerId);
  }
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, customer_id: Number(r.customer_id) }));
}

export interface ClusterTagWithSlug extends ClusterTagRow {
  readonly slug: string;
  readonly display_name: string;
  readonly tag_status: string;
}

/** The named clusters of one or more runs, with their tag's slug. */
export async function findClusterTags(
  db: Db,
  runIds: readonly string[],
): Promise<ClusterTagWithSlug[]> {
  if (runIds.length === 0) return [];
  return db
    .selectFrom('cluster_tags as ct')
    .innerJoin('tags as t', 't.id', 'ct.tag_id')
    .select([
      'ct.run_id',
      'ct.cluster',
      'ct.tag_id',
      'ct.carried_from_run_id',
      'ct.named_by',
      'ct.created_at',
      't.slug',
      't.display_name',
      't.status as tag_status',
    ])
    .where('ct.run_id', 'in', [...runIds])
    .orderBy('ct.run_id')
    .orderBy('ct.cluster')
    .execute();
}

/**
 * Names a cluster: links `tagId` to `(runId, cluster)`. Returns `undefined` when the cluster
 * already has a name or the tag already names another cluster of the run.
 */
export async function insertClusterTag(
  db: Db,
  row: {
    runId: string;
    cluster: number;
    tagId: string;
    carriedFromRunId: string | null;
    namedBy: string | null;
  },
): Promise<ClusterTagRow | undefined> {
  return db
    .insertInto('cluster_tags')
    .values({
      run_id: row.runId,
      cluster: row.cluster,
      tag_id: row.tagId,
      carried_from_run_id: row.carriedFromRunId,
      named_by: row.namedBy,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** How many customers each cluster of a run holds (from the stored assignments). */
export async function clusterSizesOfRun(db: Db, runId: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('cluster_assignments')
    .select(['cluster', sql<number>`count(*)::int`.as('size')])
    .where('run_id', '=', runId)
    .groupBy('cluster')
    .execute();
  return new Map(rows.map((r) => [r.cluster, r.size]));
}
