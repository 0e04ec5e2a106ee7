import { describe, expect, it } from 'vitest';
import { formatMeanSd, formatValue } from './format.ts';

describe('formatMeanSd', () => {
  it('gives the deviation 2 significant digits and the mean the same decimals', () => {
    expect(formatMeanSd(0.850289, 0.008551)).toBe('0.8503 ± 0.0086');
    expect(formatMeanSd(2.8917, 0.1527)).toBe('2.89 ± 0.15');
    expect(formatMeanSd(1234.5, 56.7)).toBe('1235 ± 57');
  });

  it('falls back to plain numbers when there is no spread', () => {
    expect(formatMeanSd(0.5, 0)).toBe('0.5 ± 0');
    expect(formatMeanSd(null, null)).toBe('– ± –');
  });
});

describe('formatValue', () => {
  it('formats numbers to 4 significant digits, missing values as –, others as text', () => {
    expect(formatValue(4309.999999999997)).toBe('4,310');
    expect(formatValue(0.4230769230769231)).toBe('0.4231');
    expect(formatValue('Month-to-month')).toBe('Month-to-month');
    expect(formatValue(null)).toBe('–');
  });
});
