import {
  scoreChurnChunk,
  type ChurnModel,
  type CustomerRow as EngineRow,
  type FeatureContribution,
} from '@tagwise/engine';
import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import { findCustomer } from '../customers/customer.repository.ts';
import type { Db } from '../db/database.ts';
import { ProblemError, type ProblemFieldError } from '../http/problem.ts';
import { INGEST_LIMITS } from '../ingest/limits.ts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import type { JobRow } from '../jobs/job.table.ts';
import { createJob } from '../jobs/job.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { activateWithin, candidateOf, decideActivation } from './churn-activation.ts';
import { buildScoringBatch } from './churn-inputs.ts';
import type { ChurnModelCache } from './churn-model-cache.ts';
import {
  findActiveChurnModel,
  findChurnModel,
  lockChurnModels,
  type ChurnModelRef,
} from './churn-model.repository.ts';
import type { ChurnActivation, ChurnModelSummaryRow } from './churn-model.table.ts';
import type { ChurnScoreParams, ChurnTrainParams } from './churn-params.ts';
import {
  findCurrentPredictionByExternalId,
  findCurrentPredictions,
  findCurrentScoring,
  findCustomersByExternalIds,
} from './churn-prediction.repository.ts';
import type { StoredFactor } from './churn-prediction.table.ts';
import { churnExplanation } from './churn-suggestions.ts';
import { STORED_FACTORS } from './churn-score.job.ts';
import type { StoredChurnMetrics } from './churn-train.job.ts';
import { checkTrainingRequest } from './churn-training-data.ts';
import type {
  ChurnModelDetailView,
  ChurnModelView,
  ChurnPredictionItem,
  ChurnPredictRequest,
  ChurnPredictResponse,
  CustomerChurnView,
} from './churn.schema.ts';

const metricsOf = (row: ChurnModelSummaryRow): StoredChurnMetrics =>
  row.metrics as unknown as StoredChurnMetrics;

/** A number as JSON carries it (NaN from degenerate folds is null in the stored JSON too). */
const finite = (value: number): number | null => (Number.isFinite(value) ? value : null);

export function toChurnModelView(row: ChurnModelSummaryRow): ChurnModelView {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    label: row.label,
    classifier: row.classifier,
    backend: row.backend,
    heldout: { metric: row.heldout_metric, value: finite(row.heldout_value) },
    crossValidation: metricsOf(row).crossValidation.summary,
    trainingRows: row.training_rows,
    positives: row.positives,
    trainingSeconds: row.training_seconds,
    jobId: row.job_id,
    createdAt: row.created_at.toISOString(),
    activatedAt: row.activated_at?.toISOString() ?? null,
    activatedBy: row.activated_by,
    activation: row.activation,
    retiredAt: row.retired_at?.toISOString() ?? null,
  };
}

/** The model with its inputs, importance and the whole evaluation (reliability table, curves, lift). */
export function toChurnModelDetailView(row: ChurnModelSummaryRow): ChurnModelDetailView {
  const metrics = metricsOf(row);
  const cv = metrics.crossValidation;
  const { reliability, roc, precisionRecall, liftByDecile, ...pooled } = cv.pooled;
  return {
    ...toChurnModelView(row),
    inputs: [...row.feature_schema.inputs],
    behaviouralSource: row.feature_schema.behaviouralSource,
    windowDays: row.feature_schema.windowDays,
    dropped: [...row.feature_schema.dropped],
    riskBands: row.risk_bands,
    importance: row.importance as { feature: string; meanAbsContribution: number }[],
    evaluation: {
      folds: cv.folds,
      seed: cv.seed,
      seconds: cv.seconds,
      pooled,
      reliability: [...reliability],
      roc: [...roc],
      precisionRecall: [...precisionRecall],
      liftByDecile: [...liftByDecile],
      baseline: { summary: cv.baseline.metrics, pooled: cv.baseline.pooled },
      perFold: cv.perFold.map((fold) => ({ ...fold })),
      chosen: { ...cv.chosen },
    },
    training: { ...metrics.training },
    excluded: [...metrics.excluded],
  };
}

export async function getChurnModel(
  db: Db,
  workspace: WorkspaceRow,
  id: string,
): Promise<ChurnModelSummaryRow> {
  const row = await findChurnModel(db, workspace.id, id);
  if (row === undefined) throw ProblemError.notFound(`churn model ${id}`);
  return row;
}

/**
 * Activates a model atomically (the active one is retired in the same transaction). Without
 * `override` the model must win `decideActivation` against the active one (else 409 with
 * the comparison); with it, any model is activated and the reason is recorded. Either way the
 * change is recorded through the change hooks (audit log). Already active: unchanged.
 */
