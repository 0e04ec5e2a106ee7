import type { Factor } from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import { factorText } from '../suggestions/factor-text.ts';
import type { StoredCandidate, SuggestionProvider } from '../suggestions/suggestion-source.ts';
import { ensureTag, findTagBySlug, type TagSpec } from '../tags/tag.repository.ts';
import type { TagRow } from '../tags/tag.table.ts';
import { findActiveChurnModel } from './churn-model.repository.ts';
import { listCurrentPredictionsOfModel } from './churn-prediction.repository.ts';
import type { StoredFactor } from './churn-prediction.table.ts';

/** The predictive tag churn suggestions propose. */
export const LIKELY_TO_CHURN_TAG: TagSpec = {
  slug: 'likely-to-churn',
  displayName: 'Likely to churn',
  kind: 'predictive',
  category: 'lifecycle',
  definition:
    "The workspace's active churn model gives this customer a high calibrated probability of churning.",
  usageNote:
    'The suggestion confidence is the calibrated churn probability (calibration fitted on rows the model did not train on); the explanation names the risk band and the inputs that pushed the prediction most. Re-score after activating a new model.',
  source: { type: 'model', modelKind: 'churn' },
};

/** Creates the `likely-to-churn` tag unless the workspace has it (an existing tag is left as the analysts edited it). */
export function ensureChurnTag(db: Db, workspaceId: string): Promise<TagRow> {
  return ensureTag(db, workspaceId, LIKELY_TO_CHURN_TAG);
}

/**
 * One sentence for a reviewer, e.g. `Churn risk high (82%, model v3): tenure = 2 raises it,
 * contract = Month-to-month raises it, monthly_charges = 95.1 lowers it.`
 */
export function churnExplanation(
  probability: number,
  riskBand: string,
  factors: readonly StoredFactor[],
  modelVersion: number,
): string {
  const head = `Churn risk ${riskBand} (${Math.round(probability * 100)}%, model v${modelVersion})`;
  if (factors.length === 0) return `${head}.`;
  const parts = factors.map(
    (f) => `${factorText(f.feature, f.value)} ${f.contribution >= 0 ? 'raises' : 'lowers'} it`,
  );
  return `${head}: ${parts.join(', ')}.`;
}

/** Stored factors in the engine's suggestion shape (values are numbers or text). */
export function suggestionFactors(factors: readonly StoredFactor[]): Factor[] {
  return factors.map((f) => ({
    feature: f.feature,
    value: f.value === null ? 'missing' : typeof f.value === 'number' ? f.value : String(f.value),
    contribution: f.contribution,
  }));
}

/** Predictions read per query while yielding candidates. */
const BATCH = 1000;

/** The threshold the tag's current definition sets (its source), 0 when it sets none. */
async function churnThreshold(db: Db, workspaceId: string): Promise<number> {
  const tag = await findTagBySlug(db, workspaceId, LIKELY_TO_CHURN_TAG.slug);
  return tag?.source?.type === 'model' ? (tag.source.threshold ?? 0) : 0;
}

/**
 * Churn suggestions: for every customer whose current prediction comes from the active
 * model and reaches the threshold of the `likely-to-churn` tag's source (as the tag is
 * defined now: an edit or rollback of the tag changes the next suggestions),
 * `likely-to-churn` with the calibrated probability as confidence, the model id as source
 * version, the top factors and an explanation naming the risk band. Whether a candidate is
 * stored, reviewed or skipped is then the suggestion policy's decision.
 */
export const churnSuggestionProvider: SuggestionProvider = {
  source: 'churn',
  async *candidates({ db, workspaceId, signal }) {
    const model = await findActiveChurnModel(db, workspaceId);
    if (model === undefined) return;
    const threshold = await churnThreshold(db, workspaceId);
    let afterCustomerId = 0;
    while (!signal.aborted) {
      const rows = await listCurrentPredictionsOfModel(db, workspaceId, model.id, {
        afterCustomerId,
        limit: BATCH,
      });
      if (rows.length === 0) return;
      yield rows
        .filter((row) => row.probability >= threshold)
        .map((row): StoredCandidate => ({
          customerId: row.customer_id,
          tagSlug: LIKELY_TO_CHURN_TAG.slug,
          source: 'churn',
          sourceVersion: model.id,
          confidence: row.probability,
          factors: suggestionFactors(row.factors),
          explanation: churnExplanation(row.probability, row.risk_band, row.factors, model.version),
        }));
      afterCustomerId = rows[rows.length - 1]!.customer_id;
      if (rows.length < BATCH) return;
    }
  },
};
