import { describe, expect, it } from 'vitest';
import { runCoverage } from './run-coverage.ts';

const featureNames = ['recency_days', 'frequency', 'seats'];

describe('whom a clustering run left out', () => {
  it('names the one feature the left-out customers lack', () => {
    expect(
      runCoverage({
        customerCount: 4338,
        featureNames,
        leftOut: { customers: 1, missingByFeature: { recency_days: 1, frequency: 0, seats: 0 } },
      }),
    ).toBe('4,338 customers clustered; 1 left out (no value in recency_days).');
  });

  it('counts each lacking feature, in the run order, when several are lacking', () => {
    expect(
      runCoverage({
        customerCount: 4338,
        featureNames,
        // Stored key order differs from the run's.
        leftOut: {
          customers: 1200,
          missingByFeature: { seats: 1150, frequency: 0, recency_days: 60 },
        },
      }),
    ).toBe(
      '4,338 customers clustered; 1,200 left out (no value in recency_days for 60, in seats for 1,150).',
    );
  });

  it('says none were left out, or only whom it clustered when the run did not record it', () => {
    const none = { customers: 0, missingByFeature: { recency_days: 0, frequency: 0, seats: 0 } };
    expect(runCoverage({ customerCount: 4338, featureNames, leftOut: none })).toBe(
      '4,338 customers clustered; none left out.',
    );
    expect(runCoverage({ customerCount: 1, featureNames, leftOut: null })).toBe(
      '1 customer clustered.',
    );
  });
});
