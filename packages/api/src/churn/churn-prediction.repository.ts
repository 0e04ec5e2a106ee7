import { sql } from 'kysely';
import { chunks, INSERT_CHUNK_ROWS } from '../db/chunks.ts';
import type { CustomerRow } from '../customers/customer.table.ts';
import type { Db } from '../db/database.ts';
import { customerLookupBatches } from '../db/customer-lookup-batches.ts';
import type { ChurnModelStatus } from './churn-model.table.ts';
import type {
  ChurnScoringRow,
  NewChurnPredictionRow,
  StoredFactor,
} from './churn-prediction.table.ts';

/**
 * Registers a scoring job as started. A retried attempt starts over: the rows its earlier
 * attempt wrote go with its old scoring row (the foreign key cascades).
 */
export async function startScoring(
  db: Db,
  scoring: { jobId: string; workspaceId: string; modelId: string; asOf: Date },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('churn_scorings').where('job_id', '=', scoring.jobId).execute();
    await trx
      .insertInto('churn_scorings')
      .values({
        job_id: scoring.jobId,
        workspace_id: scoring.workspaceId,
        model_id: scoring.modelId,
        as_of: scoring.asOf,
      })
      .execute();
  });
}

/** Writes one chunk of a running scoring's predictions (invisible until the scoring is current). */
export async function insertPredictions(
  db: Db,
  predictions: readonly NewChurnPredictionRow[],
): Promise<void> {
  for (const chunk of chunks(predictions, INSERT_CHUNK_ROWS)) {
    await db.insertInto('churn_predictions').values(chunk).execute();
  }
}

export interface ScoringSummary {
  readonly scored: number;
  readonly skipped: number;
  readonly bandCounts: Record<string, number>;
  readonly meanProbability: number | null;
}

/**
 * The swap, run in a scoring job's finishing transaction: this scoring becomes the
 * workspace's current one, and the prediction sets of superseded scorings and of abandoned
 * ones (failed or cancelled jobs) are deleted. Sets of scorings still queued or running are
 * left alone, so concurrent scoring jobs never delete each other's rows mid-run.
 */
