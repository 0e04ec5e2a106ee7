import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  brierScore,
  classificationReport,
  EngineError,
  expectedCalibrationError,
  liftTable,
  logLoss,
  meanSd,
  reliabilityTable,
  rocAuc,
  rocCurve,
} from '@tagwise/engine';

describe('classification metrics', () => {
  it('ROC-AUC counts ordered positive/negative pairs, ties as one half', () => {
    // pairs (pos, neg): (0.35 vs 0.1 ✓, vs 0.4 ✗), (0.8 ✓, ✓) → 3/4
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBeCloseTo(0.5, 12);
    expect(rocAuc([3, 2, 1], [1, 0, 0])).toBe(1);
  });

  it('ROC curve ends at (1,1), is monotone, and its trapezoid area equals the AUC', () => {
    const scores = [0.9, 0.8, 0.8, 0.6, 0.55, 0.4, 0.3, 0.2];
    const labels = [1, 1, 0, 1, 0, 0, 1, 0];
    const curve = rocCurve(scores, labels);
    expect(curve[0]).toMatchObject({ falsePositiveRate: 0, truePositiveRate: 0 });
    expect(curve.at(-1)).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
    let area = 0;
    for (let k = 1; k < curve.length; k++) {
      const a = curve[k - 1]!;
      const b = curve[k]!;
      expect(b.falsePositiveRate).toBeGreaterThanOrEqual(a.falsePositiveRate);
      area +=
        ((b.falsePositiveRate - a.falsePositiveRate) * (a.truePositiveRate + b.truePositiveRate)) /
        2;
    }
    expect(area).toBeCloseTo(rocAuc(scores, labels), 12);
  });

  it('average precision is the step-wise PR area', () => {
    expect(averagePrecision([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0])).toBeCloseTo(
      0.5 + 0.5 * (2 / 3),
      12,
    );
    expect(averagePrecision([0.9, 0.8, 0.7], [1, 1, 0])).toBe(1);
  });

  it('Brier score and log loss by hand', () => {
    expect(brierScore([0.8, 0.3], [1, 0])).toBeCloseTo(0.065, 12);
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
    expect(Number.isFinite(logLoss([0], [1]))).toBe(true);
  });

  it('reliability table and ECE by hand', () => {
    const probabilities = [0.2, 0.2, 0.9, 0.9];
    const labels = [0, 1, 1, 1];
    const table = reliabilityTable(probabilities, labels, 10);
    expect(table).toHaveLength(10);
    expect(table[2]).toMatchObject({ count: 2, observedRate: 0.5 });
    expect(table[2]!.meanPredicted).toBeCloseTo(0.2, 12);
    expect(table[9]).toMatchObject({ count: 2, observedRate: 1 });
    expect(table[0]!.count).toBe(0);
    expect(expectedCalibrationError(probabilities, labels)).toBeCloseTo(0.5 * 0.3 + 0.5 * 0.1, 12);
    // probability 1 lands in the last bin, not an 11th
    expect(reliabilityTable([1, 0], [1, 0], 10)[9]!.count).toBe(1);
  });

  it('lift table splits near-equal groups, highest scores first', () => {
    const scores = Array.from({ length: 20 }, (_, i) => 20 - i); // row 0 scores highest
    const labels = scores.map((_, i) => (i < 2 ? 1 : i === 10 ? 1 : 0)); // 3 positives
    const table = liftTable(scores, labels, 10);
    expect(table[0]).toMatchObject({ group: 1, count: 2, positives: 2 });
    expect(table[0]!.lift).toBeCloseTo(1 / (3 / 20), 12);
    expect(table.at(-1)!.cumulativeCapture).toBe(1);
    expect(table.at(-1)!.cumulativeLift).toBeCloseTo(1, 12);
    expect(
      liftTable(
        Array.from({ length: 13 }, (_, i) => i),
        Array.from({ length: 13 }, (_, i) => i % 2),
        10,
      ).map((g) => g.count),
    ).toEqual([2, 2, 2, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('lift shares tied scores pro rata, so a constant score has lift 1', () => {
    const labels = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    const table = liftTable(new Array(10).fill(0.3), labels, 5);
    for (const group of table) {
      expect(group.positives).toBeCloseTo(0.6, 12);
      expect(group.lift).toBeCloseTo(1, 12);
    }
    // a tie run across the first edge: scores 0.9 (pos), 0.5 (pos, neg, neg), 0.1 ...
    const split = liftTable([0.9, 0.5, 0.5, 0.5, 0.1, 0.1], [1, 1, 0, 0, 0, 0], 3);
    expect(split[0]!.positives).toBeCloseTo(1 + 1 / 3, 12);
    expect(split[1]!.positives).toBeCloseTo(2 / 3, 12);
  });

  it('report bundles the metrics and thins curves', () => {
    const n = 1000;
    const probabilities = Array.from({ length: n }, (_, i) => (i + 0.5) / n);
    const labels = probabilities.map((p, i) => (((i * 7919) % 1000) / 1000 < p ? 1 : 0));
    const report = classificationReport(probabilities, labels, { maxCurvePoints: 50 });
    expect(report.roc.length).toBe(50);
    expect(report.roc.at(-1)).toMatchObject({ falsePositiveRate: 1, truePositiveRate: 1 });
    expect(report.rocAuc).toBeGreaterThan(0.7);
    expect(report.liftByDecile).toHaveLength(10);
    expect(report.ece).toBeLessThan(0.05);
  });

  it('rejects bad input with a named error', () => {
    expect(() => rocAuc([0.1, 0.2], [1, 1])).toThrow(/both classes/);
    expect(() => brierScore([1.5], [1])).toThrow(/probabilities\[0\]/);
    expect(() => brierScore([0.5], [2])).toThrow(EngineError);
    expect(() => brierScore([0.5, 0.1], [1])).toThrow(/2 predictions for 1 labels/);
  });

  it('mean and sample sd', () => {
    expect(meanSd([1, 2, 3])).toEqual({ mean: 2, sd: 1 });
  });
});
