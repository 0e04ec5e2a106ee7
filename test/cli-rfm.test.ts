import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runTagwise as tagwise } from './support/tagwise-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tagwise-rfm-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = 'customer_id,occurred_at,invoice,quantity,amount';
/**
 * The last event is 2024-03-10T15:00, so the default cut-off is 2024-03-11T00:00.
 * A: three invoices, the last 9 h before the cut-off; B: one purchase 10 days before and a
 * cancellation of 40; C: one big purchase 274 days before; D: two purchases 19.5 and 14.5 days
 * before, plus an exact duplicate row; E: one purchase 120 days before; one row without a
 * customer.
 */
const rows = [
  'A,2023-12-01T00:00:00,1000,1,40',
  'A,2024-01-01T00:00:00,1002,3,30',
  'A,2024-03-10T15:00:00,1003,2,20',
  'A,2024-03-10T15:00:00,1003,1,5',
  'B,2024-03-01T00:00:00,2001,4,100',
  'B,2024-03-02T00:00:00,C2001,-1,-40',
  'C,2023-06-11T00:00:00,3001,10,500',
  'D,2024-02-20T12:00:00,4001,1,10',
  'D,2024-02-20T12:00:00,4001,1,10',
  'D,2024-02-25T12:00:00,4002,1,10',
  'E,2023-11-12T00:00:00,5001,5,50',
  ',2024-03-05T00:00:00,9999,1,12',
];
const csvFile = join(dir, 'events.csv');
writeFileSync(csvFile, [header, ...rows].join('\n') + '\n');
const gzFile = join(dir, 'events.csv.gz');
writeFileSync(gzFile, gzipSync(readFileSync(csvFile)));

const columns = [
  '--customer',
  'customer_id',
  '--time',
  'occurred_at',
  '--amount',
  'amount',
  '--invoice',
  'invoice',
  '--quantity',
  'quantity',
];

describe('tagwise rfm', () => {
  it('writes RFM scores, segments and lifecycle stages worked out by hand', async () => {
    const out = join(dir, 'rfm.csv');
    const run = await tagwise(['rfm', '--events', csvFile, ...columns, '--out', out]);
    expect(run.stderr).toContain('skipped 1 with an empty customer id');
    expect(run.stderr).toContain('dropped 1 exact duplicate rows');
    expect(run.stderr).toContain('5 customers as of 2024-03-11T00:00:00');
    expect(run.code).toBe(0);
    // recency (desc) C 274 < E 120 < D 14.5 < B 10 < A 0.375 -> R 1..5; F: B, C, E tie at 1
    // (positions 0-2, centre 30 % -> 2), D 4, A 5; M: D 20, E 50, B 60, A 95, C 500 -> 1..5.
    // Means R 3, F 3, M 3. Lifecycle: B and D first bought within 30 days; A bought 101, 70
    // and 0.375 days ago; E 120 days ago (90..180); C 274 days ago.
    expect(readFileSync(out, 'utf8')).toBe(
      [
        'customer_id,recency_days,frequency,monetary,r,f,m,segment,lifecycle',
        'A,0.375,3,95,5,5,4,champions,active',
        'B,10,1,60,4,2,3,promising,new',
        'C,274,1,500,1,2,5,at-risk,churned',
        'D,14.5,2,20,3,4,1,needs-attention,new',
        'E,120,1,50,2,2,2,hibernating,dormant',
        '',
      ].join('\n'),
    );
  });

  it('reads gzip, honours --as-of and can keep duplicate rows', async () => {
    const out = join(dir, 'rfm-as-of.csv');
    const run = await tagwise([
      'rfm',
      '--events',
      gzFile,
      ...columns,
      '--as-of',
      '2024-03-05',
      '--keep-duplicates',
      '--out',
      out,
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('dropped 0 exact duplicate rows');
    const byId = Object.fromEntries(
      readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => [line.split(',')[0], line.split(',').slice(1, 4)]),
    );
    // A's invoice of 2024-03-10 is after the cut-off; D's duplicate line now counts
    expect(byId.A).toEqual(['64', '2', '70']);
    expect(byId.D).toEqual(['8.5', '2', '30']);
    expect(byId.B).toEqual(['4', '1', '60']);
  });

  it('names the file, line and column of a time it cannot read', async () => {
    const bad = join(dir, 'bad-time.csv');
    writeFileSync(bad, [header, rows[0], rows[1], 'A,2024-13-01T00:00:00,1004,1,5'].join('\n'));
    const run = await tagwise(['rfm', '--events', bad, ...columns, '--out', join(dir, 'x.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${bad}:4 (column "occurred_at"): "2024-13-01T00:00:00" is not a date-time`,
    );
  });

  it('names the file, line and column of an amount that is not a number', async () => {
    const bad = join(dir, 'bad-amount.csv');
    writeFileSync(bad, [header, rows[0], 'B,2024-03-01T00:00:00,2001,4,ten'].join('\n'));
    const run = await tagwise(['rfm', '--events', bad, ...columns, '--out', join(dir, 'x.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${bad}:3 (column "amount"): "ten" is not a number`);
  });

  it('names a missing column', async () => {
    const run = await tagwise([
      'rfm',
      '--events',
      csvFile,
      ...columns.slice(0, 4),
      '--amount',
      'price',
      '--out',
      join(dir, 'x.csv'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('(column "price"): the CSV header lacks price;');
  });
});
