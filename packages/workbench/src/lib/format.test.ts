import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDateTime,
  formatDuration,
  formatFixed,
  formatMetric,
  formatMetricSpread,
  formatEffect,
  formatNumber,
  formatPercent,
  formatValue,
  humanizeTimestamps,
} from './format.ts';

describe('formatValue', () => {
  it('formats numbers to 4 significant digits, missing values as –, others as text', () => {
    expect(formatValue(4309.999999999997)).toBe('4,310');
    expect(formatValue(0.4230769230769231)).toBe('0.4231');
    expect(formatValue('Month-to-month')).toBe('Month-to-month');
    expect(formatValue(null)).toBe('–');
  });
});

describe('formatNumber', () => {
  it('writes negatives with the minus sign and never a negative zero', () => {
    expect(formatNumber(-1234.5)).toBe('−1,235');
    expect(formatNumber(-0.4231)).toBe('−0.4231');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.000012344)).toBe('−0.00001234');
  });
});

describe('formatFixed', () => {
  it('rounds to the decimals asked for, with the minus sign, never -0.0', () => {
    expect(formatFixed(1.26, 1)).toBe('1.3');
    expect(formatFixed(-1.26, 1)).toBe('−1.3');
    expect(formatFixed(-0.04, 1)).toBe('0.0');
    expect(formatFixed(0, 1)).toBe('0.0');
    expect(formatFixed(12345.678, 2)).toBe('12,345.68');
    expect(formatFixed(null, 1)).toBe('–');
  });
});

describe('formatMetric', () => {
  it('gives 3 decimals, so one figure reads the same wherever it is shown', () => {
    expect(formatMetric(0.65961)).toBe('0.660');
    expect(formatMetric(0.0305)).toBe('0.031');
    expect(formatMetric(0.01246)).toBe('0.012');
    expect(formatMetric(0.04482)).toBe('0.045');
    expect(formatMetric(2.4)).toBe('2.400');
    expect(formatMetric(-0.1234)).toBe('−0.123');
    expect(formatMetric(0)).toBe('0.000');
  });

  it('writes a value too small for 3 decimals as < 0.001', () => {
    expect(formatMetric(0.0006405)).toBe('0.001');
    expect(formatMetric(0.0004999)).toBe('< 0.001');
    expect(formatMetric(-0.0002)).toBe('> −0.001');
    expect(formatMetric(Number.NaN)).toBe('–');
  });

  it('writes a mean over folds with its deviation, both to 3 decimals', () => {
    expect(formatMetricSpread(0.850289, 0.008551)).toBe('0.850 ± 0.009');
    expect(formatMetricSpread(0.5, 0)).toBe('0.500 ± 0.000');
    expect(formatMetricSpread(null, null)).toBe('– ± –');
  });
});

describe('formatDuration', () => {
  it('writes durations as people read them', () => {
    expect(formatDuration(0.4162)).toBe('0.4 s');
    expect(formatDuration(0.01)).toBe('< 0.1 s');
    expect(formatDuration(9.94)).toBe('9.9 s');
    expect(formatDuration(9.96)).toBe('10 s');
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(59.6)).toBe('1 min');
    expect(formatDuration(72)).toBe('1 min 12 s');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(7200)).toBe('2 h');
    expect(formatDuration(null)).toBe('–');
  });
});

describe('formatEffect', () => {
  it('shows 2 decimals and the sign, and no sign on what rounds to zero', () => {
    expect(formatEffect(0.9187)).toBe('+0.92');
    expect(formatEffect(1.004)).toBe('+1.00');
    expect(formatEffect(-0.25)).toBe('\u22120.25');
    expect(formatEffect(0)).toBe('0.00');
    expect(formatEffect(0.004)).toBe('0.00');
    expect(formatEffect(-0.004)).toBe('0.00');
    expect(formatEffect(null)).toBe('–');
  });
});

describe('formatPercent', () => {
  it('always writes one decimal, so a column of percentages lines up', () => {
    expect(formatPercent(0.86)).toBe('86.0%');
    expect(formatPercent(0.9673)).toBe('96.7%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(Number.NaN)).toBe('–');
  });
});

describe('humanizeTimestamps', () => {
  it('rewrites ISO timestamps in a text as dates people read', () => {
    const iso = '2026-11-24T13:05:00.000Z';
    expect(humanizeTimestamps(`changed ${iso} by Ana; based on version 3`)).toBe(
      `changed ${formatDateTime(iso)} by Ana; based on version 3`,
    );
    expect(formatDateTime(iso)).toMatch(/^24 Nov 2026, \d{2}:\d{2}$/);
    expect(humanizeTimestamps('no dates here, version 2026')).toBe('no dates here, version 2026');
  });
});

describe('formatCount', () => {
  it('writes the noun singular for one and plural otherwise', () => {
    expect(formatCount(1, 'suggestion')).toBe('1 suggestion');
    expect(formatCount(0, 'suggestion')).toBe('0 suggestions');
    expect(formatCount(1060, 'customer')).toBe('1,060 customers');
    expect(formatCount(2, 'child', 'children')).toBe('2 children');
  });
});
