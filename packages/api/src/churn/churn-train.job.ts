import {
  churnModelToBytes,
  crossValidateChurn,
  disposeChurnModel,
  trainChurnModel,
  type ChurnEvaluation,
  type ChurnModel,
  type ChurnProgress,
  type ChurnTrainingOptions,
  type FeatureImportance,
} from '@tagwise/engine';
import type { JobContext, JobHandler } from '../jobs/job-registry.ts';
import type { JsonObject } from '../jobs/job.table.ts';
import { errorFields } from '../logger.ts';
import {
  activateWithin,
  candidateOf,
  decideActivation,
  HELDOUT_METRIC,
} from './churn-activation.ts';
import {
  findActiveChurnModel,
  insertChurnModel,
  lockChurnModels,
  nextChurnModelVersion,
} from './churn-model.repository.ts';
import { ChurnTrainParamsSchema, type ChurnTrainParams } from './churn-params.ts';
import { loadTrainingData, type TrainingData } from './churn-training-data.ts';

/** Share of the progress bar each stage takes. */
const STAGES = { load: 0.1, evaluate: 0.6, train: 0.25 } as const;

/** JSON as PostgreSQL stores it: non-finite numbers (empty reliability bins) become null. */
const toJson = (value: unknown): string => JSON.stringify(value);

/**
 * The metrics stored with a model (`churn_models.metrics`): cross-validation (what activation
 * compares) and the final fit. Non-finite numbers are stored as null.
 */
export interface StoredChurnMetrics {
  readonly heldout: {
    readonly metric: string;
    readonly value: number;
    readonly definition: string;
  };
  readonly crossValidation: Pick<
    ChurnEvaluation,
    | 'folds'
    | 'seed'
    | 'rows'
    | 'positives'
    | 'prevalence'
    | 'seconds'
    | 'chosen'
    | 'pooled'
    | 'baseline'
    | 'perFold'
  > & { readonly summary: ChurnEvaluation['metrics'] };
  readonly training: Omit<ChurnModel['training'], 'backend'> & {
    readonly backend: ChurnModel['training']['backend'];
  };
  readonly excluded: TrainingData['excluded'];
}

/** Global importance as stored (`churn_models.importance`). */
export type StoredImportance = readonly FeatureImportance[];

function modelMetrics(
  data: TrainingData,
  evaluation: ChurnEvaluation,
  model: ChurnModel,
): StoredChurnMetrics {
  return {
    heldout: {
      metric: HELDOUT_METRIC,
      value: evaluation.metrics.rocAuc.mean,
      definition: `mean ROC-AUC over ${evaluation.folds} stratified cross-validation folds, each scored by a pipeline fitted without it`,
    },
    crossValidation: {
      folds: evaluation.folds,
      seed: evaluation.seed,
      rows: evaluation.rows,
      positives: evaluation.positives,
      prevalence: evaluation.prevalence,
      seconds: evaluation.seconds,
      chosen: evaluation.chosen,
      summary: evaluation.metrics,
      pooled: evaluation.pooled,
      baseline: evaluation.baseline,
      perFold: evaluation.perFold,
    },
    training: {
      kind: model.training.kind,
      backend: model.training.backend,
      seconds: model.training.seconds,
      rows: model.training.rows,
      positives: model.training.positives,
      seed: model.training.seed,
      candidates: model.training.candidates,
      outOfFold: model.training.outOfFold,
      trainedAt: model.training.trainedAt,
    },
    excluded: data.excluded,
  };
}

function engineOptions(
  params: ChurnTrainParams,
  onProgress: (progress: ChurnProgress) => void,
): ChurnTrainingOptions {
  return {
    seed: params.seed ?? 42,
    ...(params.model === undefined ? {} : { model: params.model }),
    ...(params.calibration === undefined ? {} : { calibration: params.calibration }),
    ...(params.riskBands === undefined ? {} : { riskBands: params.riskBands }),
    onProgress,
  };
}

/** Progress from inside the engine (a sync callback): written in the background, never thrown. */
function reporter(
  context: JobContext<ChurnTrainParams>,
  from: number,
  width: number,
  what: string,
) {
  return (step: ChurnProgress) => {
    context
      .progress(
        from + (width * step.done) / Math.max(1, step.total),
        `${what}: ${step.done} of ${step.total} networks`,
      )
      .catch((error: unknown) =>
        context.logger.warn({
          msg: 'progress write failed',
          jobId: context.job.id,
          ...errorFields(error),
        }),
      );
  };
}

