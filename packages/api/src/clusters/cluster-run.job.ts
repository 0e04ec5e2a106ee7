import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  clusterCustomers,
  createMatrix,
  SCALING_METHODS,
  type ClusteringRun,
  type MembershipMovement,
} from '@tagwise/engine';
import { countCustomers, streamCustomers } from '../customers/customer.repository.ts';
import type { Db } from '../db/database.ts';
import {
  JobCancelledError,
  PermanentJobError,
  type JobHandler,
  type WorkspaceCheck,
} from '../jobs/job-registry.ts';
import type { JsonValue } from '../jobs/job.table.ts';
import {
  findActiveClusterRun,
  findClusterTags,
  insertClusterAssignments,
  insertClusterRun,
  insertClusterTag,
  supersedeClusterRun,
} from './cluster-run.repository.ts';
import { setTagSource } from '../tags/tag.repository.ts';
import type {
  ClusterRunRow,
  StoredLeftOut,
  StoredMatching,
  StoredProfiles,
} from './cluster-run.table.ts';
import { missingFeatureNames, numericValue } from './customer-feature-values.ts';
import { featureSetKey, matchClusterRuns, movementBetweenRuns } from './run-matching.ts';

const ScalingMethodSchema = z.enum([
  'standard',
  'robust',
  'log1p',
  'none',
] satisfies typeof SCALING_METHODS);

export const clusterRunParamsSchema = z
  .object({
    featureNames: z
      .array(z.string().min(1).max(100))
      .min(1)
      .max(50)
      .refine((names) => new Set(names).size === names.length, 'feature names must be distinct')
      .describe('Behavioural features and/or numeric attributes to cluster on'),
    scaling: z
      .union([ScalingMethodSchema, z.array(ScalingMethodSchema)])
      .optional()
      .describe('One method for all features or one per feature; default standard'),
    k: z
      .union([
        z.number().int().min(1).max(50),
        z
          .object({ min: z.number().int().min(2).max(50), max: z.number().int().min(2).max(50) })
          .strict()
          .refine((range) => range.min <= range.max, 'min must be <= max'),
      ])
      .optional()
      .describe('A fixed k, or a range to choose from; default {min: 2, max: 8}'),
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    nInit: z.number().int().min(1).max(20).optional(),
  })
  .strict()
  .refine((p) => !Array.isArray(p.scaling) || p.scaling.length === p.featureNames.length, {
    message: 'give one scaling method per feature',
    path: ['scaling'],
  });

export type ClusterRunParams = z.infer<typeof clusterRunParamsSchema>;

/** Customers read per query while building the feature matrix. */
const BATCH_CUSTOMERS = 5000;
const DEFAULT_K = { min: 2, max: 8 } as const;

/** The customers' values of the chosen features, in internal id order. */
interface LoadedFeatures {
  readonly customerIds: Float64Array;
  readonly externalIds: string[];
  readonly data: Float64Array;
  readonly leftOut: StoredLeftOut;
  readonly featuresAsOf: Date | null;
}

