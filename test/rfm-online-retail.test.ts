import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from './support/parse-csv.ts';

/**
 * One run of `tagwise rfm` on the whole bundled online retail file, checked against a
 * separate, deliberately plain computation from the raw rows (its own CSV parsing, maps and
 * sets, binary-search ranks): no code is shared with the engine or the CLI.
 */
const root = join(import.meta.dirname, '..');
const dataset = join(root, 'datasets/online_retail.csv.gz');
const dir = mkdtempSync(join(tmpdir(), 'tagwise-retail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;

interface Expected {
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: string;
  lifecycle: string;
}

interface Independent {
  asOf: number;
  skipped: number;
  duplicates: number;
  customers: Map<string, Expected>;
}

/** Score by the centre of the tie group: lo = values ranked strictly below, hi = lo + ties. */
function scores(values: number[], higherIsBetter: boolean): number[] {
  const keys = values.map((v) => (higherIsBetter ? v : -v));
  const sorted = [...keys].sort((a, b) => a - b);
  const lowerBound = (x: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const upperBound = (x: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const n = keys.length;
  return keys.map((k) => 1 + Math.floor((5 * (lowerBound(k) + upperBound(k))) / (2 * n)));
}

function computeIndependently(): Independent {
  const [header, ...records] = parseCsv(gunzipSync(readFileSync(dataset)).toString('utf8'));
  const col = (name: string): number => header!.indexOf(name);
  const [cId, cTime, cInvoice, cQty, cAmount] = [
    'customer_id',
    'occurred_at',
    'invoice',
    'quantity',
    'amount',
  ].map(col) as [number, number, number, number, number];

  const seenRows = new Set<string>();
  let skipped = 0;
  let duplicates = 0;
  let last = -Infinity;
  const raw = new Map<
    string,
    { first: number; purchases: number[]; invoices: Set<string>; bought: number; back: number }
  >();
  for (const record of records) {
    const id = record[cId]!;
    if (id === '') {
      skipped++;
      continue;
    }
    const key = record.join('\u0000');
    if (seenRows.has(key)) {
      duplicates++;
      continue;
    }
    seenRows.add(key);
    const time = Date.parse(`${record[cTime]}Z`);
    last = Math.max(last, time);
    const invoice = record[cInvoice]!;
    const amount = Number(record[cAmount]);
    let c = raw.get(id);
    if (!c) {
      c = { first: time, purchases: [], invoices: new Set(), bought: 0, back: 0 };
      raw.set(id, c);
    }
    c.first = Math.min(c.first, time);
    if (invoice.startsWith('C') || Number(record[cQty]) < 0) {
      c.back += Math.abs(amount);
    } else {
      c.purchases.push(time);
      c.invoices.add(invoice);
      c.bought += amount;
    }
  }

  const lastDay = new Date(last);
  const asOf = Date.UTC(lastDay.getUTCFullYear(), lastDay.getUTCMonth(), lastDay.getUTCDate() + 1);
  const ids = [...raw.keys()];
  const recency = ids.map((id) => {
    const c = raw.get(id)!;
    const lastPurchase = c.purchases.length ? Math.max(...c.purchases) : c.first;
    return (asOf - lastPurchase) / DAY;
  });
  const frequency = ids.map((id) => raw.get(id)!.invoices.size);
  const monetary = ids.map((id) => raw.get(id)!.bought - raw.get(id)!.back);
  const [r, f, m] = [scores(recency, false), scores(frequency, true), scores(monetary, true)] as [
    number[],
    number[],
    number[],
  ];
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [rMean, fMean, mMean] = [mean(r), mean(f), mean(m)];
  const segmentNames: Record<string, string> = {
    HHH: 'champions',
    HLH: 'potential-loyalists',
    LHH: 'cannot-lose',
    LLH: 'at-risk',
    HHL: 'loyal',
    HLL: 'promising',
    LHL: 'needs-attention',
    LLL: 'hibernating',
  };

  const customers = new Map<string, Expected>();
  ids.forEach((id, i) => {
    const days = raw.get(id)!.purchases.map((t) => (asOf - t) / DAY);
    let lifecycle = '';
    if (days.length) {
      const newest = Math.min(...days);
      const oldest = Math.max(...days);
      if (oldest <= 30) lifecycle = 'new';
      else if (newest <= 90) {
        const silentGap = !days.some((d) => d > 90 && d <= 180);
        lifecycle = silentGap && oldest > 180 ? 'returning' : 'active';
      } else if (newest <= 180) lifecycle = 'dormant';
      else lifecycle = 'churned';
    }
    const level = (score: number, avg: number): string => (score > avg ? 'H' : 'L');
    customers.set(id, {
      recency: recency[i]!,
      frequency: frequency[i]!,
      monetary: monetary[i]!,
      r: r[i]!,
      f: f[i]!,
      m: m[i]!,
      segment: segmentNames[level(r[i]!, rMean) + level(f[i]!, fMean) + level(m[i]!, mMean)]!,
      lifecycle,
    });
  });
  return { asOf, skipped, duplicates, customers };
}

function toExpected(line: string): [string, Expected] {
  const [id, recency, frequency, monetary, r, f, m, segment, lifecycle] = line.split(',');
  return [
    id!,
    {
      recency: Number(recency),
      frequency: Number(frequency),
      monetary: Number(monetary),
      r: Number(r),
      f: Number(f),
      m: Number(m),
      segment: segment!,
      lifecycle: lifecycle!,
    },
  ];
}

describe('tagwise rfm on the full online retail file', () => {
  let stderr = '';
  let output = new Map<string, Expected>();
  let independent: Independent;

  beforeAll(async () => {
    const out = join(dir, 'rfm.csv');
    // the CLI runs in its own process while this one computes the expected values
    const cli = new Promise<string>((resolve, reject) => {
      execFile(
        'npx',
        [
          'tsx',
          'packages/api/src/cli/main.ts',
          'rfm',
          '--events',
          dataset,
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
          '--out',
          out,
        ],
        { cwd: root, env: { ...process.env, CI: '1' } },
        (error, _stdout, err) => (error ? reject(new Error(err)) : resolve(err)),
      );
    });
    independent = computeIndependently();
    stderr = await cli;
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('customer_id,recency_days,frequency,monetary,r,f,m,segment,lifecycle');
    output = new Map(lines.slice(1).map(toExpected));
  });

  it('matches an independent computation from the raw rows', () => {
    // counts reported on stderr
    expect(independent.skipped).toBe(135_080);
    expect(stderr).toContain(
      `skipped ${independent.skipped.toLocaleString('en-GB')} with an empty`,
    );
    expect(stderr).toContain(
      `dropped ${independent.duplicates.toLocaleString('en-GB')} exact duplicate`,
    );
    expect(stderr).toContain('as of 2011-12-10T00:00:00');
    expect(independent.asOf).toBe(Date.UTC(2011, 11, 10));

    // a handful of real customers, field by field: a one-off buyer who cancelled everything
    // (12346), regulars (12347, 17850), a wholesaler (14911), the 80,995-unit order and its
    // cancellation (16446), a customer with only cancellations (12503)
    for (const id of ['12346', '12347', '12348', '12349', '17850', '14911', '16446', '12503']) {
      const actual = output.get(id);
      const expected = independent.customers.get(id)!;
      expect(actual, id).toBeDefined();
      expect({ ...actual!, recency: 0, monetary: 0 }, id).toEqual({
        ...expected,
        recency: 0,
        monetary: 0,
      });
      expect(actual!.recency, id).toBeCloseTo(expected.recency, 3);
      expect(actual!.monetary, id).toBeCloseTo(expected.monetary, 2);
    }
    expect(output.get('12346')).toMatchObject({ frequency: 1, monetary: 0 });
    expect(output.get('12503')).toMatchObject({ frequency: 0, lifecycle: '' });

    // and everyone else
    expect(output.size).toBe(independent.customers.size);
    const mismatches = [...independent.customers].filter(([id, expected]) => {
      const actual = output.get(id);
      return (
        !actual ||
        Math.abs(actual.recency - expected.recency) > 1e-3 ||
        Math.abs(actual.monetary - expected.monetary) > 1e-2 ||
        actual.frequency !== expected.frequency ||
        actual.r !== expected.r ||
        actual.f !== expected.f ||
        actual.m !== expected.m ||
        actual.segment !== expected.segment ||
        actual.lifecycle !== expected.lifecycle
      );
    });
    expect(mismatches.map(([id]) => id)).toEqual([]);
  });
});
