import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamp.ts';

const iso = (text: string) => parseTimestamp(text)?.toISOString();

describe('parseTimestamp', () => {
  it('reads a date, a date with a time, and an offset, taking no offset as UTC', () => {
    expect(iso('2010-12-01')).toBe('2010-12-01T00:00:00.000Z');
    expect(iso('2010-12-01 08:26')).toBe('2010-12-01T08:26:00.000Z');
    expect(iso('2010-12-01T08:26:07.123456Z')).toBe('2010-12-01T08:26:07.123Z');
    expect(iso('2010-12-01t08:26:00z')).toBe('2010-12-01T08:26:00.000Z');
    expect(iso('2010-12-01T08:26:00+01:00')).toBe('2010-12-01T07:26:00.000Z');
    expect(iso('2010-12-01T08:26:00-0530')).toBe('2010-12-01T13:56:00.000Z');
    expect(iso('0100-01-01')).toBe('0100-01-01T00:00:00.000Z');
  });

  it('refuses a day the calendar does not have instead of rolling it into the next month', () => {
    expect(iso('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(iso('2000-02-29')).toBe('2000-02-29T00:00:00.000Z');
    for (const impossible of [
      '2024-02-30',
      '2023-02-29',
      '1900-02-29',
      '2024-04-31',
      '2024-13-01',
    ]) {
      expect(parseTimestamp(impossible), impossible).toBeUndefined();
    }
    expect(parseTimestamp('0000-01-01'), 'there is no year 0').toBeUndefined();
  });

  it('refuses a time or an offset off the clock, and anything that is not ISO 8601', () => {
    for (const bad of [
      '2024-01-01T24:00',
      '2024-01-01T10:60',
      '2024-01-01T10:00:60',
      '2024-01-01T10:00+24:00',
      '2024-01-01T10:00+01:60',
      '01/12/2010 08:26',
      '2010-12-1',
      'last tuesday',
      '',
    ]) {
      expect(parseTimestamp(bad), bad).toBeUndefined();
    }
  });
});
