import type { z } from '@hono/zod-openapi';
import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import { createJob } from '../jobs/job.service.ts';
import type { JobRow, JsonObject } from '../jobs/job.table.ts';
import { findTagBySlug, setTagSource } from '../tags/tag.repository.ts';
import { authorOf, createTagIn } from '../tags/tag.service.ts';
import type { TagRow } from '../tags/tag.table.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import type { ClusterRunParams } from './cluster-run.job.ts';
import {
  findClusterRun,
  findClusterTags,
  insertClusterTag,
  listClusterMembers,
  type ClusterRunSummaryRow,
  type ClusterTagWithSlug,
} from './cluster-run.repository.ts';
import type {
  ClusterMemberSchema,
  ClusterRunSchema,
  ClusterRunSummarySchema,
  NameClusterSchema,
  RunComparisonSchema,
} from './cluster-run.schema.ts';
import type { ClusterRunRow } from './cluster-run.table.ts';
import { numericValue } from './customer-feature-values.ts';
import { loadAssignments, matchClusterRuns, movementBetweenRuns } from './run-matching.ts';

export type ClusterRunSummaryView = z.infer<typeof ClusterRunSummarySchema>;
export type ClusterRunView = z.infer<typeof ClusterRunSchema>;
export type RunComparisonView = z.infer<typeof RunComparisonSchema>;
export type ClusterMemberView = z.infer<typeof ClusterMemberSchema>;
export type NameClusterInput = z.infer<typeof NameClusterSchema>;

export function toClusterRunSummary(row: ClusterRunSummaryRow): ClusterRunSummaryView {
  return {
    id: row.id,
    jobId: row.job_id,
    status: row.status,
    featureNames: row.feature_names,
    scaling: row.scaling,
    kRequested: row.k_requested,
    seed: row.seed,
    customerCount: row.customer_count,
    featuresAsOf: row.features_as_of?.toISOString() ?? null,
    k: row.k,
    inertia: row.inertia,
    converged: row.converged,
    previousRunId: row.previous_run_id,
    createdAt: row.created_at.toISOString(),
  };
}

function nameOf(tag: ClusterTagWithSlug | undefined) {
  return tag === undefined
    ? null
    : { slug: tag.slug, displayName: tag.display_name, carriedFromRunId: tag.carried_from_run_id };
}

export async function getClusterRunRow(
  db: Db,
  workspace: WorkspaceRow,
  runId: string,
): Promise<ClusterRunRow> {
  const row = await findClusterRun(db, workspace.id, runId);
  if (row === undefined) throw ProblemError.notFound(`cluster run ${runId}`);
  return row;
}

/** A run with its k-selection table, profiles, projected points, matching and names. */
export async function getClusterRun(
  db: Db,
  workspace: WorkspaceRow,
  runId: string,
): Promise<ClusterRunView> {
  const row = await getClusterRunRow(db, workspace, runId);
  const names = await findClusterTags(db, [row.id]);
  return {
    ...toClusterRunSummary(row),
    nInit: row.n_init,
    iterations: row.iterations,
    selection: row.selection,
    profiles: row.profiles,
    matching: row.matching,
    movement: row.movement,
    leftOut: row.left_out,
    clusters: row.profiles.clusters.map((profile) => ({
      cluster: profile.cluster,
      size: profile.size,
      share: profile.share,
      name: nameOf(names.find((n) => n.cluster === profile.cluster)),
    })),
  } as ClusterRunView;
}

/** Queues a `cluster-run` job; unknown features are a 422 naming `featureNames.<i>`. */
export async function startClusterRun(
  ctx: ServiceContext,
  registry: JobRegistry,
  workspace: WorkspaceRow,
  params: ClusterRunParams,
): Promise<JobRow> {
  return createJob(
    ctx,
    registry,
    workspace,
    { kind: 'cluster-run', params: params as unknown as JsonObject },
    '',
  );
}

/**
 * Compares a run with another on the same features: how its clusters match the other's
 * (centroids in this run's scaled space, optimal assignment) and how customers moved.
 */
