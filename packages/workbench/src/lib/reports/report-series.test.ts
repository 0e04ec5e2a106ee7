import { describe, expect, it } from 'vitest';
import {
  coverageTrend,
  decisionBars,
  reliabilityPoints,
  scoreDistributions,
} from './report-series.ts';

describe('report series', () => {
  it('stacks decisions per row, leaving zero counts out', () => {
    const rows = [
      { source: 'rule', pending: 2, accepted: 3, rejected: 0, autoAccepted: 1 },
      { source: 'churn', pending: 0, accepted: 0, rejected: 4, autoAccepted: 0 },
    ];
    expect(decisionBars(rows, (r) => r.source)).toEqual([
      { key: 'rule', decision: 'accepted', count: 3 },
      { key: 'rule', decision: 'auto-accepted', count: 1 },
      { key: 'rule', decision: 'pending', count: 2 },
      { key: 'churn', decision: 'rejected', count: 4 },
    ]);
  });

  it('keeps the decided bins of each source for the reliability chart', () => {
    const bins = [
      { from: 0.8, to: 0.9, meanConfidence: 0.84, acceptanceRate: 0.5, count: 4 },
      { from: 0.9, to: 1, meanConfidence: null, acceptanceRate: null, count: 0 },
    ];
    expect(reliabilityPoints([{ source: 'cluster', bins }])).toEqual([
      { source: 'cluster', meanConfidence: 0.84, acceptanceRate: 0.5, count: 4, range: '0.8–0.9' },
    ]);
  });

  it('follows the tags with the most holders at the last refresh', () => {
    const trend: { at: string; tagged: number; byTag: Record<string, number> }[] = [
      { at: '2026-01-01T00:00:00Z', tagged: 5, byTag: { a: 5 } },
      { at: '2026-01-02T00:00:00Z', tagged: 9, byTag: { a: 2, b: 7, c: 1 } },
    ];
    expect(
      coverageTrend(trend, 2).map((p) => [p.at.toISOString().slice(0, 10), p.series, p.customers]),
    ).toEqual([
      ['2026-01-01', 'any tag', 5],
      ['2026-01-01', 'b', 0],
      ['2026-01-01', 'a', 5],
      ['2026-01-02', 'any tag', 9],
      ['2026-01-02', 'b', 7],
      ['2026-01-02', 'a', 2],
    ]);
  });

  it('puts the current score distribution next to the training one once scored', () => {
    const training = {
      bins: [
        { from: 0, to: 0.5, share: 0.7 },
        { from: 0.5, to: 1, share: 0.3 },
      ],
    };
    expect(scoreDistributions({ training, current: null })).toHaveLength(2);
    const both = scoreDistributions({
      training,
      current: {
        bins: [
          { from: 0, to: 0.5, share: 0.4 },
          { from: 0.5, to: 1, share: 0.6 },
        ],
      },
    });
    expect(both.filter((b) => b.population === 'current scores').map((b) => b.share)).toEqual([
      0.4, 0.6,
    ]);
  });
});
