import { describe, expect, it } from 'vitest';
import { matrixFromRows } from '../linalg/matrix.ts';
import { applyScaler, fitScaler } from './scaler.ts';

describe('fitScaler', () => {
  const points = matrixFromRows([
    [1, 0, 5],
    [2, 0, 1],
    [3, 0, 100],
    [4, 0, 3],
    [100, 0, 2],
  ]);

  it('standardises to mean 0, sd 1 and maps constant columns to 0', () => {
    const scaled = applyScaler(fitScaler(points, 'standard'), points);
    let mean = 0;
    for (let r = 0; r < 5; r++) mean += scaled.data[r * 3]!;
    expect(mean / 5).toBeCloseTo(0, 12);
    expect(scaled.data[1]).toBe(0);
  });

  it('robust scaling centres on the median and divides by the IQR', () => {
    const scaler = fitScaler(points, ['robust', 'none', 'robust']);
    expect(scaler.centers).toEqual([3, 0, 3]);
    expect(scaler.scales).toEqual([2, 1, 3]);
  });

  it('log1p tames heavy tails before standardising and survives JSON', () => {
    const scaler = JSON.parse(JSON.stringify(fitScaler(points, 'log1p')));
    const scaled = applyScaler(scaler, points);
    const logs = [5, 1, 100, 3, 2].map(Math.log1p);
    const mean = logs.reduce((a, b) => a + b) / 5;
    expect(scaled.data[2 * 3 + 2]! * scaler.scales[2] + mean).toBeCloseTo(Math.log1p(100), 10);
  });

  it('rejects non-finite values and wrong widths', () => {
    expect(() => fitScaler(matrixFromRows([[Number.NaN]]), 'standard')).toThrowError(/not finite/);
    expect(() => applyScaler(fitScaler(points, 'none'), matrixFromRows([[1]]))).toThrowError(
      /3 columns/,
    );
  });
});