export async function compareClusterRuns(
  db: Db,
  workspace: WorkspaceRow,
  runId: string,
  otherRunId: string,
): Promise<RunComparisonView> {
  const run = await getClusterRunRow(db, workspace, runId);
  const other = await getClusterRunRow(db, workspace, otherRunId);
  if (run.feature_set !== other.feature_set) {
    throw ProblemError.validation('only runs on the same features can be compared', [
      {
        path: 'query.with',
        message: `run ${otherRunId} clusters on ${other.feature_names.join(', ')}; run ${runId} on ${run.feature_names.join(', ')}`,
      },
    ]);
  }
  const matching = matchClusterRuns(
    { featureNames: other.feature_names, scaler: other.scaler, centroids: other.centroids },
    { featureNames: run.feature_names, scaler: run.scaler, centroids: run.centroids },
  );
  const current = await loadAssignments(db, run.id);
  const movement = await movementBetweenRuns(
    db,
    { id: other.id, k: other.k },
    { ...current, k: run.k },
    matching,
  );
  const names = await findClusterTags(db, [run.id, other.id]);
  return {
    runId: run.id,
    previousRunId: other.id,
    matching,
    movement: { ...movement, flows: movement.flows.map((row) => [...row]) },
    clusters: matching.previousOf.map((previous, cluster) => ({
      cluster,
      previousCluster: previous < 0 ? null : previous,
      centroidShift: matching.centroidShift[cluster] ?? null,
      name: names.find((n) => n.run_id === run.id && n.cluster === cluster)?.slug ?? null,
      previousName:
        previous < 0
          ? null
          : (names.find((n) => n.run_id === other.id && n.cluster === previous)?.slug ?? null),
    })),
  };
}

/**
 * Names a cluster of the active run as a model tag: links an existing model tag, or
 * creates one. Later runs on the same features carry the name to the matching cluster.
 */
export async function nameCluster(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  runId: string,
  cluster: number,
  input: NameClusterInput,
): Promise<{ tag: TagRow; created: boolean }> {
  return writeTransaction(ctx, async (trx, record) => {
    const run = await getClusterRunRow(trx, workspace, runId);
    if (cluster >= run.k) {
      throw ProblemError.notFound(`cluster ${cluster} of run ${runId} (it has ${run.k})`);
    }
    if (run.status !== 'active') {
      throw ProblemError.conflict(
        `run ${runId} was superseded; name the clusters of the active run on these features`,
      );
    }
    let tag: TagRow;
    let created = false;
    const source = { type: 'cluster' as const, runId, cluster };
    if ('tag' in input) {
      const existing = await findTagBySlug(trx, workspace.id, input.tag);
      if (existing === undefined) {
        throw ProblemError.validation(`tag "${input.tag}" does not exist`, [
          {
            path: 'tag',
            message: 'give the slug of an existing model tag, or the fields of a new one',
          },
        ]);
      }
      if (existing.kind !== 'model') {
        throw ProblemError.validation(`tag "${input.tag}" is a ${existing.kind} tag`, [
          { path: 'tag', message: 'only model tags can name clusters' },
        ]);
      }
      tag = await setTagSource(trx, existing.id, source, authorOf(ctx));
    } else {
      tag = await createTagIn(
        trx,
        workspace,
        {
          slug: input.slug,
          displayName: input.displayName,
          kind: 'model',
          category: input.category,
          definition: input.definition,
          usageNote: input.usageNote,
          source,
        },
        authorOf(ctx),
      );
      created = true;
    }
    const linked = await insertClusterTag(trx, {
      runId,
      cluster,
      tagId: tag.id,
      carriedFromRunId: null,
      namedBy: ctx.actor?.keyId ?? null,
    });
    if (linked === undefined) {
      throw ProblemError.conflict(
        `cluster ${cluster} of run ${runId} already has a name, or tag "${tag.slug}" already names another cluster of it`,
      );
    }
    await record({
      action: 'cluster.named',
      resource: 'cluster-run',
      resourceId: runId,
      workspaceId: workspace.id,
      data: { cluster, tag: tag.slug, tagCreated: created },
    });
    return { tag, created };
  });
}

/** One page of a cluster's members with their values of the run's features. */
export async function listMembers(
  db: Db,
  workspace: WorkspaceRow,
  runId: string,
  cluster: number,
  options: { afterCustomerId: number | undefined; limit: number },
): Promise<{ rows: ClusterMemberView[]; lastIds: number[] }> {
  const run = await getClusterRunRow(db, workspace, runId);
  if (cluster >= run.k) throw ProblemError.notFound(`cluster ${cluster} of run ${runId}`);
  const rows = await listClusterMembers(db, run.id, cluster, options);
  return {
    rows: rows.map((row) => ({
      externalId: row.external_id,
      confidence: row.confidence,
      features: Object.fromEntries(
        run.feature_names.map((name) => [
          name,
          numericValue(row.features, row.attributes, name) ?? null,
        ]),
      ),
    })),
    lastIds: rows.map((r) => r.customer_id),
  };
}
