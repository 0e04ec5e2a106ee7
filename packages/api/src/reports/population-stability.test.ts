import { describe, expect, it } from 'vitest';
import { populationStabilityIndex, PSI_FLOOR } from './population-stability.ts';

describe('populationStabilityIndex', () => {
  it('is 0 for the same distribution', () => {
    expect(populationStabilityIndex([0.2, 0.3, 0.5], [0.2, 0.3, 0.5])).toBe(0);
  });

  it('sums (actual − expected) · ln(actual / expected) over the bins', () => {
    // (0.25 − 0.5)·ln(0.5) + (0.75 − 0.5)·ln(1.5)
    expect(populationStabilityIndex([0.5, 0.5], [0.25, 0.75])).toBeCloseTo(
      0.25 * Math.log(2) + 0.25 * Math.log(1.5),
      12,
    );
  });

  it('floors empty bins instead of returning infinity', () => {
    const psi = populationStabilityIndex([1, 0], [0.5, 0.5]);
    expect(psi).toBeCloseTo(
      -0.5 * Math.log(0.5) + (0.5 - PSI_FLOOR) * Math.log(0.5 / PSI_FLOOR),
      12,
    );
  });

  it('is null when a side has no population and rejects mismatched bins', () => {
    expect(populationStabilityIndex([0, 0], [0.5, 0.5])).toBeNull();
    expect(() => populationStabilityIndex([1], [0.5, 0.5])).toThrow(RangeError);
  });
});
