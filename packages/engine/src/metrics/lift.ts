import { EngineError, requireArgument } from '../errors.ts';
import { checkBinaryInputs, countPositives, indicesByScoreDescending } from './binary-labels.ts';

/** One group of a lift table (groups ordered from highest to lowest score). */
export interface LiftGroup {
  /** 1 = the highest-scoring group. */
  readonly group: number;
  readonly count: number;
  /** Expected positives: fractional where a run of tied scores straddles a group edge. */
  readonly positives: number;
  /** Positive rate in the group. */
  readonly rate: number;
  /** rate / overall positive rate. */
  readonly lift: number;
  /** Positive rate of groups 1..group together, over the overall rate. */
  readonly cumulativeLift: number;
  /** Share of all positives found in groups 1..group. */
  readonly cumulativeCapture: number;
}

/**
 * Lift table: rows sorted by score (highest first) and cut into `groups` groups of
 * near-equal size (the first `rows % groups` get one extra row). A run of equal scores that
 * straddles a group edge is shared pro rata — the positives of the run are spread evenly over
 * its rows — so the table does not depend on row order (a constant score has lift 1 in every
 * group).
 *
 * @param groups - @default 10 (deciles)
 */
export function liftTable(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  groups = 10,
): LiftGroup[] {
  checkBinaryInputs(scores, labels, { scoresOnly: true });
  requireArgument(Number.isInteger(groups) && groups >= 1, 'groups', `must be an integer >= 1`);
  const n = labels.length;
  if (n < groups) {
    throw new EngineError(
      'degenerate_data',
      `a lift table of ${groups} groups needs at least ${groups} rows, got ${n}`,
    );
  }
  const total = countPositives(labels);
  if (total === 0) throw new EngineError('degenerate_data', 'lift needs at least one positive');
  const overall = total / n;
  const order = indicesByScoreDescending(scores);
  // positivesBefore[k]: expected positives among the first k sorted rows, tie runs spread evenly
  const positivesBefore = new Float64Array(n + 1);
  for (let runStart = 0; runStart < n;) {
    let runEnd = runStart + 1;
    while (runEnd < n && scores[order[runEnd]!] === scores[order[runStart]!]) runEnd++;
    let runPositives = 0;
    for (let k = runStart; k < runEnd; k++) runPositives += labels[order[k]!]!;
    const perRow = runPositives / (runEnd - runStart);
    for (let k = runStart; k < runEnd; k++) positivesBefore[k + 1] = positivesBefore[k]! + perRow;
    runStart = runEnd;
  }
  const base = Math.floor(n / groups);
  const extra = n % groups;
  const table: LiftGroup[] = [];
  let start = 0;
  for (let g = 0; g < groups; g++) {
    const size = base + (g < extra ? 1 : 0);
    const positives = positivesBefore[start + size]! - positivesBefore[start]!;
    start += size;
    const cumulativePositives = positivesBefore[start]!;
    table.push({
      group: g + 1,
      count: size,
      positives,
      rate: positives / size,
      lift: positives / size / overall,
      cumulativeLift: cumulativePositives / start / overall,
      cumulativeCapture: cumulativePositives / total,
    });
  }
  return table;
}
