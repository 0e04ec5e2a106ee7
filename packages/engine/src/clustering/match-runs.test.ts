import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../linalg/matrix.ts';
import { minimumCostAssignment } from '../linalg/hungarian.ts';
import { matchRuns, membershipMovement } from './match-runs.ts';

describe('minimumCostAssignment', () => {
  it('finds the optimum where greedy choice fails', () => {
    // Greedy takes (0,0)=1 then (1,1)=10: total 11. The optimum is (0,1)+(1,0) = 2 + 3 = 5.
    expect(
      Array.from(
        minimumCostAssignment([
          [1, 2],
          [3, 10],
        ]),
      ),
    ).toEqual([1, 0]);
  });

  it('matches every row of a wide matrix and every column of a tall one', () => {
    expect(Array.from(minimumCostAssignment([[5, 1, 9]]))).toEqual([1]);
    expect(Array.from(minimumCostAssignment([[5], [1], [9]]))).toEqual([-1, 0, -1]);
  });

  it('agrees with brute force on random 5 x 5 matrices', () => {
    const permutations = (items: number[]): number[][] =>
      items.length <= 1
        ? [items]
        : items.flatMap((x, i) =>
            permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
          );
    let state = 7;
    const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 20; trial++) {
      const cost = Array.from({ length: 5 }, () =>
        Array.from({ length: 5 }, () => Math.round(next() * 100)),
      );
      const best = Math.min(
        ...permutations([0, 1, 2, 3, 4]).map((p) => p.reduce((sum, c, r) => sum + cost[r]![c]!, 0)),
      );
      const found = minimumCostAssignment(cost);
      expect(Array.from(found).reduce((sum, c, r) => sum + cost[r]![c]!, 0)).toBe(best);
    }
  });
});

describe('matchRuns', () => {
  const previous = matrixFromRows([
    [0, 0],
    [10, 0],
    [0, 10],
  ]);

  it('recovers a permutation of slightly moved centroids', () => {
    const next = matrixFromRows([
      [0.5, 9.5],
      [0.2, 0.1],
      [9.8, 0.3],
    ]);
    const matching = matchRuns(previous, next);
    expect(Array.from(matching.previousOf)).toEqual([2, 0, 1]);
    expect(matching.centroidShift[1]).toBeCloseTo(Math.hypot(0.2, 0.1), 12);
  });

  it('leaves a new cluster unmatched when k grows', () => {
    const next = matrixFromRows([
      [0, 0],
      [10, 0],
      [0, 10],
      [10, 10],
    ]);
    expect(Array.from(matchRuns(previous, next).previousOf)).toEqual([0, 1, 2, -1]);
  });

  it('counts customers whose cluster does not continue their previous one', () => {
    const next = matrixFromRows([
      [10, 0],
      [0, 0],
    ]);
    const matching = matchRuns(
      matrixFromRows([
        [0, 0],
        [10, 0],
      ]),
      next,
    );
    const movement = membershipMovement(
      { ids: ['a', 'b', 'c', 'd'], assignments: Int32Array.from([0, 0, 1, 1]), k: 2 },
      { ids: ['a', 'b', 'c', 'e'], assignments: Int32Array.from([1, 0, 0, 0]), k: 2 },
      matching,
    );
    // a: 0 -> new 1 (continues 0): stayed. b: 0 -> new 0 (continues 1): moved. c: 1 -> new 0: stayed.
    expect(movement).toEqual({
      compared: 3,
      moved: 1,
      movedShare: 1 / 3,
      flows: [
        [1, 1],
        [1, 0],
      ],
    });
  });

  it('refuses runs on different features', () => {
    expect(() => matchRuns(previous, matrixFromRows([[1, 2, 3]]))).toThrowError(
      /different feature counts/,
    );
  });
});
