import { requireArgument } from '../errors.ts';
import {
  appendFeatures,
  featureColumn,
  type FeatureTable,
} from '../features/event-features-table.ts';

/** First index at or after `from` whose value passes `test` (which must be monotone). */
function firstIndexWhere(sorted: Float64Array, test: (x: number) => boolean, from = 0): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(sorted[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Rank-based scores 1..bins (quintiles by default), ties sharing a score.
 *
 * Method: sort the finite values ascending (`descending` flips it, so the largest gets 1);
 * a group of equal values occupying 0-based positions lo..hi−1 among n covers the share
 * [lo/n, hi/n) of the list and scores by the centre of that share:
 * `1 + floor(bins · (lo + hi) / (2n))`. Without ties this is exact quantile binning (n = 10:
 * positions 0–1 → 1, 2–3 → 2, ..., 8–9 → 5); equal values always share a score whatever order
 * they arrive in; if every value is equal, all get the middle score (3 of 5). A tie group
 * whose centre falls exactly on a boundary takes the upper score. Non-finite values are not
 * ranked and score 1.
 *
 * @param values - `[n]`
 * @param direction - `ascending`: larger value, higher score; `descending`: the reverse
 * @param bins - @default 5
 * @returns `[n]` scores in 1..bins
 * @example
 * quintileScores([10, 20, 30, 40, 50], 'ascending'); // Uint8Array [1, 2, 3, 4, 5]
 */
export function quintileScores(
  values: ArrayLike<number>,
  direction: 'ascending' | 'descending',
  bins = 5,
): Uint8Array {
  requireArgument(
    Number.isInteger(bins) && bins >= 1 && bins <= 255,
    'bins',
    `must be an integer in 1..255, got ${bins}`,
  );
  const sign = direction === 'ascending' ? 1 : -1;
  const scores = new Uint8Array(values.length).fill(1);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) n++;
  const sorted = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) {
    if (Number.isFinite(values[i]!)) sorted[k++] = sign * values[i]!;
  }
  // a native numeric sort, then each value finds its tie group [lo, hi) by binary search
  sorted.sort();
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (!Number.isFinite(value)) continue;
    const key = sign * value;
    const lo = firstIndexWhere(sorted, (x) => x >= key);
    const hi = firstIndexWhere(sorted, (x) => x > key, lo);
    scores[i] = 1 + Math.floor((bins * (lo + hi)) / (2 * n));
  }
  return scores;
}

export interface RfmColumns {
  /** @default 'recency_days' */
  readonly recency?: string;
  /** @default 'frequency' */
  readonly frequency?: string;
  /** @default 'monetary' */
  readonly monetary?: string;
  /** @default 5 */
  readonly bins?: number;
}

/**
 * Appends `r_score`, `f_score`, `m_score` (1..5 by `quintileScores`) to a feature table.
 * Recency is inverted (fewest days since the last purchase = 5); frequency and monetary are
 * not (most = 5). Scores are relative to the rows of this table.
 *
 * @returns a new table: the input columns, then `r_score`, `f_score`, `m_score`
 * @example
 * const scored = withRfmScores(computeEventFeatures(log, { asOf }));
 */
export function withRfmScores(table: FeatureTable, columns: RfmColumns = {}): FeatureTable {
  const bins = columns.bins ?? 5;
  const recency = featureColumn(table, columns.recency ?? 'recency_days');
  const frequency = featureColumn(table, columns.frequency ?? 'frequency');
  const monetary = featureColumn(table, columns.monetary ?? 'monetary');
  return appendFeatures(table, [
    { name: 'r_score', values: quintileScores(recency, 'descending', bins) },
    { name: 'f_score', values: quintileScores(frequency, 'ascending', bins) },
    { name: 'm_score', values: quintileScores(monetary, 'ascending', bins) },
  ]);
}
