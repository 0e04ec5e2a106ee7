import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.ts';
import { adjustedRandIndex } from './adjusted-rand-index.ts';

describe('adjustedRandIndex', () => {
  it('is 1 for the same partition under other label values', () => {
    expect(adjustedRandIndex([0, 0, 1, 1, 2], [7, 7, 3, 3, -1])).toBe(1);
  });

  it('matches hand-computed values', () => {
    // [0,0,1,1] vs [0,0,1,2]: agreeing pairs 1, truth pairs 2, predicted pairs 1, all pairs 6.
    // expected 2·1/6 = 1/3, max (2+1)/2 = 3/2: (1 − 1/3) / (3/2 − 1/3) = 4/7.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 15);
    // Crossed halves: no agreeing pair, expected 2·2/6 = 2/3, max 2: (0 − 2/3) / (4/3) = −1/2.
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 15);
    // One cluster against all singletons: expected 0, index 0.
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    // [0,0,1,1,2,2] vs [0,0,1,2,2,2]: index 1+1=2, truth 3, predicted 1+3=4, all 15:
    // expected 12/15 = 0.8, max 3.5: (2 − 0.8) / 2.7 = 4/9.
    expect(adjustedRandIndex(Int32Array.from([0, 0, 1, 1, 2, 2]), [0, 0, 1, 2, 2, 2])).toBeCloseTo(
      4 / 9,
      15,
    );
  });

  it('scores identical trivial partitions as 1', () => {
    expect(adjustedRandIndex([0, 0, 0], [1, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [5, 6, 7])).toBe(1);
    expect(adjustedRandIndex([4], [2])).toBe(1);
  });

  it('rejects labelings of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(EngineError);
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(/predicted: has 1 labels, truth has 2/);
  });
});