export async function activateChurnModelById(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
  request: { override: boolean; reason?: string | undefined },
  cache: ChurnModelCache,
): Promise<ChurnModelSummaryRow> {
  const model = await writeTransaction(ctx, async (trx, record) => {
    await lockChurnModels(trx, workspace.id);
    const target = await findChurnModel(trx, workspace.id, id);
    if (target === undefined) throw ProblemError.notFound(`churn model ${id}`);
    if (target.status === 'active') return target;
    const active = await findActiveChurnModel(trx, workspace.id);
    const decision = decideActivation(
      candidateOf(target),
      active === undefined ? undefined : candidateOf(active),
    );
    let mode: ChurnActivation['mode'];
    let reason: string;
    if (request.override) {
      mode = 'override';
      reason = request.reason!;
    } else if (decision.activate) {
      mode = 'manual';
      reason =
        request.reason === undefined ? decision.reason : `${decision.reason}; ${request.reason}`;
    } else {
      throw ProblemError.conflict(
        `churn model v${target.version} was not activated: ${decision.reason}. To activate it anyway send {"override": true, "reason": "..."}`,
      );
    }
    const { model: activated, previous } = await activateWithin(trx, target, {
      mode,
      reason,
      activatedBy: ctx.actor?.keyId ?? null,
    });
    await record({
      action: 'churn-model.activated',
      resource: 'churn-model',
      resourceId: target.id,
      workspaceId: workspace.id,
      data: {
        version: target.version,
        mode,
        reason,
        override: request.override,
        comparison: decision.reason,
        heldout: finite(target.heldout_value),
        previousModelId: previous?.id ?? null,
        previousVersion: previous?.version ?? null,
        previousHeldout: previous === undefined ? null : finite(previous.heldout_value),
      },
    });
    return activated;
  });
  cache.invalidate(workspace.id);
  return model;
}

/**
 * Queues a `churn-train` job after checking the request against the workspace's data (the
 * label is two-valued, the events reach past the label window, the inputs exist): a bad
 * request is a 422 naming each field instead of a job that fails later.
 */
export async function queueChurnTraining(
  ctx: ServiceContext,
  registry: JobRegistry,
  workspace: WorkspaceRow,
  params: ChurnTrainParams,
): Promise<JobRow> {
  const errors = await checkTrainingRequest(ctx.db, workspace.id, params);
  if (errors.length > 0) {
    throw ProblemError.validation("the training request does not fit the workspace's data", errors);
  }
  return createJob(ctx, registry, workspace, { kind: 'churn-train', params });
}

/** Queues a `churn-score` job; 409 when no model is active. */
export async function queueChurnScoring(
  ctx: ServiceContext,
  registry: JobRegistry,
  workspace: WorkspaceRow,
  params: ChurnScoreParams,
): Promise<JobRow> {
  if ((await findActiveChurnModel(ctx.db, workspace.id)) === undefined) {
    throw ProblemError.conflict(
      'the workspace has no active churn model: train one (POST .../churn/train) or activate one first',
    );
  }
  return createJob(ctx, registry, workspace, { kind: 'churn-score', params });
}

/** A customer's current churn prediction; 404 naming why when there is none yet. */
export async function getCustomerChurn(
  db: Db,
  workspace: WorkspaceRow,
  externalId: string,
): Promise<CustomerChurnView> {
  const prediction = await findCurrentPredictionByExternalId(db, workspace.id, externalId);
  if (prediction === undefined) {
    // The slow path, only when there is nothing to serve: say why.
    const customer = await findCustomer(db, workspace.id, externalId);
    if (customer === undefined) throw ProblemError.notFound(`customer "${externalId}"`);
    const scoring = await findCurrentScoring(db, workspace.id);
    const why =
      scoring === undefined
        ? 'no churn scoring has completed in this workspace; run a churn-score job (POST .../churn/score) once a model is active'
        : `the current scoring (as of ${scoring.as_of.toISOString()}) ${customer.created_at > scoring.started_at ? 'ran before this customer was added' : 'could not score this customer (no purchase before its cut-off, or no input values)'}; run a churn-score job, or use POST .../churn/predict to score now`;
    throw new ProblemError(
      'not-found',
      `customer "${externalId}" has no churn prediction yet: ${why}`,
    );
  }
  return {
    customerId: externalId,
    probability: prediction.probability,
    riskBand: prediction.riskBand,
    model: {
      id: prediction.modelId,
      version: prediction.modelVersion,
      active: prediction.modelStatus === 'active',
    },
    scoredAt: prediction.scoredAt.toISOString(),
    factors: prediction.factors,
    explanation: churnExplanation(
      prediction.probability,
      prediction.riskBand,
      prediction.factors,
      prediction.modelVersion,
    ),
  };
}

const toFactors = (factors: readonly FeatureContribution[] | undefined): StoredFactor[] =>
  (factors ?? []).map((f) => ({
    feature: f.feature,
    value: f.value ?? null,
    contribution: f.contribution,
  }));

