/**
 * The first index whose running sum of `weights` reaches `target`, skipping zero weights (a
 * point that already is a centre is never drawn again). When rounding leaves the target just
 * beyond the total, the last positive weight; when every weight is zero, index 0.
 */
export function cumulativeSearch(
  weights: Float64Array,
  target: number,
  start = 0,
  end = weights.length,
  prefix = 0,
): number {
  let acc = prefix;
  let lastPositive = -1;
  for (let i = start; i < end; i++) {
    const w = weights[i]!;
    acc += w;
    if (w > 0) {
      if (acc >= target) return i;
      lastPositive = i;
    }
  }
  return lastPositive >= 0 ? lastPositive : start;
}
