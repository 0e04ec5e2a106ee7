import type { Db } from '../db/database.ts';
import { activateChurnModel, findActiveChurnModel } from './churn-model.repository.ts';
import type { ChurnActivation, ChurnModelSummaryRow } from './churn-model.table.ts';
import { describeLabel, sameLabel, type ChurnLabelSpec } from './churn-params.ts';
import { ensureChurnTag } from './churn-suggestions.ts';

/** The held-out metric activation compares: cross-validated ROC-AUC (mean over folds). */
export const HELDOUT_METRIC = 'roc_auc';

export interface ActivationCandidate {
  readonly version: number;
  readonly label: ChurnLabelSpec;
  readonly heldoutValue: number;
}

export interface ActivationDecision {
  readonly activate: boolean;
  readonly reason: string;
}

/**
 * Two ROC-AUCs with as many decimals (3 to 6) as it takes to tell them apart, so a reason
 * never reads "0.850 beats 0.850".
 */
function aucPair(candidate: number, active: number): [string, string] {
  let digits = 3;
  while (
    digits < 6 &&
    candidate !== active &&
    candidate.toFixed(digits) === active.toFixed(digits)
  ) {
    digits++;
  }
  return [candidate.toFixed(digits), active.toFixed(digits)];
}

/**
 * Whether a model may replace the active one without an override: when none is active, or
 * when it predicts the same label and its held-out ROC-AUC is strictly higher. ROC-AUC of
 * different labels measures different questions, so such a model never wins automatically.
 *
 * @example
 * decideActivation({ version: 2, label, heldoutValue: 0.91 }, { version: 1, label, heldoutValue: 0.88 });
 * // { activate: true, reason: 'held-out ROC-AUC 0.910 beats the active model v1 (0.880)' }
 */
export function decideActivation(
  candidate: ActivationCandidate,
  active: ActivationCandidate | undefined,
): ActivationDecision {
  if (active === undefined) {
    return { activate: true, reason: 'no churn model was active' };
  }
  if (!sameLabel(candidate.label, active.label)) {
    return {
      activate: false,
      reason: `the active model v${active.version} predicts another label (${describeLabel(active.label)}, this one ${describeLabel(candidate.label)}); ROC-AUC does not compare across labels`,
    };
  }
  const [candidateAuc, activeAuc] = aucPair(candidate.heldoutValue, active.heldoutValue);
  if (!(candidate.heldoutValue > active.heldoutValue)) {
    return {
      activate: false,
      reason: `held-out ROC-AUC ${candidateAuc} does not beat the active model v${active.version} (${activeAuc})`,
    };
  }
  return {
    activate: true,
    reason: `held-out ROC-AUC ${candidateAuc} beats the active model v${active.version} (${activeAuc})`,
  };
}

/** A stored model as an activation candidate. */
export function candidateOf(row: ChurnModelSummaryRow): ActivationCandidate {
  return { version: row.version, label: row.label, heldoutValue: row.heldout_value };
}

/**
 * Activates `target` in the caller's transaction (which must hold `lockChurnModels`):
 * retires the active model, records how and why, and makes sure the `likely-to-churn` tag
 * its suggestions use exists.
 */
export async function activateWithin(
  trx: Db,
  target: ChurnModelSummaryRow,
  how: { mode: ChurnActivation['mode']; reason: string; activatedBy: string | null },
): Promise<{ model: ChurnModelSummaryRow; previous: ChurnModelSummaryRow | undefined }> {
  const previous = await findActiveChurnModel(trx, target.workspace_id);
  const model = await activateChurnModel(
    trx,
    target.workspace_id,
    target.id,
    {
      mode: how.mode,
      reason: how.reason,
      previousModelId: previous?.id ?? null,
      previousVersion: previous?.version ?? null,
      previousHeldout: previous?.heldout_value ?? null,
    },
    how.activatedBy,
  );
  await ensureChurnTag(trx, target.workspace_id);
  return { model, previous };
}