/** Raw rows must carry exactly the model's inputs: every missing and unexpected cell is named. */
function checkRowColumns(row: ChurnModelRef, rows: readonly Record<string, unknown>[]): void {
  const inputs = row.feature_schema.inputs.map((input) => input.name);
  const known = new Set(inputs);
  const missing = new Set<string>();
  const extra = new Set<string>();
  const errors: ProblemFieldError[] = [];
  const add = (error: ProblemFieldError) => {
    if (errors.length < INGEST_LIMITS.reportedErrors) errors.push(error);
  };
  rows.forEach((values, i) => {
    for (const name of inputs) {
      if (!(name in values)) {
        missing.add(name);
        add({ path: `rows.${i}.${name}`, message: 'missing: the active model needs this input' });
      }
    }
    for (const name of Object.keys(values)) {
      if (!known.has(name)) {
        extra.add(name);
        add({
          path: `rows.${i}.${name}`,
          message: 'unexpected: the active model has no such input',
        });
      }
    }
  });
  if (missing.size === 0 && extra.size === 0) return;
  const parts = [
    ...(missing.size > 0 ? [`missing column(s): ${[...missing].join(', ')}`] : []),
    ...(extra.size > 0 ? [`unexpected column(s): ${[...extra].join(', ')}`] : []),
  ];
  throw ProblemError.validation(
    `rows do not match the active churn model v${row.version}: ${parts.join('; ')}. It expects exactly: ${inputs.join(', ')}`,
    errors,
  );
}

function predictRows(
  row: ChurnModelRef,
  model: ChurnModel,
  rows: readonly Record<string, EngineRow[string]>[],
): ChurnPredictionItem[] {
  checkRowColumns(row, rows);
  const scores = scoreChurnChunk(model, rows, { top: STORED_FACTORS });
  const scoredAt = new Date().toISOString();
  return rows.map((_, i) => ({
    row: i,
    probability: scores.probabilities[i]!,
    riskBand: scores.bands[i]!,
    factors: toFactors(scores.factors?.[i]),
    source: 'live',
    scoredAt,
  }));
}

async function predictCustomers(
  db: Db,
  workspace: WorkspaceRow,
  row: ChurnModelRef,
  model: ChurnModel,
  requested: readonly string[],
): Promise<Omit<ChurnPredictResponse, 'model'>> {
  const externalIds = [...new Set(requested)];
  const customers = await findCustomersByExternalIds(db, workspace.id, externalIds);
  const byExternalId = new Map(customers.map((c) => [c.external_id, c]));
  const externalIdOf = new Map(customers.map((c) => [c.id, c.external_id]));
  const stored = await findCurrentPredictions(
    db,
    workspace.id,
    customers.map((c) => c.id),
  );
  // Stored predictions count only when the active model made them.
  const live = customers.filter((c) => stored.get(c.id)?.modelId !== row.id);
  const items = new Map<string, ChurnPredictionItem>();
  const notScored: { customerId: string; reason: string }[] = [];
  if (live.length > 0) {
    const now = new Date();
    const batch = await buildScoringBatch(db, row.feature_schema, live, now);
    for (const { customerId, reason } of batch.skipped) {
      notScored.push({ customerId: externalIdOf.get(customerId)!, reason });
    }
    if (batch.customerIds.length > 0) {
      const scores = scoreChurnChunk(model, batch.chunk, {
        ids: batch.customerIds.map(String),
        top: STORED_FACTORS,
      });
      batch.customerIds.forEach((customerId, i) => {
        const customerIdText = externalIdOf.get(customerId)!;
        items.set(customerIdText, {
          customerId: customerIdText,
          probability: scores.probabilities[i]!,
          riskBand: scores.bands[i]!,
          factors: toFactors(scores.factors?.[i]),
          source: 'live',
          scoredAt: now.toISOString(),
        });
      });
    }
  }
  for (const [customerId, prediction] of stored) {
    if (prediction.modelId !== row.id) continue;
    const customerIdText = externalIdOf.get(customerId)!;
    items.set(customerIdText, {
      customerId: customerIdText,
      probability: prediction.probability,
      riskBand: prediction.riskBand,
      factors: prediction.factors,
      source: 'stored',
      scoredAt: prediction.scoredAt.toISOString(),
    });
  }
  return {
    items: externalIds.flatMap((id) => {
      const item = items.get(id);
      return item === undefined ? [] : [item];
    }),
    notFound: externalIds.filter((id) => !byExternalId.has(id)),
    notScored,
  };
}

/**
 * Churn probabilities now, with the active model (cached in-process): for customer ids,
 * their current stored prediction when the active model made it, else scored from their
 * stored data; for raw rows (services holding their own data), scored as sent. 409 when no
 * model is active.
 */
export async function predictChurn(
  db: Db,
  workspace: WorkspaceRow,
  request: ChurnPredictRequest,
  cache: ChurnModelCache,
): Promise<ChurnPredictResponse> {
  const response = await cache.withActiveModel(db, workspace.id, async ({ row, model }) => {
    const ref = { id: row.id, version: row.version, active: true };
    if (request.rows !== undefined) {
      return {
        model: ref,
        items: predictRows(row, model, request.rows),
        notFound: [],
        notScored: [],
      };
    }
    return {
      model: ref,
      ...(await predictCustomers(db, workspace, row, model, request.customerIds ?? [])),
    };
  });
  if (response === undefined) {
    throw ProblemError.conflict(
      'the workspace has no active churn model: train one (POST .../churn/train) or activate one first',
    );
  }
  return response;
}
