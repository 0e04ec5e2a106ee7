import { EngineError } from '../errors.ts';
import { checkBinaryInputs, countPositives, indicesByScoreDescending } from './binary-labels.ts';

export interface PrecisionRecallPoint {
  readonly threshold: number;
  readonly recall: number;
  readonly precision: number;
}

/**
 * The precision–recall curve: one point per distinct score, thresholds descending, so recall
 * increases along the list.
 */
export function precisionRecallCurve(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): PrecisionRecallPoint[] {
  checkBinaryInputs(scores, labels, { scoresOnly: true });
  const positives = countPositives(labels);
  if (positives === 0) {
    throw new EngineError(
      'degenerate_data',
      'a precision-recall curve needs at least one positive',
    );
  }
  const order = indicesByScoreDescending(scores);
  const points: PrecisionRecallPoint[] = [];
  let tp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    tp += labels[i]!;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      points.push({ threshold: scores[i]!, recall: tp / positives, precision: tp / (k + 1) });
    }
  }
  return points;
}

/**
 * PR-AUC as average precision: Σ (recallₖ − recallₖ₋₁) · precisionₖ over the distinct
 * thresholds (the step-wise area, no optimistic interpolation). A random ranking scores the
 * positive rate; a perfect one scores 1.
 *
 * @example
 * averagePrecision([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0]); // (0.5·1 + 0.5·2/3) = 0.8333
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  let area = 0;
  let previousRecall = 0;
  for (const point of precisionRecallCurve(scores, labels)) {
    area += (point.recall - previousRecall) * point.precision;
    previousRecall = point.recall;
  }
  return area;
}
