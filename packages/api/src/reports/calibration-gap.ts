/** One bin of a reliability table, aggregated: how many, mean stated probability, observed rate. */
export interface GapBin {
  readonly count: number;
  /** Mean confidence (or predicted probability) in the bin; null when the bin is empty. */
  readonly expected: number | null;
  /** The observed rate (acceptance, realised churn); null when the bin is empty. */
  readonly observed: number | null;
}

/**
 * Weighted mean absolute gap between stated and observed rates over the bins of a
 * reliability table: Σ (countᵦ / n) · |expectedᵦ − observedᵦ| — the expected calibration
 * error when the outcome is "accepted" or "churned". 0 means confidence tracks reality.
 *
 * @returns the gap, or null when no bin has rows
 * @example
 * weightedMeanAbsoluteGap([
 *   { count: 10, expected: 0.85, observed: 0.8 },
 *   { count: 10, expected: 0.35, observed: 0.6 },
 * ]); // 0.5 · 0.05 + 0.5 · 0.25 = 0.15
 */
export function weightedMeanAbsoluteGap(bins: readonly GapBin[]): number | null {
  let n = 0;
  let sum = 0;
  for (const bin of bins) {
    if (bin.count === 0 || bin.expected === null || bin.observed === null) continue;
    n += bin.count;
    sum += bin.count * Math.abs(bin.expected - bin.observed);
  }
  return n === 0 ? null : sum / n;
}
