import { describe, expect, it } from 'vitest';
import { describeGivenBy, holdersSummary } from './holders.ts';

describe('tag holders', () => {
  it('names the key that gave the tag, or says the system gave it', () => {
    expect(describeGivenBy({ keyId: 'k1', name: 'Ops team' })).toBe('Ops team');
    expect(describeGivenBy(null)).toBe('automatically');
  });

  it('says how many hold the tag and how many are listed', () => {
    expect(holdersSummary(0, 0, true)).toBe('No customer holds this tag.');
    expect(holdersSummary(1, 1, true)).toBe('1 customer holds this tag.');
    expect(holdersSummary(1234, 100, false)).toBe(
      '1,234 customers hold this tag; the first 100 are listed.',
    );
    expect(holdersSummary(1234, 1234, false)).toBe('1,234 customers hold this tag.');
    // Every page read: the list is the whole answer, whatever the count said before.
    expect(holdersSummary(5, 4, true)).toBe('4 customers hold this tag.');
    expect(holdersSummary(1, 0, true)).toBe('No customer holds this tag.');
    // More listed than counted (someone got the tag since): the larger number is said.
    expect(holdersSummary(2, 3, true)).toBe('3 customers hold this tag.');
  });
});
