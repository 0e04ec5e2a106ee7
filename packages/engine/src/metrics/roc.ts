import { EngineError } from '../errors.ts';
import { checkBinaryInputs, countPositives, indicesByScoreDescending } from './binary-labels.ts';

/** One operating point: predicting positive for every score `>= threshold`. */
export interface RocPoint {
  /** `null` for the (0, 0) start, where nothing is predicted positive (JSON has no Infinity). */
  readonly threshold: number | null;
  readonly falsePositiveRate: number;
  readonly truePositiveRate: number;
}

function requireBothClasses(positives: number, rows: number, metric: string): void {
  if (positives === 0 || positives === rows) {
    throw new EngineError(
      'degenerate_data',
      `${metric} needs both classes; got ${positives} positives in ${rows} rows`,
    );
  }
}

/**
 * Area under the ROC curve: the probability that a random positive scores above a random
 * negative, ties counting one half (Mann–Whitney U with midranks), so it is exact and O(n log n).
 *
 * @param scores - `[rows]` any finite scores (probabilities or logits)
 * @param labels - `[rows]` 0/1
 * @example
 * rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]); // 0.75
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkBinaryInputs(scores, labels, { scoresOnly: true });
  const n = labels.length;
  const positives = countPositives(labels);
  requireBothClasses(positives, n, 'ROC-AUC');
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positiveRankSum = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const midrank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) positiveRankSum += labels[order[k]!]! * midrank;
    start = end + 1;
  }
  const negatives = n - positives;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * The ROC curve: one point per distinct score (thresholds descending), starting at (0, 0)
 * with threshold `null` (nothing predicted positive) and ending at (1, 1).
 *
 * @returns points in order of increasing false positive rate
 */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): RocPoint[] {
  checkBinaryInputs(scores, labels, { scoresOnly: true });
  const n = labels.length;
  const positives = countPositives(labels);
  requireBothClasses(positives, n, 'a ROC curve');
  const negatives = n - positives;
  const order = indicesByScoreDescending(scores);
  const points: RocPoint[] = [{ threshold: null, falsePositiveRate: 0, truePositiveRate: 0 }];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      points.push({
        threshold: scores[i]!,
        falsePositiveRate: fp / negatives,
        truePositiveRate: tp / positives,
      });
    }
  }
  return points;
}
