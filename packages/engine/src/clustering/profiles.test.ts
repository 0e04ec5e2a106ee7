import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../linalg/matrix.ts';
import { profileClusters } from './profiles.ts';

describe('profileClusters', () => {
  // Cluster 0 spends little and often, cluster 1 spends a lot and rarely; visits tell them apart less.
  const raw = matrixFromRows([
    [10, 9, 1],
    [20, 11, 1],
    [30, 10, 1],
    [1000, 1, 1],
    [3000, 2, 1],
  ]);
  const scaled = matrixFromRows([
    [-1, 1, 0],
    [-0.9, 1.2, 0],
    [-0.8, 1.1, 0],
    [1, -1, 0],
    [2, -0.9, 0],
  ]);
  const profiles = profileClusters({
    raw,
    scaled,
    featureNames: ['spend', 'visits', 'constant'],
    assignments: Int32Array.from([0, 0, 0, 1, 1]),
    k: 2,
    distinguishingCount: 2,
  });

  it('reports size, share, mean and median in original units', () => {
    const [small, big] = profiles.clusters;
    expect(small).toMatchObject({ size: 3, share: 0.6 });
    expect(big!.features[0]).toMatchObject({ name: 'spend', mean: 2000, median: 2000 });
    expect(small!.features[1]).toMatchObject({ mean: 10, median: 10 });
  });

  it('scores each cluster mean against the population in standard deviations', () => {
    const population = profiles.population[0]!;
    expect(population.mean).toBe(812);
    const expected = (2000 - 812) / population.sd;
    expect(profiles.clusters[1]!.features[0]!.zScore).toBeCloseTo(expected, 12);
    expect(profiles.clusters[1]!.features[2]!.zScore).toBe(0);
  });

  it('names the features that set a cluster apart, largest |z| first, never the constant one', () => {
    const names = profiles.clusters[0]!.distinguishing.map((feature) => feature.name);
    expect(names).toEqual(['visits', 'spend']);
  });

  it('projects every point (n below the sample size) with its silhouette', () => {
    expect(profiles.projection.sampleSize).toBe(5);
    expect(profiles.projection.points.map((point) => point.cluster)).toEqual([0, 0, 0, 1, 1]);
    for (const point of profiles.projection.points) expect(point.silhouette).toBeGreaterThan(0.5);
    // The two clusters fall on opposite sides of the first principal axis.
    const xs = profiles.projection.points.map((point) => Math.sign(point.x));
    expect(new Set(xs.slice(0, 3)).size).toBe(1);
    expect(xs[3]).toBe(-xs[0]!);
  });
});
