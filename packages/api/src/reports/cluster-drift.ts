import { sql } from 'kysely';
import type { MembershipMovement } from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import type { StoredMatching } from '../clusters/cluster-run.table.ts';

/** How many runs the drift report lists, newest first. */
export const DRIFT_RUNS = 20;

/** One cluster of a run against the previous run of the same feature set. */
export interface ClusterMovement {
  readonly cluster: number;
  /** The tag naming the cluster; null when unnamed. */
  readonly tag: string | null;
  /** The previous run's cluster it continues (matched centroids); null for a new cluster. */
  readonly previousCluster: number | null;
  /** Distance between the matched centroids in this run's scaled space; null when unmatched. */
  readonly centroidShift: number | null;
  /** Members in this run. */
  readonly customers: number;
  /** Members that were in `previousCluster` in the previous run. */
  readonly stayed: number;
  /** Members that were in another cluster of the previous run. */
  readonly movedIn: number;
  /** Members of `previousCluster` now in another cluster; null for a new cluster. */
  readonly movedOut: number | null;
  /** Members the previous run did not cluster (new customers, or newly complete features). */
  readonly newCustomers: number;
}

export interface ClusterRunDrift {
  readonly runId: string;
  readonly previousRunId: string;
  readonly createdAt: string;
  readonly featureSet: string;
  /** Customers clustered by this run. */
  readonly customers: number;
  /** Customers clustered by both runs: the ones movement is counted over. */
  readonly compared: number;
  readonly moved: number;
  /** moved / compared. */
  readonly movedShare: number;
  readonly byCluster: ClusterMovement[];
}

interface RunRow {
  readonly id: string;
  readonly previous_run_id: string;
  readonly created_at: Date;
  readonly feature_set: string;
  readonly customer_count: number;
  readonly k: number;
  readonly matching: StoredMatching;
  readonly movement: MembershipMovement;
}

/**
 * Per cluster of a run: where its members were in the previous run, from the stored
 * flow matrix (`flows[previous][next]`, customers in both runs) and the matching.
 */
export function clusterMovements(
  run: Pick<RunRow, 'k' | 'matching' | 'movement'>,
  sizes: ReadonlyMap<number, number>,
  tags: ReadonlyMap<number, string>,
): ClusterMovement[] {
  const { flows } = run.movement;
  return Array.from({ length: run.k }, (_, cluster) => {
    const previous = run.matching.previousOf[cluster] ?? -1;
    const inflow = flows.reduce((n, row) => n + (row[cluster] ?? 0), 0);
    const stayed = previous >= 0 ? (flows[previous]?.[cluster] ?? 0) : 0;
    const outflow = previous >= 0 ? (flows[previous] ?? []).reduce((n, c) => n + c, 0) : 0;
    const customers = sizes.get(cluster) ?? 0;
    return {
      cluster,
      tag: tags.get(cluster) ?? null,
      previousCluster: previous >= 0 ? previous : null,
      centroidShift: run.matching.centroidShift[cluster] ?? null,
      customers,
      stayed,
      movedIn: inflow - stayed,
      movedOut: previous >= 0 ? outflow - stayed : null,
      newCustomers: customers - inflow,
    };
  });
}

/**
 * Membership movement of the last `DRIFT_RUNS` cluster runs that continue an earlier run,
 * newest first: the movement and matching stored with each run, the cluster sizes counted
 * from the assignments and the names from the cluster tags (small grouped queries; the
 * profiles and memberships are not read).
 */
export async function clusterDrift(db: Db, workspaceId: string): Promise<ClusterRunDrift[]> {
  const runs = (await db
    .selectFrom('cluster_runs')
    .select([
      'id',
      'previous_run_id',
      'created_at',
      'feature_set',
      'customer_count',
      'k',
      'matching',
      'movement',
    ])
    .where('workspace_id', '=', workspaceId)
    .where('previous_run_id', 'is not', null)
    .where('movement', 'is not', null)
    .where('matching', 'is not', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(DRIFT_RUNS)
    .execute()) as RunRow[];
  if (runs.length === 0) return [];
  const runIds = runs.map((r) => r.id);
  const [sizes, names] = await Promise.all([
    db
      .selectFrom('cluster_assignments')
      .select(['run_id', 'cluster', sql<number>`count(*)::int`.as('size')])
      .where('run_id', 'in', runIds)
      .groupBy(['run_id', 'cluster'])
      .execute(),
    db
      .selectFrom('cluster_tags as ct')
      .innerJoin('tags as t', 't.id', 'ct.tag_id')
      .select(['ct.run_id', 'ct.cluster', 't.slug'])
      .where('ct.run_id', 'in', runIds)
      .execute(),
  ]);
  return runs.map((run) => {
    const runSizes = new Map(
      sizes.filter((s) => s.run_id === run.id).map((s) => [s.cluster, s.size]),
    );
    const runTags = new Map(
      names.filter((n) => n.run_id === run.id).map((n) => [n.cluster, n.slug]),
    );
    return {
      runId: run.id,
      previousRunId: run.previous_run_id,
      createdAt: run.created_at.toISOString(),
      featureSet: run.feature_set,
      customers: run.customer_count,
      compared: run.movement.compared,
      moved: run.movement.moved,
      movedShare: run.movement.movedShare,
      byCluster: clusterMovements(run, runSizes, runTags),
    };
  });
}
