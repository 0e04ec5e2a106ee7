import { describe, expect, it } from 'vitest';
import { factorText } from './factor-text.ts';

describe('factorText', () => {
  it('writes numbers to four significant digits, without trailing zeros', () => {
    expect(factorText('monetary', 1234.5678)).toBe('monetary = 1235');
    expect(factorText('return_rate', 0.25)).toBe('return_rate = 0.25');
    expect(factorText('frequency', 3)).toBe('frequency = 3');
  });

  it('writes text and flags as they are', () => {
    expect(factorText('contract', 'Month-to-month')).toBe('contract = Month-to-month');
    expect(factorText('senior', true)).toBe('senior = true');
  });

  it('writes a missing value, or a number that is not finite, as missing', () => {
    expect(factorText('total_charges', null)).toBe('total_charges = missing');
    expect(factorText('recency_days', Number.NaN)).toBe('recency_days = missing');
  });
});
