import { EngineError, requireArgument } from '../errors.ts';
import { checkBinaryInputs, countPositives, indicesByScoreDescending } from './binary-labels.ts';

/** One group of a lift table (groups ordered from highest to lowest score). */
export interface LiftGroup {
  /** 1 = the highest-scoring group. */
  readonly group: number;
  readonly count: number;
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
 * Lift table: rows sorted by score (highest first, ties in row order) and cut into `groups`
 * groups of near-equal size (the first `rows % groups` get one extra row).
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
  const base = Math.floor(n / groups);
  const extra = n % groups;
  const table: LiftGroup[] = [];
  let start = 0;
  let cumulativePositives = 0;
  for (let g = 0; g < groups; g++) {
    const size = base + (g < extra ? 1 : 0);
    let positives = 0;
    for (let k = start; k < start + size; k++) positives += labels[order[k]!]!;
    start += size;
    cumulativePositives += positives;
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
