import { describe, expect, it } from 'vitest';
import { weightedMeanAbsoluteGap } from './calibration-gap.ts';

describe('weightedMeanAbsoluteGap', () => {
  it('weights each bin gap by its share of the rows', () => {
    expect(
      weightedMeanAbsoluteGap([
        { count: 10, expected: 0.85, observed: 0.8 },
        { count: 30, expected: 0.35, observed: 0.55 },
      ]),
    ).toBeCloseTo(0.25 * 0.05 + 0.75 * 0.2, 12);
  });

  it('skips empty bins and is null when every bin is empty', () => {
    expect(
      weightedMeanAbsoluteGap([
        { count: 0, expected: null, observed: null },
        { count: 4, expected: 0.5, observed: 0.5 },
      ]),
    ).toBe(0);
    expect(weightedMeanAbsoluteGap([{ count: 0, expected: null, observed: null }])).toBeNull();
  });
});
