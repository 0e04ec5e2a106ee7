import { describe, expect, it } from 'vitest';
import type { components } from '../api/client.ts';
import { featuresWithGaps, runCoverage, skippedOf } from './run-coverage.ts';

type Column = components['schemas']['FeatureColumnSummary'];

const AS_OF = '2026-01-01T00:00:00.000Z';

function column(name: string, missing: number, source: Column['source'] = 'feature'): Column {
  return {
    name,
    source,
    kind: 'numeric',
    count: 10 - missing,
    missing,
    mean: null,
    sd: null,
    min: null,
    max: null,
    quantiles: null,
    histogram: null,
    distinct: null,
    categories: [],
  };
}

const run = { featureNames: ['recency_days', 'frequency', 'seats'], featuresAsOf: AS_OF };
const summary = {
  sample: null,
  featuresAsOf: AS_OF,
  columns: [
    column('recency_days', 1),
    column('frequency', 0),
    column('seats', 2, 'attribute'),
    column('seats', 0),
    column('monetary', 3),
  ],
};

describe('whom a clustering run left out', () => {
  it('reads the count its job reported, and nothing else', () => {
    expect(skippedOf({ runId: 'r', customers: 89, skipped: 1 })).toBe(1);
    expect(skippedOf({ skipped: 0 })).toBe(0);
    expect(skippedOf({ runId: 'r' })).toBe(undefined);
    expect(skippedOf({ skipped: '1' })).toBe(undefined);
    expect(skippedOf(null)).toBe(undefined);
  });

  it('names the chosen features with gaps only when the summary describes what the run read', () => {
    expect(featuresWithGaps(run, summary)).toEqual(['recency_days']);
    expect(featuresWithGaps(run, { ...summary, sample: { customers: 5, every: 2 } })).toEqual([]);
    expect(featuresWithGaps(run, { ...summary, featuresAsOf: '2026-02-01T00:00:00Z' })).toEqual([]);
    expect(featuresWithGaps(run, null)).toEqual([]);
  });

  it('says how many were clustered and left out, and why when it is known', () => {
    const customers = { customerCount: 4338 };
    expect(runCoverage(customers, 1, ['recency_days'])).toBe(
      '4,338 customers clustered; 1 left out (no value in recency_days).',
    );
    expect(runCoverage(customers, 12, ['recency_days', 'frequency', 'seats'])).toBe(
      '4,338 customers clustered; 12 left out (no value in recency_days, frequency or seats).',
    );
    expect(runCoverage(customers, 3, [])).toBe(
      '4,338 customers clustered; 3 left out (no value in at least one of the chosen features).',
    );
    expect(runCoverage(customers, 0, [])).toBe('4,338 customers clustered; none left out.');
    expect(runCoverage({ customerCount: 1 }, undefined, [])).toBe('1 customer clustered.');
  });
});
