import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.ts';
import { matrixFromRows } from '../linalg/matrix.ts';
import { createRng } from '../random/prng.ts';
import { cumulativeSearch } from './kmeans-cumulative-search.ts';
import { kmeansPlusPlus } from './kmeans-plus-plus.ts';
import { gaussianBlobs } from './kmeans-test-data.ts';

describe('kmeansPlusPlus', () => {
  // Three tight pairs far apart: any D²-weighted draw lands in a group with no centre yet.
  const points = matrixFromRows([
    [0, 0],
    [0, 1],
    [100, 0],
    [100, 1],
    [0, 100],
    [1, 100],
  ]);

  it('starts from a uniformly drawn row and puts one centre in each far group', () => {
    for (let seed = 0; seed < 20; seed++) {
      const centres = kmeansPlusPlus(points, 3, createRng(seed));
      const first = createRng(seed).nextInt(points.rows);
      expect(Array.from(centres.data.subarray(0, 2))).toEqual(
        Array.from(points.data.subarray(first * 2, first * 2 + 2)),
      );
      const groups = new Set<number>();
      for (let j = 0; j < 3; j++) {
        const [x, y] = [centres.data[j * 2]!, centres.data[j * 2 + 1]!];
        groups.add(x >= 50 ? 1 : y >= 50 ? 2 : 0);
      }
      expect(groups.size).toBe(3);
    }
  });

  it('returns copies of rows, the same ones for the same seed', () => {
    const { points: blobs } = gaussianBlobs(500, 3, 4, 5, 2);
    const a = kmeansPlusPlus(blobs, 4, createRng(7));
    const b = kmeansPlusPlus(blobs, 4, createRng(7));
    expect(a.rows).toBe(4);
    expect(a.cols).toBe(3);
    expect(a.data).toEqual(b.data);
    for (let j = 0; j < 4; j++) {
      const row = Array.from(a.data.subarray(j * 3, j * 3 + 3));
      const found = Array.from({ length: blobs.rows }, (_, i) => i).some((i) =>
        row.every((v, t) => v === blobs.data[i * 3 + t]),
      );
      expect(found).toBe(true);
    }
    a.data[0] = 1e9;
    expect(Array.from(blobs.data)).not.toContain(1e9);
  });

  it('validates k', () => {
    expect(() => kmeansPlusPlus(points, 7, createRng(0))).toThrow(EngineError);
    expect(() => kmeansPlusPlus(points, 0, createRng(0))).toThrow(
      /k: must be an integer in \[1, 6\]/,
    );
  });
});

describe('cumulativeSearch', () => {
  const weights = Float64Array.from([0, 2, 0, 3, 5]);
  it('finds the first positive weight whose running sum reaches the target', () => {
    expect(cumulativeSearch(weights, 0)).toBe(1);
    expect(cumulativeSearch(weights, 2)).toBe(1);
    expect(cumulativeSearch(weights, 2.5)).toBe(3);
    expect(cumulativeSearch(weights, 5)).toBe(3);
    expect(cumulativeSearch(weights, 9.99)).toBe(4);
  });
  it('falls back to the last positive weight past the total, and to the start when all are zero', () => {
    expect(cumulativeSearch(weights, 10.5)).toBe(4);
    expect(cumulativeSearch(new Float64Array(3), 0)).toBe(0);
  });
});
