import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.ts';
import {
  detectColumns,
  encodeTable,
  fitTableEncoder,
  MISSING_LEVEL,
  OTHER_LEVEL,
} from './customer-table.ts';

const rows = [
  { id: 'a', age: '30', plan: 'pro', city: 'Oslo' },
  { id: 'b', age: '', plan: 'free', city: 'Oslo' },
  { id: 'c', age: '50', plan: 'pro', city: '' },
  { id: 'd', age: '40', plan: 'team', city: 'Rome' },
];

describe('detectColumns', () => {
  it('tells numeric from categorical and leaves out excluded columns', () => {
    expect(detectColumns(rows, { exclude: ['id'] })).toEqual([
      { name: 'age', kind: 'numeric' },
      { name: 'plan', kind: 'categorical' },
      { name: 'city', kind: 'categorical' },
    ]);
  });
});

describe('fitTableEncoder / encodeTable', () => {
  const columns = detectColumns(rows, { exclude: ['id'] });

  it('fills missing numbers with the median, flags them, and reports them', () => {
    const encoder = fitTableEncoder(rows, columns, { maxLevels: 1 });
    expect(encoder.outputNames).toEqual([
      'age',
      'age__missing',
      'plan=pro',
      `plan=${OTHER_LEVEL}`,
      'city=Oslo',
      `city=${OTHER_LEVEL}`,
      `city=${MISSING_LEVEL}`,
    ]);
    const { matrix, missing } = encodeTable(encoder, rows);
    expect(Array.from(matrix.data.subarray(7, 14))).toEqual([40, 1, 0, 1, 1, 0, 0]);
    expect(Array.from(matrix.data.subarray(14, 21))).toEqual([50, 0, 1, 0, 0, 0, 1]);
    expect(missing).toEqual({
      rows: 4,
      columns: [
        { name: 'age', missing: 1, filledWith: 40 },
        { name: 'city', missing: 1, filledWith: MISSING_LEVEL },
      ],
    });
  });

  it('can leave the missing indicators out and still fill and report the gaps', () => {
    const encoder = fitTableEncoder(rows, columns, { missingIndicators: false });
    expect(encoder.outputNames).not.toContain('age__missing');
    const { matrix, missing } = encodeTable(encoder, rows);
    expect(matrix.data[encoder.outputNames.length]).toBe(40);
    expect(missing.columns[0]).toEqual({ name: 'age', missing: 1, filledWith: 40 });
  });

  it('round-trips through JSON and puts unseen levels into (other)', () => {
    const encoder = JSON.parse(JSON.stringify(fitTableEncoder(rows, columns)));
    const { matrix } = encodeTable(encoder, [{ age: 20, plan: 'enterprise', city: 'Oslo' }]);
    const names: string[] = encoder.outputNames;
    expect(matrix.data[names.indexOf(`plan=${OTHER_LEVEL}`)]).toBe(1);
    expect(matrix.data[names.indexOf('plan=pro')]).toBe(0);
  });

  it('refuses rows that lack a fitted column, naming it', () => {
    const encoder = fitTableEncoder(rows, columns);
    expect(() => encodeTable(encoder, [{ age: 1, plan: 'pro' }])).toThrowError(
      /lacks column\(s\): city/,
    );
  });

  it('refuses text in a numeric column, naming row and column', () => {
    const encoder = fitTableEncoder(rows, columns);
    const error = (() => {
      try {
        encodeTable(encoder, [{ age: 'old', plan: 'pro', city: 'Oslo' }]);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).path).toEqual([0, 'age']);
  });
});