/**
 * `churn-train`: reads the labelled customers (see `loadTrainingData`), cross-validates the
 * whole pipeline (the held-out metrics), trains the final model on every row, and stores it
 * with its metrics in the finishing transaction. The new model becomes active only when no
 * model is active or it beats the active one on held-out ROC-AUC for the same label
 * (`decideActivation`); otherwise it stays `trained` for an explicit activation.
 *
 * Cancellation is honoured between stages: the engine trains networks in a loop that cannot
 * yet be interrupted without leaking the networks trained so far.
 */
export const churnTrainJob: JobHandler<ChurnTrainParams> = {
  kind: 'churn-train',
  description: 'Train and evaluate a churn classifier; activate it if it beats the active one',
  roles: ['admin', 'analyst'],
  // A crash mid-training usually repeats (memory, data); one retry covers a lost connection.
  maxAttempts: 2,
  params: ChurnTrainParamsSchema,
  async run(context) {
    const { db, job, params } = context;
    const workspaceId = job.workspace_id;
    await context.progress(0, 'reading training data');
    const data = await loadTrainingData(db, workspaceId, params, (fraction, message) =>
      context.progress(STAGES.load * fraction, message),
    );
    context.throwIfCancelled();
    const { dataset } = data;
    const folds = params.folds ?? 5;
    const evaluation = await crossValidateChurn(dataset, {
      ...engineOptions(params, reporter(context, STAGES.load, STAGES.evaluate, 'cross-validation')),
      folds,
    });
    context.throwIfCancelled();
    const model = await trainChurnModel(
      dataset,
      engineOptions(
        params,
        reporter(context, STAGES.load + STAGES.evaluate, STAGES.train, 'final model'),
      ),
    );
    let artifact: Uint8Array;
    try {
      artifact = await churnModelToBytes(model);
    } finally {
      disposeChurnModel(model);
    }
    context.throwIfCancelled();
    const heldout = evaluation.metrics.rocAuc.mean;
    const result: JsonObject = {
      rows: dataset.rows.length,
      positives: evaluation.positives,
      inputs: data.featureSchema.inputs.map((input) => input.name),
      heldout: { metric: HELDOUT_METRIC, value: Number.isFinite(heldout) ? heldout : null },
      classifier: model.training.kind,
      backend: model.training.backend.name,
      trainingSeconds: model.training.seconds,
      evaluationSeconds: evaluation.seconds,
    };
    let message = '';
    return {
      // Filled in by `persist`, which runs before the worker stores the result and message.
      result,
      get message() {
        return message;
      },
      persist: async (trx, record) => {
        await lockChurnModels(trx, workspaceId);
        const version = await nextChurnModelVersion(trx, workspaceId);
        const row = await insertChurnModel(trx, {
          workspace_id: workspaceId,
          version,
          label: toJson(dataset.label),
          feature_schema: toJson(data.featureSchema),
          artifact: Buffer.from(artifact.buffer, artifact.byteOffset, artifact.byteLength),
          metrics: toJson(modelMetrics(data, evaluation, model)),
          heldout_metric: HELDOUT_METRIC,
          heldout_value: heldout,
          importance: toJson(model.importance),
          risk_bands: toJson(model.riskBands),
          classifier: model.training.kind,
          backend: model.training.backend.name,
          training_seconds: model.training.seconds,
          training_rows: dataset.rows.length,
          positives: evaluation.positives,
          job_id: job.id,
          created_by: job.created_by,
        });
        const active = await findActiveChurnModel(trx, workspaceId);
        const decision = decideActivation(
          candidateOf(row),
          active === undefined ? undefined : candidateOf(active),
        );
        if (decision.activate) {
          await activateWithin(trx, row, {
            mode: 'auto',
            reason: decision.reason,
            activatedBy: job.created_by,
          });
        }
        await record({
          action: 'churn-model.trained',
          resource: 'churn-model',
          resourceId: row.id,
          workspaceId,
          data: {
            jobId: job.id,
            version,
            heldout: { metric: HELDOUT_METRIC, value: heldout },
            activated: decision.activate,
            activation: decision.reason,
          },
        });
        Object.assign(result, {
          modelId: row.id,
          version,
          activated: decision.activate,
          activation: decision.reason,
        });
        message = `churn model v${version}: ROC-AUC ${heldout.toFixed(3)} (${folds}-fold CV); ${decision.activate ? 'activated' : 'not activated'}: ${decision.reason}`;
      },
    };
  },
};
