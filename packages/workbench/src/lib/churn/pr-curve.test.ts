import { describe, expect, it } from 'vitest';
import { prCurveForPlot } from './pr-curve.ts';

describe('prCurveForPlot', () => {
  it('drops the recall 0, precision 0 point and starts at the first real precision', () => {
    const points = [
      { threshold: 0.97, recall: 0, precision: 0 },
      { threshold: 0.9, recall: 0.25, precision: 0.5 },
      { threshold: 0.5, recall: 1, precision: 0.4 },
    ];
    expect(prCurveForPlot(points)).toEqual([
      { recall: 0, precision: 0.5 },
      { threshold: 0.9, recall: 0.25, precision: 0.5 },
      { threshold: 0.5, recall: 1, precision: 0.4 },
    ]);
  });

  it('starts a curve whose first customer churned at that precision', () => {
    const points = [
      { recall: 0.5, precision: 1 },
      { recall: 1, precision: 0.5 },
    ];
    expect(prCurveForPlot(points)[0]).toEqual({ recall: 0, precision: 1 });
    expect(prCurveForPlot(points)).toHaveLength(3);
  });

  it('plots nothing for a curve without a real point', () => {
    expect(prCurveForPlot([{ recall: 0, precision: 0 }])).toEqual([]);
    expect(prCurveForPlot([])).toEqual([]);
  });
});