class GrowableColumn {
  data = new Float64Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

async function loadFeatures(
  db: Db,
  workspaceId: string,
  featureNames: readonly string[],
  onBatch: (done: number) => Promise<void>,
): Promise<LoadedFeatures> {
  const ids = new GrowableColumn();
  const values = new GrowableColumn();
  const externalIds: string[] = [];
  const row = new Float64Array(featureNames.length);
  const missing = new Array<number>(featureNames.length).fill(0);
  let skipped = 0;
  let done = 0;
  let featuresAsOf: Date | null = null;
  for await (const customers of streamCustomers(db, workspaceId, { batchSize: BATCH_CUSTOMERS })) {
    for (const customer of customers) {
      let complete = true;
      for (let j = 0; j < featureNames.length; j++) {
        const value = numericValue(customer.features, customer.attributes, featureNames[j]!);
        if (value === undefined) {
          complete = false;
          missing[j]!++;
        } else {
          row[j] = value;
        }
      }
      if (!complete) {
        skipped++;
        continue;
      }
      ids.push(customer.id);
      externalIds.push(customer.external_id);
      for (const value of row) values.push(value);
      const asOf = customer.features_as_of;
      if (asOf !== null && (featuresAsOf === null || asOf > featuresAsOf)) featuresAsOf = asOf;
    }
    done += customers.length;
    await onBatch(done);
  }
  return {
    customerIds: ids.view(),
    externalIds,
    data: values.view(),
    leftOut: {
      customers: skipped,
      missingByFeature: Object.fromEntries(featureNames.map((name, j) => [name, missing[j]!])),
    },
    featuresAsOf,
  };
}

/** The stored profiles: projected points name their customer instead of a row index. */
function storedProfiles(run: ClusteringRun): StoredProfiles {
  const { projection } = run.profiles;
  return {
    ...run.profiles,
    projection: {
      explainedVariance: projection.explainedVariance,
      sampleSize: projection.sampleSize,
      points: projection.points.map((p) => ({
        externalId: run.ids[p.index]!,
        cluster: p.cluster,
        x: p.x,
        y: p.y,
        silhouette: p.silhouette,
      })),
    },
  };
}

function centroidRows(run: ClusteringRun): number[][] {
  const { rows, cols, data } = run.fit.centroids;
  return Array.from({ length: rows }, (_, i) =>
    Array.from(data.subarray(i * cols, (i + 1) * cols)),
  );
}

/** What a run continues from its predecessor on the same features. */
interface Continuation {
  readonly previous: ClusterRunRow;
  readonly matching: StoredMatching;
  readonly movement: MembershipMovement;
  /** Names to carry: new cluster → tag of the matched previous cluster. */
  readonly carried: { cluster: number; fromCluster: number; tagId: string; slug: string }[];
  /** Names whose previous cluster has no match in the new run. */
  readonly dropped: { fromCluster: number; slug: string }[];
}

async function continuation(
  db: Db,
  previous: ClusterRunRow,
  run: ClusteringRun,
  customerIds: Float64Array,
): Promise<Continuation> {
  const matching = matchClusterRuns(
    {
      featureNames: previous.feature_names,
      scaler: previous.scaler,
      centroids: previous.centroids,
    },
    { featureNames: run.featureNames, scaler: run.scaler, centroids: centroidRows(run) },
  );
  const movement = await movementBetweenRuns(
    db,
    { id: previous.id, k: previous.k },
    { ids: Array.from(customerIds, String), assignments: run.fit.assignments, k: run.k },
    matching,
  );
  const names = await findClusterTags(db, [previous.id]);
  const carried: Continuation['carried'] = [];
  const dropped: Continuation['dropped'] = [];
  for (const name of names) {
    const cluster = matching.previousOf.indexOf(name.cluster);
    if (cluster < 0) dropped.push({ fromCluster: name.cluster, slug: name.slug });
    else carried.push({ cluster, fromCluster: name.cluster, tagId: name.tag_id, slug: name.slug });
  }
  return { previous, matching, movement, carried, dropped };
}

/**
 * The features no customer of the workspace has as a number, each naming its index; a
 * queued run refused for them names each missing one once, with one list of the others.
 */
async function unknownFeatures(
  db: Db,
  workspaceId: string,
  featureNames: readonly string[],
): Promise<WorkspaceCheck> {
  const { missing, available } = await missingFeatureNames(db, workspaceId, featureNames);
  if (missing.length === 0) return undefined;
  const detail = 'some features are not known in this workspace';
  const availableList =
    available.join(', ') || 'none yet (run a feature refresh or ingest numeric attributes)';
  const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');
  return {
    detail,
    errors: missing.map((name) => ({
      path: `featureNames.${featureNames.indexOf(name)}`,
      message: `no customer has a numeric ${quoted([name])}; available: ${availableList}`,
    })),
    code: 'unknown-feature',
    reason: `${detail}: no customer has a numeric ${quoted(missing)}; available: ${availableList}`,
  };
}

/**
 * `cluster-run`: clusters the workspace's customers on stored features and numeric
 * attributes (engine `clusterCustomers`: scaling, k selection, k-means, membership
 * confidence, profiles), matches the clusters to the active run on the same features so
 * named clusters keep their tags, and stores the run, its assignments and the carried names
 * in the finishing transaction. A cancelled or failed run leaves the previous run active.
 */
export const clusterRunJob: JobHandler<ClusterRunParams> = {
  kind: 'cluster-run',
  description: 'Cluster customers on chosen features; re-runs keep the names of matched clusters',
  roles: ['admin', 'analyst'],
  params: clusterRunParamsSchema,
  checkAgainstWorkspace: (db, workspaceId, params) =>
    unknownFeatures(db, workspaceId, params.featureNames),
  async run(context) {
    const { db, job, params } = context;
    const workspaceId = job.workspace_id;
    const featureNames = params.featureNames;
    const { total } = await countCustomers(db, workspaceId);
    await context.progress(0, `reading features of ${total} customers`);
    const loaded = await loadFeatures(db, workspaceId, featureNames, async (done) => {
      context.throwIfCancelled();
      await context.progress(
        0.2 * Math.min(1, done / Math.max(1, total)),
        `read ${done} customers`,
      );
    });
    const n = loaded.externalIds.length;
    const k = params.k ?? DEFAULT_K;
    const minimum = typeof k === 'number' ? Math.max(k, 2) : k.min + 1;
    if (n < minimum) {
      throw new PermanentJobError(
        `${n} customers have every feature (${loaded.leftOut.customers} lack one); k = ${JSON.stringify(k)} needs at least ${minimum}`,
        'too-few-customers',
      );
    }
    const matrix = createMatrix(n, featureNames.length);
    matrix.data.set(loaded.data);
    const run = await clusterCustomers({
      ids: loaded.externalIds,
      featureNames,
      matrix,
      ...(params.scaling === undefined ? {} : { scaling: params.scaling }),
      k,
      seed: params.seed ?? 0,
      nInit: params.nInit ?? 4,
      onProgress: ({ step, done, total: steps }) => {
        // Throwing here stops the engine between steps.
        if (context.signal.aborted) throw new JobCancelledError();
        const fraction = 0.2 + 0.75 * (steps === 0 ? 1 : done / steps);
        void context.progress(fraction, `${step} ${done}/${steps}`).catch(() => undefined);
      },
    });
    context.throwIfCancelled();

    const featureSet = featureSetKey(featureNames);
    const previous = await findActiveClusterRun(db, workspaceId, featureSet);
    const cont =
      previous === undefined
        ? undefined
        : await continuation(db, previous, run, loaded.customerIds);
    const runId = randomUUID();
    const carried: JsonValue = (cont?.carried ?? []).map((c) => ({
      cluster: c.cluster,
      fromCluster: c.fromCluster,
      tag: c.slug,
    }));
    await context.progress(0.97, 'storing the run');
    return {
      result: {
        runId,
        k: run.k,
        customers: n,
        skipped: loaded.leftOut.customers,
        previousRunId: previous?.id ?? null,
        carriedNames: carried,
        droppedNames: (cont?.dropped ?? []).map((d) => ({
          fromCluster: d.fromCluster,
          tag: d.slug,
        })),
        movedShare: cont?.movement.movedShare ?? null,
      },
      message: `k = ${run.k} over ${n} customers${
        loaded.leftOut.customers > 0
          ? ` (${loaded.leftOut.customers} lacking one of the features left out)`
          : ''
      }${cont ? `; ${cont.carried.length} names carried over` : ''}`,
      analyze: ['cluster_assignments'],
      persist: async (trx, record) => {
        // Runs on the same features finish one at a time; the loser retries against the winner.
        await sql`SELECT pg_advisory_xact_lock(hashtext(${`cluster-run:${workspaceId}:${featureSet}`}))`.execute(
          trx,
        );
        const active = await findActiveClusterRun(trx, workspaceId, featureSet);
        if (active?.id !== previous?.id) {
          throw new Error(
            'another run on the same features finished meanwhile; the job retries against it',
          );
        }
        if (previous !== undefined) await supersedeClusterRun(trx, previous.id);
        const requestedScaling = params.scaling ?? 'standard';
        await insertClusterRun(trx, {
          id: runId,
          workspace_id: workspaceId,
          job_id: job.id,
          created_by: job.created_by,
          feature_names: JSON.stringify(featureNames),
          feature_set: featureSet,
          scaling: JSON.stringify(requestedScaling),
          k_requested: JSON.stringify(k),
          seed: params.seed ?? 0,
          n_init: params.nInit ?? 4,
          customer_count: n,
          features_as_of: loaded.featuresAsOf,
          k: run.k,
          selection: run.selection === undefined ? null : JSON.stringify(run.selection),
          centroids: JSON.stringify(centroidRows(run)),
          scaler: JSON.stringify(run.scaler),
          membership: JSON.stringify({
            centroids: centroidRows(run),
            weights: run.membership.weights,
            variance: run.membership.variance,
          }),
          profiles: JSON.stringify(storedProfiles(run)),
          inertia: run.fit.inertia,
          iterations: run.fit.iterations,
          converged: run.fit.converged,
          previous_run_id: previous?.id ?? null,
          matching: cont === undefined ? null : JSON.stringify(cont.matching),
          left_out: JSON.stringify(loaded.leftOut),
          movement: cont === undefined ? null : JSON.stringify(cont.movement),
        });
        await insertClusterAssignments(
          trx,
          runId,
          loaded.customerIds,
          run.fit.assignments,
          run.confidence,
        );
        for (const name of cont?.carried ?? []) {
          await insertClusterTag(trx, {
            runId,
            cluster: name.cluster,
            tagId: name.tagId,
            carriedFromRunId: cont!.previous.id,
            namedBy: null,
          });
          await setTagSource(trx, name.tagId, { type: 'cluster', runId, cluster: name.cluster });
        }
        await record({
          action: 'cluster-run.completed',
          resource: 'cluster-run',
          resourceId: runId,
          workspaceId,
          data: {
            jobId: job.id,
            features: featureNames,
            k: run.k,
            customers: n,
            supersededRunId: previous?.id ?? null,
            namesCarried: cont?.carried.length ?? 0,
          },
        });
      },
    };
  },
};