export async function completeScoring(
  trx: Db,
  workspaceId: string,
  jobId: string,
  summary: ScoringSummary,
): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`churn-scorings:${workspaceId}`}))`.execute(
    trx,
  );
  await trx
    .updateTable('churn_scorings')
    .set({ is_current: false })
    .where('workspace_id', '=', workspaceId)
    .where('is_current', '=', true)
    .execute();
  await trx
    .updateTable('churn_scorings')
    .set({
      is_current: true,
      completed_at: sql<Date>`now()`,
      scored: summary.scored,
      skipped: summary.skipped,
      band_counts: JSON.stringify(summary.bandCounts),
      mean_probability: summary.meanProbability,
    })
    .where('job_id', '=', jobId)
    .execute();
  const notRunning = sql<boolean>`NOT EXISTS (
    SELECT 1 FROM jobs j WHERE j.id = churn_scorings.job_id AND j.status IN ('queued', 'running'))`;
  // Completed scorings stay as history (their band counts); only their rows go.
  await trx
    .deleteFrom('churn_predictions')
    .where(
      'scoring_job_id',
      'in',
      trx
        .selectFrom('churn_scorings')
        .select('job_id')
        .where('workspace_id', '=', workspaceId)
        .where('is_current', '=', false)
        .where('completed_at', 'is not', null),
    )
    .execute();
  // Abandoned scorings never completed: their rows cascade with them.
  await trx
    .deleteFrom('churn_scorings')
    .where('workspace_id', '=', workspaceId)
    .where('completed_at', 'is', null)
    .where('job_id', '<>', jobId)
    .where(notRunning)
    .execute();
}

export async function findCurrentScoring(
  db: Db,
  workspaceId: string,
): Promise<ChurnScoringRow | undefined> {
  return db
    .selectFrom('churn_scorings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('is_current', '=', true)
    .executeTakeFirst();
}

/** A stored prediction with the model that made it. */
export interface PredictionWithModel {
  readonly customerId: number;
  readonly probability: number;
  readonly riskBand: string;
  readonly factors: StoredFactor[];
  readonly scoredAt: Date;
  readonly modelId: string;
  readonly modelVersion: number;
  readonly modelStatus: ChurnModelStatus;
}

function currentPredictionQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('churn_scorings as s')
    .innerJoin('churn_predictions as p', 'p.scoring_job_id', 's.job_id')
    .innerJoin('churn_models as m', 'm.id', 'p.model_id')
    .select([
      'p.customer_id',
      'p.probability',
      'p.risk_band',
      'p.factors',
      'p.scored_at',
      'm.id as model_id',
      'm.version',
      'm.status',
    ])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.is_current', '=', true);
}

type CurrentPredictionRow = Awaited<
  ReturnType<ReturnType<typeof currentPredictionQuery>['execute']>
>[number];

const toPredictionWithModel = (row: CurrentPredictionRow): PredictionWithModel => ({
  customerId: row.customer_id,
  probability: row.probability,
  riskBand: row.risk_band,
  factors: row.factors,
  scoredAt: row.scored_at,
  modelId: row.model_id,
  modelVersion: row.version,
  modelStatus: row.status,
});

/** The current predictions of these customers (any model), keyed by customer id. */
export async function findCurrentPredictions(
  db: Db,
  workspaceId: string,
  customerIds: readonly number[],
): Promise<Map<number, PredictionWithModel>> {
  if (customerIds.length === 0) return new Map();
  const rows = await currentPredictionQuery(db, workspaceId)
    .where('p.customer_id', 'in', customerIds)
    .execute();
  return new Map(rows.map((row) => [row.customer_id, toPredictionWithModel(row)]));
}

/**
 * The hot read path of services asking for a customer's churn: the current scoring's
 * prediction for one external id, with its model. Same columns as `currentPredictionQuery`;
 * answered in batches (see `customerLookupBatches`).
 */
const currentPredictionOf = customerLookupBatches<CurrentPredictionRow>(
  'current_churn_prediction_by_external_id',
  `SELECT p.customer_id, p.probability, p.risk_band, p.factors, p.scored_at, p.model_id,
          m.version, m.status
     FROM customers c
     JOIN churn_scorings s ON s.workspace_id = c.workspace_id AND s.is_current
     JOIN churn_predictions p ON p.scoring_job_id = s.job_id AND p.customer_id = c.id
     JOIN churn_models m ON m.id = p.model_id
    WHERE c.workspace_id = key.workspace_id AND c.external_id = key.external_id`,
);

/** One customer's current prediction by external id. */
export async function findCurrentPredictionByExternalId(
  db: Db,
  workspaceId: string,
  externalId: string,
): Promise<PredictionWithModel | undefined> {
  const row = await currentPredictionOf(db, workspaceId, externalId);
  return row === undefined ? undefined : toPredictionWithModel(row);
}

/** One batch of the current predictions made by `modelId`, in customer id order after `afterCustomerId`. */
export async function listCurrentPredictionsOfModel(
  db: Db,
  workspaceId: string,
  modelId: string,
  options: { afterCustomerId: number; limit: number },
): Promise<
  { customer_id: number; probability: number; risk_band: string; factors: StoredFactor[] }[]
> {
  return db
    .selectFrom('churn_scorings as s')
    .innerJoin('churn_predictions as p', 'p.scoring_job_id', 's.job_id')
    .select(['p.customer_id', 'p.probability', 'p.risk_band', 'p.factors'])
    .where('s.workspace_id', '=', workspaceId)
    .where('s.is_current', '=', true)
    .where('p.model_id', '=', modelId)
    .where('p.customer_id', '>', options.afterCustomerId)
    .orderBy('p.customer_id')
    .limit(options.limit)
    .execute();
}

/** Customers of the workspace with these external ids (the inputs scoring needs). */
export async function findCustomersByExternalIds(
  db: Db,
  workspaceId: string,
  externalIds: readonly string[],
): Promise<Pick<CustomerRow, 'id' | 'external_id' | 'attributes' | 'features'>[]> {
  if (externalIds.length === 0) return [];
  return db
    .selectFrom('customers')
    .select(['id', 'external_id', 'attributes', 'features'])
    .where('workspace_id', '=', workspaceId)
    .where('external_id', 'in', externalIds)
    .execute();
}
