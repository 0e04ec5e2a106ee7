import { sql, type Db } from '@tagwise/api';

/** Risk bands of the stored test models: below 0.5 low, else high, unless a test says otherwise. */
export const TWO_BANDS = { thresholds: [0.5], labels: ['low', 'high'] };

/**
 * An active churn model row written straight to the database (no training): only what
 * readers of models use — its label, bands and stored metrics — is meaningful.
 */
export async function insertChurnModel(
  db: Db,
  workspaceId: string,
  fields: {
    label: Record<string, unknown>;
    riskBands?: { thresholds: number[]; labels: string[] };
    metrics?: Record<string, unknown>;
    trainingRows?: number;
  },
): Promise<string> {
  const row = await db
    .insertInto('churn_models')
    .values({
      workspace_id: workspaceId,
      version: 1,
      status: 'active',
      label: JSON.stringify(fields.label),
      feature_schema: JSON.stringify({
        behaviouralSource: 'events',
        windowDays: 90,
        inputs: [],
        dropped: [],
      }),
      artifact: new Uint8Array([1]),
      metrics: JSON.stringify(fields.metrics ?? {}),
      heldout_metric: 'roc_auc',
      heldout_value: 0.8,
      importance: '[]',
      risk_bands: JSON.stringify(fields.riskBands ?? TWO_BANDS),
      classifier: 'logistic',
      backend: 'cpu',
      training_seconds: 1,
      training_rows: fields.trainingRows ?? 1,
      positives: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A completed scoring by `modelId` with one prediction per entry; `current` makes it the
 * one readers use. Its job is stored finished, so the test server's worker leaves it alone.
 *
 * @returns the scoring's job id
 */
export async function insertScoring(
  db: Db,
  workspaceId: string,
  modelId: string,
  scoring: {
    asOf: Date;
    current: boolean;
    predictions: readonly { customerId: number; probability: number; riskBand: string }[];
  },
): Promise<string> {
  const job = await db
    .insertInto('jobs')
    .values({
      workspace_id: workspaceId,
      kind: 'churn-score',
      params: '{}',
      status: 'succeeded',
      finished_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('churn_scorings')
    .values({ job_id: job.id, workspace_id: workspaceId, model_id: modelId, as_of: scoring.asOf })
    .execute();
  await sql`UPDATE churn_scorings SET completed_at = now(), is_current = ${scoring.current}
             WHERE job_id = ${job.id}`.execute(db);
  if (scoring.predictions.length > 0) {
    await db
      .insertInto('churn_predictions')
      .values(
        scoring.predictions.map((p) => ({
          scoring_job_id: job.id,
          workspace_id: workspaceId,
          customer_id: p.customerId,
          model_id: modelId,
          probability: p.probability,
          risk_band: p.riskBand,
          factors: '[]',
          scored_at: new Date(),
        })),
      )
      .execute();
  }
  return job.id;
}
