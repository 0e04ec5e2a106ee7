import { describe, expect, it } from 'vitest';
import { featureSetKey, matchClusterRuns, previousCentroidsInNextSpace } from './run-matching.ts';

describe('run matching', () => {
  it('keys feature sets by sorted names', () => {
    expect(featureSetKey(['monetary', 'frequency'])).toBe(featureSetKey(['frequency', 'monetary']));
  });

  it('re-expresses previous centroids in the next scaled space, column by name', () => {
    // Previous: standard scaling of a = (x − 10) / 2; log1p scaling of b = (log1p(x) − 0) / 1.
    const previous = {
      featureNames: ['a', 'b'],
      scaler: { methods: ['standard', 'log1p'] as const, centers: [10, 0], scales: [2, 1] },
      centroids: [[1, Math.log1p(3)]], // raw a = 12, raw b = 3
    };
    // Next lists the features the other way round, with plain standard scaling.
    const next = {
      featureNames: ['b', 'a'],
      scaler: { methods: ['standard', 'standard'] as const, centers: [1, 12], scales: [2, 4] },
      centroids: [[0, 0]],
    };
    const moved = previousCentroidsInNextSpace(previous, next);
    expect(moved.data[0]).toBeCloseTo((3 - 1) / 2, 12); // b
    expect(moved.data[1]).toBeCloseTo((12 - 12) / 4, 12); // a
  });

  it('matches renumbered clusters to the nearest previous ones', () => {
    const scaler = { methods: ['none' as const, 'none' as const], centers: [0, 0], scales: [1, 1] };
    const previous = {
      featureNames: ['x', 'y'],
      scaler,
      centroids: [
        [0, 0],
        [10, 0],
        [0, 10],
      ],
    };
    const next = {
      featureNames: ['x', 'y'],
      scaler,
      centroids: [
        [0, 9],
        [0.5, 0],
        [10, 1],
        [50, 50],
      ],
    };
    const matching = matchClusterRuns(previous, next);
    expect(matching.previousOf).toEqual([2, 0, 1, -1]);
    expect(matching.centroidShift[0]).toBeCloseTo(1, 12);
    expect(matching.centroidShift[1]).toBeCloseTo(0.5, 12);
    expect(matching.centroidShift[3]).toBeNull();
  });

  it('refuses runs on different feature sets', () => {
    const scaler = { methods: ['none' as const], centers: [0], scales: [1] };
    expect(() =>
      matchClusterRuns(
        { featureNames: ['x'], scaler, centroids: [[0]] },
        { featureNames: ['y'], scaler, centroids: [[0]] },
      ),
    ).toThrow(/different feature sets/);
  });
});
