import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../linalg/matrix.ts';
import { fitMembership, membershipProbabilities } from './membership.ts';

describe('membership confidence', () => {
  const centroids = matrixFromRows([[0], [10]]);
  const assignments = Int32Array.from([0, 0, 1, 1]);
  // Points [-1, 1, 9, 11]: inertia 4, n·d = 4, so σ² = 1.
  const model = fitMembership(centroids, assignments, 4);

  it('fits the shared variance and cluster weights by maximum likelihood', () => {
    expect(model.variance).toBe(1);
    expect(model.weights).toEqual([0.5, 0.5]);
  });

  it('gives ≈1 on a centroid, exactly ½ halfway, and the Gaussian ratio in between', () => {
    const probabilities = membershipProbabilities(model, matrixFromRows([[0], [5], [4]]));
    expect(probabilities.data[0]).toBeGreaterThan(0.999999);
    expect(probabilities.data[2]).toBeCloseTo(0.5, 12);
    // At x = 4: log-odds = (36 - 16) / 2 = 10 in favour of cluster 0.
    expect(probabilities.data[4]).toBeCloseTo(1 / (1 + Math.exp(-10)), 12);
    for (let i = 0; i < 3; i++)
      expect(probabilities.data[2 * i]! + probabilities.data[2 * i + 1]!).toBeCloseTo(1, 12);
  });
});
