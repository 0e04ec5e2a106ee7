/** Shares below this are taken as this when comparing: an empty bin would make the log infinite. */
export const PSI_FLOOR = 1e-4;

/**
 * Population stability index between two distributions over the same bins:
 * PSI = Σ (actualᵢ − expectedᵢ) · ln(actualᵢ / expectedᵢ), each share floored at `PSI_FLOOR`.
 * It is 0 for identical distributions and grows with the shift; the usual reading is
 * < 0.1 stable, 0.1–0.25 a moderate shift worth watching, > 0.25 a major shift (retrain).
 *
 * @param expected - `[bins]` shares of the reference population (summing to 1)
 * @param actual - `[bins]` shares of the population now
 * @returns the index, or null when either side is empty (all shares 0)
 * @example
 * populationStabilityIndex([0.5, 0.5], [0.25, 0.75]); // −0.25·ln 0.5 + 0.25·ln 1.5 ≈ 0.2747
 */
export function populationStabilityIndex(
  expected: readonly number[],
  actual: readonly number[],
): number | null {
  if (expected.length !== actual.length) {
    throw new RangeError(`bin counts differ: ${expected.length} expected, ${actual.length} actual`);
  }
  const total = (shares: readonly number[]) => shares.reduce((a, b) => a + b, 0);
  if (total(expected) === 0 || total(actual) === 0) return null;
  let psi = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = Math.max(expected[i]!, PSI_FLOOR);
    const a = Math.max(actual[i]!, PSI_FLOOR);
    psi += (a - e) * Math.log(a / e);
  }
  return psi;
}
