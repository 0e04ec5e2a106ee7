import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../linalg/matrix.ts';
import { calinskiHarabasz, daviesBouldin } from './cluster-indices.ts';
import { meanSilhouette, silhouetteSamples } from './silhouette.ts';

// Two tight pairs on a line: {0, 1} and {10, 11}. Every figure below is computed by hand.
const points = matrixFromRows([[0], [1], [10], [11]]);
const assignments = Int32Array.from([0, 0, 1, 1]);
const centroids = matrixFromRows([[0.5], [10.5]]);

describe('cluster quality indices', () => {
  it('silhouette per point is (b - a) / max(a, b)', () => {
    const scores = silhouetteSamples(points, assignments, 2);
    expect(Array.from(scores)).toEqual([
      expect.closeTo(9.5 / 10.5, 12),
      expect.closeTo(8.5 / 9.5, 12),
      expect.closeTo(8.5 / 9.5, 12),
      expect.closeTo(9.5 / 10.5, 12),
    ]);
    expect(meanSilhouette(points, assignments, 2)).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 12);
  });

  it('a point alone in its cluster scores 0', () => {
    const scores = silhouetteSamples(
      matrixFromRows([[0], [1], [5]]),
      Int32Array.from([0, 0, 1]),
      2,
    );
    expect(scores[2]).toBe(0);
  });

  it('Davies–Bouldin: (0.5 + 0.5) / 10', () => {
    expect(daviesBouldin(points, assignments, centroids)).toBeCloseTo(0.1, 12);
  });

  it('Calinski–Harabasz: (100 / 1) / (1 / 2)', () => {
    expect(calinskiHarabasz(points, assignments, centroids, 1)).toBeCloseTo(200, 9);
  });
});
