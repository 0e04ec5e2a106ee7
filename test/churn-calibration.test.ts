import { describe, expect, it } from 'vitest';
import {
  calibrate,
  calibrateAll,
  createRng,
  EngineError,
  fitIsotonic,
  fitPlatt,
  foldIndices,
  riskBand,
  stratifiedFolds,
  stratifiedSplit,
  validateRiskBands,
} from '@tagwise/engine';

describe('Platt scaling', () => {
  it('recovers the slope and intercept that generated the labels', () => {
    const rng = createRng(3);
    const n = 20_000;
    const scores = Float64Array.from({ length: n }, () => rng.nextNormal() * 2);
    const labels = Uint8Array.from(scores, (s) =>
      rng.nextFloat() < 1 / (1 + Math.exp(-(0.5 * s - 1))) ? 1 : 0,
    );
    const platt = fitPlatt(scores, labels);
    expect(platt.a).toBeCloseTo(0.5, 1);
    expect(platt.b).toBeCloseTo(-1, 1);
    expect(calibrate(platt, 2)).toBeCloseTo(1 / (1 + Math.exp(-(platt.a * 2 + platt.b))), 12);
  });

  it('stays finite on perfectly separated scores (Platt target smoothing)', () => {
    const platt = fitPlatt([-2, -1, 1, 2], [0, 0, 1, 1]);
    expect(Number.isFinite(platt.a) && Number.isFinite(platt.b)).toBe(true);
    expect(calibrate(platt, 2)).toBeLessThan(1);
  });

  it('needs both classes', () => {
    expect(() => fitPlatt([1, 2], [1, 1])).toThrow(/both classes/);
  });
});

describe('isotonic regression', () => {
  it('pools adjacent violators by hand', () => {
    // scores 1..4 with labels 0,1,0,1: the middle pair violates order and is pooled to 0.5
    const iso = fitIsotonic([1, 2, 3, 4], [0, 1, 0, 1]);
    expect(iso.value).toEqual([0, 0.5, 1]);
    expect(iso.lower).toEqual([1, 2, 4]);
    expect(iso.upper).toEqual([1, 3, 4]);
    expect(calibrate(iso, 2.5)).toBe(0.5);
    expect(calibrate(iso, 3.5)).toBeCloseTo(0.75, 12); // halfway from block (.., 3]=0.5 to [4, ..)=1
    expect(calibrate(iso, -10)).toBe(1e-4); // clipped so log loss stays finite
  });

  it('is monotone and ties share one value', () => {
    const rng = createRng(5);
    const scores = Float64Array.from({ length: 500 }, () => Math.round(rng.nextNormal() * 10) / 10);
    const labels = Uint8Array.from(scores, (s) =>
      rng.nextFloat() < 1 / (1 + Math.exp(-s)) ? 1 : 0,
    );
    const iso = fitIsotonic(scores, labels);
    const grid = Float64Array.from({ length: 200 }, (_, i) => -4 + i * 0.04);
    const p = calibrateAll(iso, grid);
    for (let i = 1; i < p.length; i++) expect(p[i]!).toBeGreaterThanOrEqual(p[i - 1]!);
    expect(new Set(iso.lower).size).toBe(iso.lower.length);
  });
});

describe('stratified folds', () => {
  it('deals each class evenly and reproducibly', () => {
    const labels = Uint8Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : 0)); // 26 positives
    const folds = stratifiedFolds(labels, 5, 11);
    expect(stratifiedFolds(labels, 5, 11)).toEqual(folds);
    for (let f = 0; f < 5; f++) {
      const { test, train } = foldIndices(folds, f);
      expect(test.length + train.length).toBe(103);
      expect([20, 21]).toContain(test.length);
      const positives = Array.from(test).filter((i) => labels[i] === 1).length;
      expect([5, 6]).toContain(positives);
    }
  });

  it('refuses more folds than rows of a class', () => {
    expect(() => stratifiedFolds(Uint8Array.from([1, 0, 0, 0]), 2, 1)).toThrow(EngineError);
  });

  it('splits off a stratified share', () => {
    const labels = Uint8Array.from({ length: 100 }, (_, i) => (i < 20 ? 1 : 0));
    const rows = Int32Array.from({ length: 100 }, (_, i) => i);
    const { held, kept } = stratifiedSplit(rows, labels, 0.25, 2);
    expect(held.length).toBe(25);
    expect(kept.length).toBe(75);
    expect(Array.from(held).filter((i) => labels[i] === 1).length).toBe(5);
  });
});

describe('risk bands', () => {
  it('maps probabilities to bands with inclusive lower bounds', () => {
    const bands = validateRiskBands({ thresholds: [0.3, 0.6], labels: ['low', 'medium', 'high'] });
    expect([0, 0.29, 0.3, 0.59, 0.6, 1].map((p) => riskBand(bands, p))).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
    ]);
    expect(() => validateRiskBands({ thresholds: [0.6, 0.3], labels: ['a', 'b', 'c'] })).toThrow(
      /increase/,
    );
    expect(() => validateRiskBands({ thresholds: [0.5], labels: ['a'] })).toThrow(/need 2 labels/);
  });
});
