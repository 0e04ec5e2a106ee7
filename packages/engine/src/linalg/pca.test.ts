import { describe, expect, it } from 'vitest';
import { matrixFromRows } from './matrix.ts';
import { fitPca, projectPca } from './pca.ts';

describe('PCA', () => {
  it('finds the diagonal as the first axis of points on y = x', () => {
    const points = matrixFromRows([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4.0001],
    ]);
    const pca = fitPca(points, 2);
    expect(pca.axes[0]![0]).toBeCloseTo(Math.SQRT1_2, 4);
    expect(pca.axes[0]![1]).toBeCloseTo(Math.SQRT1_2, 4);
    expect(pca.explainedVariance[0]).toBeGreaterThan(0.9999);
    const projected = projectPca(pca, points);
    expect(projected.data[0]).toBeCloseTo(-1.5 * Math.SQRT2, 3);
    expect(projected.data[6]).toBeCloseTo(1.5 * Math.SQRT2, 3);
  });
});
