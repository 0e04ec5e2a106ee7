import { sql } from 'kysely';
import { churnModelFromBytes, disposeChurnModel, scoreChurnChunk } from '@tagwise/engine';
import { countCustomers, streamCustomers } from '../customers/customer.repository.ts';
import type { Db } from '../db/database.ts';
import { parseTimestamp } from '../io/timestamp.ts';
import { PermanentJobError, type JobHandler } from '../jobs/job-registry.ts';
import { buildScoringBatch } from './churn-inputs.ts';
import { findActiveChurnModel, findChurnModelArtifact } from './churn-model.repository.ts';
import { ChurnScoreParamsSchema, type ChurnScoreParams } from './churn-params.ts';
import {
  completeScoring,
  insertPredictions,
  startScoring,
  type ScoringSummary,
} from './churn-prediction.repository.ts';
import type { NewChurnPredictionRow } from './churn-prediction.table.ts';

/** Customers read, scored and written per step: memory stays flat whatever the workspace size. */
export const SCORE_BATCH_CUSTOMERS = 2000;

/** Top factors stored per prediction. */
export const STORED_FACTORS = 3;

async function databaseNow(db: Db): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db);
  return rows[0]!.now;
}

/**
 * `churn-score`: scores every customer of the workspace with the active model, in keyset
 * batches of `SCORE_BATCH_CUSTOMERS` (read, build inputs, score, write), never holding more
 * than one batch.
 *
 * Why chunked writes with a final swap rather than everything in `persist`: predictions
 * carry their top factors (a few hundred bytes each), so keeping a million of them until
 * the end would cost hundreds of MB and one huge finishing transaction. Each batch is
 * written under this job's scoring id instead, invisible to readers; the finishing
 * transaction only flips the workspace's current scoring to this one and deletes the
 * superseded sets. A cancelled, failed or crashed job never becomes current, so the
 * previous predictions stay in use, and its rows are removed by the next successful swap.
 */
export const churnScoreJob: JobHandler<ChurnScoreParams> = {
  kind: 'churn-score',
  description: "Score every customer with the workspace's active churn model",
  roles: ['admin', 'analyst'],
  params: ChurnScoreParamsSchema,
  async run(context) {
    const { db, job, params } = context;
    const workspaceId = job.workspace_id;
    const asOf = params.asOf === undefined ? await databaseNow(db) : parseTimestamp(params.asOf)!;
    const active = await findActiveChurnModel(db, workspaceId);
    if (active === undefined) {
      throw new PermanentJobError(
        'the workspace has no active churn model: train one (churn-train) or activate one first',
        'no-active-model',
      );
    }
    const artifact = await findChurnModelArtifact(db, workspaceId, active.id);
    // The job loads its own copy (not the request cache): it is disposed when the job ends,
    // so a score job leaves no tensors behind.
    const model = await churnModelFromBytes(artifact!);
    const bandCounts: Record<string, number> = Object.fromEntries(
      active.risk_bands.labels.map((label) => [label, 0]),
    );
    let scored = 0;
    let skipped = 0;
    let probabilitySum = 0;
    const skipReasons: Record<string, number> = {};
    try {
      await startScoring(db, { jobId: job.id, workspaceId, modelId: active.id, asOf });
      const { total } = await countCustomers(db, workspaceId);
      await context.progress(0, `0 of ${total} customers`);
      let done = 0;
      for await (const customers of streamCustomers(db, workspaceId, {
        batchSize: SCORE_BATCH_CUSTOMERS,
      })) {
        context.throwIfCancelled();
        const batch = await buildScoringBatch(db, active.feature_schema, customers, asOf);
        for (const { reason } of batch.skipped)
          skipReasons[reason] = (skipReasons[reason] ?? 0) + 1;
        skipped += batch.skipped.length;
        if (batch.customerIds.length > 0) {
          const scores = scoreChurnChunk(model, batch.chunk, {
            ids: batch.customerIds.map(String),
            top: STORED_FACTORS,
          });
          const scoredAt = new Date();
          const rows: NewChurnPredictionRow[] = batch.customerIds.map((customerId, i) => {
            const probability = scores.probabilities[i]!;
            const band = scores.bands[i]!;
            bandCounts[band] = (bandCounts[band] ?? 0) + 1;
            probabilitySum += probability;
            return {
              scoring_job_id: job.id,
              workspace_id: workspaceId,
              customer_id: customerId,
              model_id: active.id,
              probability,
              risk_band: band,
              factors: JSON.stringify(
                (scores.factors?.[i] ?? []).map((f) => ({
                  feature: f.feature,
                  value: f.value ?? null,
                  contribution: f.contribution,
                })),
              ),
              scored_at: scoredAt,
            };
          });
          await insertPredictions(db, rows);
          scored += rows.length;
        }
        done += customers.length;
        await context.progress(
          total === 0 ? 1 : Math.min(1, done / total),
          `${done} of ${total} customers`,
        );
      }
    } finally {
      disposeChurnModel(model);
    }
    const summary: ScoringSummary = {
      scored,
      skipped,
      bandCounts,
      meanProbability: scored === 0 ? null : probabilitySum / scored,
    };
    return {
      result: {
        modelId: active.id,
        version: active.version,
        asOf: asOf.toISOString(),
        scored,
        skipped,
        skipReasons,
        bandCounts,
        meanProbability: summary.meanProbability,
      },
      message: `scored ${scored} customers with churn model v${active.version}${describeSkipped(skipped, skipReasons)}`,
      analyze: ['churn_predictions', 'churn_scorings'],
      persist: async (trx, record) => {
        await completeScoring(trx, workspaceId, job.id, summary);
        await record({
          action: 'churn-scoring.completed',
          resource: 'job',
          resourceId: job.id,
          workspaceId,
          data: { modelId: active.id, version: active.version, scored, skipped, bandCounts },
        });
      },
    };
  },
};

/**
 * `; 33 skipped — no purchase before the cut-off (…)` when one reason covers them all,
 * `; 33 skipped — 30: <reason>; 3: <reason>` when several do, or nothing when none was.
 */
function describeSkipped(skipped: number, reasons: Readonly<Record<string, number>>): string {
  if (skipped === 0) return '';
  const entries = Object.entries(reasons);
  const why =
    entries.length === 1
      ? entries[0]![0]
      : entries.map(([reason, count]) => `${count}: ${reason}`).join('; ');
  return `; ${skipped} skipped — ${why}`;
}
