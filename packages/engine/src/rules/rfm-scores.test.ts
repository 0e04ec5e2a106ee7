import { describe, expect, it } from 'vitest';
import { createRng, shuffledIndices } from '../random/prng.ts';
import { matrixFromRows } from '../linalg/matrix.ts';
import { featureColumn, type FeatureTable } from '../features/event-features-table.ts';
import { evaluateRules, firstMatchingTag } from './evaluate-rules.ts';
import { quintileScores, withRfmScores } from './rfm-scores.ts';
import { RFM_SEGMENT_RULES } from './rfm-segments.ts';

/** Ten customers; the scores below are worked out by hand in the comments. */
const ids = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'c08', 'c09', 'c10'];
const recency = [5, 40, 12, 200, 12, 90, 1, 365, 30, 60];
const frequency = [1, 1, 1, 2, 3, 5, 8, 1, 2, 13];
const monetary = [120, 15, 300, -20, 800, 450, 2000, 60, 75, 5000];
const tenTable: FeatureTable = {
  ids,
  names: ['recency_days', 'frequency', 'monetary'],
  matrix: matrixFromRows(ids.map((_, i) => [recency[i]!, frequency[i]!, monetary[i]!])),
};

describe('quintileScores', () => {
  it('scores ten distinct values two per quintile', () => {
    expect(Array.from(quintileScores([9, 3, 7, 1, 5, 0, 8, 2, 6, 4], 'ascending'))).toEqual([
      5, 2, 4, 1, 3, 1, 5, 2, 4, 3,
    ]);
  });

  it('scores recency inverted, ties sharing the score of their middle position', () => {
    // descending: 365 (pos 0) 200 (1) 90 (2) 60 (3) 40 (4) 30 (5) 12,12 (6-7) 5 (8) 1 (9)
    // score = 1 + floor(5 * (lo + hi) / 20); a single value at pos p: lo = p, hi = p + 1;
    // the tie lo = 6, hi = 8: 1 + floor(3.5) = 4
    expect(Array.from(quintileScores(recency, 'descending'))).toEqual([
      5, 3, 4, 1, 4, 2, 5, 1, 3, 2,
    ]);
  });

  it('keeps a large tie group together', () => {
    // ascending: four 1s (lo 0, hi 4: centre at 20 %, on the boundary) -> 1 + floor(1) = 2;
    // two 2s (lo 4, hi 6) -> 1 + floor(2.5) = 3; 3 (pos 6) -> 1 + floor(3.25) = 4;
    // 5 (pos 7) -> 4; 8 (pos 8) -> 5; 13 (pos 9) -> 5
    expect(Array.from(quintileScores(frequency, 'ascending'))).toEqual([
      2, 2, 2, 3, 4, 4, 5, 2, 3, 5,
    ]);
  });

  it('gives everyone the middle score when all values are equal', () => {
    expect(Array.from(quintileScores([7, 7, 7, 7], 'ascending'))).toEqual([3, 3, 3, 3]);
  });

  it('scores non-finite values 1 and ranks the rest among themselves', () => {
    expect(Array.from(quintileScores([Number.NaN, 1, 2, 3, 4, 5], 'ascending'))).toEqual([
      1, 1, 2, 3, 4, 5,
    ]);
  });

  it('does not depend on input order when there are ties', () => {
    const values = [3, 1, 3, 2, 2, 5, 3, 1, 4, 4, 3, 2];
    const expected = quintileScores(values, 'ascending');
    const order = shuffledIndices(values.length, createRng(7));
    const shuffled = Array.from(order, (i) => values[i]!);
    const scores = quintileScores(shuffled, 'ascending');
    order.forEach((original, position) => expect(scores[position]).toBe(expected[original]));
    // equal values, equal scores
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (values[i] === values[j]) expect(expected[i]).toBe(expected[j]);
      }
    }
  });

  it('rejects a bad bin count', () => {
    expect(() => quintileScores([1], 'ascending', 0)).toThrow(/bins/);
  });
});

describe('withRfmScores and the RFM segments', () => {
  const scored = withRfmScores(tenTable);

  it('appends R, F and M scores worked out by hand', () => {
    expect(scored.names).toEqual([
      'recency_days',
      'frequency',
      'monetary',
      'r_score',
      'f_score',
      'm_score',
    ]);
    expect(Array.from(featureColumn(scored, 'r_score'))).toEqual([5, 3, 4, 1, 4, 2, 5, 1, 3, 2]);
    expect(Array.from(featureColumn(scored, 'f_score'))).toEqual([2, 2, 2, 3, 4, 4, 5, 2, 3, 5]);
    // monetary ascending: -20 15 | 60 75 | 120 300 | 450 800 | 2000 5000
    expect(Array.from(featureColumn(scored, 'm_score'))).toEqual([3, 1, 3, 1, 4, 4, 5, 2, 2, 5]);
  });

  it('does not change the input table', () => {
    expect(tenTable.names).toHaveLength(3);
    expect(tenTable.matrix.cols).toBe(3);
  });

  it('segments the ten customers against the mean scores', () => {
    // means: R 30/10 = 3, F 32/10 = 3.2, M 30/10 = 3; high = above the mean
    const segments = firstMatchingTag(evaluateRules(RFM_SEGMENT_RULES, { features: scored }));
    expect(segments).toEqual([
      'promising', // c01 R5 F2 M3
      'hibernating', // c02 R3 F2 M1
      'promising', // c03 R4 F2 M3
      'hibernating', // c04 R1 F3 M1
      'champions', // c05 R4 F4 M4
      'cannot-lose', // c06 R2 F4 M4
      'champions', // c07 R5 F5 M5
      'hibernating', // c08 R1 F2 M2
      'hibernating', // c09 R3 F3 M2
      'cannot-lose', // c10 R2 F5 M5
    ]);
  });

  it('reaches each of the eight segments, exactly one per customer', () => {
    // every high/low combination once: high = 5, low = 1, so every mean is 3
    const combos: [number, number, number][] = [];
    for (const r of [5, 1]) for (const f of [5, 1]) for (const m of [5, 1]) combos.push([r, f, m]);
    const table: FeatureTable = {
      ids: combos.map((_, i) => `s${i}`),
      names: ['r_score', 'f_score', 'm_score'],
      matrix: matrixFromRows(combos),
    };
    const result = evaluateRules(RFM_SEGMENT_RULES, { features: table });
    expect(result.matched).toEqual([
      ['champions'], // 5 5 5
      ['loyal'], // 5 5 1
      ['potential-loyalists'], // 5 1 5
      ['promising'], // 5 1 1
      ['cannot-lose'], // 1 5 5
      ['needs-attention'], // 1 5 1
      ['at-risk'], // 1 1 5
      ['hibernating'], // 1 1 1
    ]);
    expect(new Set(result.matched.flat()).size).toBe(8);
  });

  it('is plain JSON that survives a round trip', () => {
    const copy = JSON.parse(JSON.stringify(RFM_SEGMENT_RULES));
    const features = withRfmScores(tenTable);
    expect(evaluateRules(copy, { features }).matched).toEqual(
      evaluateRules(RFM_SEGMENT_RULES, { features }).matched,
    );
    expect(RFM_SEGMENT_RULES.map((r) => r.label)).toContain('At risk');
  });
});
