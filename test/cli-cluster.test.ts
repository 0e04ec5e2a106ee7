import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adjustedRandIndex, createRng } from '@tagwise/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { runTagwise } from './support/tagwise-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tagwise-cluster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Three well-separated groups of 60 customers on spend and visits, plus a plan column. */
function writeBlobs(): { file: string; truth: number[] } {
  const rng = createRng(11);
  const centres = [
    [20, 2],
    [400, 5],
    [90, 30],
  ];
  const lines = ['customer,spend,visits,plan'];
  const truth: number[] = [];
  for (let i = 0; i < 180; i++) {
    const group = i % 3;
    const [spend, visits] = centres[group]!;
    const spendValue = i === 7 ? '' : (spend! * (1 + 0.08 * rng.nextNormal())).toFixed(2);
    lines.push(
      `c${i},${spendValue},${(visits! + rng.nextNormal()).toFixed(2)},${group === 1 ? 'pro' : 'free'}`,
    );
    truth.push(group);
  }
  const file = join(dir, 'customers.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, truth };
}

describe('tagwise cluster', () => {
  const { file, truth } = writeBlobs();

  it('chooses k, profiles the clusters and writes one row per customer', async () => {
    const out = join(dir, 'clusters.csv');
    const run = await runTagwise([
      'cluster',
      '--customers',
      file,
      '--id',
      'customer',
      '--features',
      'spend,visits,plan',
      '--k',
      '2-6',
      '--seed',
      '3',
      '--out',
      out,
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.selection.scores.map((score: { k: number }) => score.k)).toEqual([2, 3, 4, 5, 6]);
    expect(result.k).toBe(3);
    expect(result.selection.reason).toMatch(/k = 3 has the highest mean silhouette/);
    expect(result.input.missing.columns).toEqual([
      { name: 'spend', missing: 1, filledWith: expect.any(Number) },
    ]);
    expect(result.clusters).toHaveLength(3);

    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('id,cluster,confidence');
    expect(rows).toHaveLength(181);
    const clusters = rows.slice(1).map((row) => Number(row.split(',')[1]));
    expect(adjustedRandIndex(Int32Array.from(truth), Int32Array.from(clusters))).toBeGreaterThan(
      0.95,
    );
    for (const row of rows.slice(1)) {
      const confidence = Number(row.split(',')[2]);
      expect(confidence).toBeGreaterThan(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });

  it('names the file, line and column of bad input', async () => {
    const missingColumn = await runTagwise([
      'cluster',
      '--customers',
      file,
      '--id',
      'customer',
      '--features',
      'spend,age',
    ]);
    expect(missingColumn.code).toBe(1);
    expect(missingColumn.stderr).toContain(`${file}:1 (column "age"): the CSV header lacks age`);

    const duplicate = join(dir, 'duplicate.csv');
    writeFileSync(duplicate, 'customer,spend\na,1\nb,2\na,3\n');
    const duplicated = await runTagwise([
      'cluster',
      '--customers',
      duplicate,
      '--id',
      'customer',
      '--features',
      'spend',
    ]);
    expect(duplicated.stderr).toContain(
      `${duplicate}:4 (column "customer"): customer id "a" already appeared on line 2`,
    );

    const badK = await runTagwise([
      'cluster',
      '--customers',
      file,
      '--features',
      'spend',
      '--k',
      '5-2',
    ]);
    expect(badK.code).not.toBe(0);
    expect(badK.stderr).toMatch(/--k.*2 <= min <= max/);
  });
});

describe('tagwise cluster --events', () => {
  it('clusters on behavioural features computed from an event log', async () => {
    // Forty frequent small buyers and forty rare big buyers, one purchase line per order.
    const lines = ['who,when,order_no,total'];
    for (let c = 0; c < 80; c++) {
      const frequent = c < 40;
      const orders = frequent ? 12 + (c % 5) : 1 + (c % 2);
      for (let o = 0; o < orders; o++) {
        const day = String(1 + ((o * 2 + c) % 28)).padStart(2, '0');
        const month = String(1 + (o % 12)).padStart(2, '0');
        lines.push(
          `u${c},2023-${month}-${day}T10:00:00,${c}-${o},${frequent ? 15 + (o % 3) : 900 + c}`,
        );
      }
    }
    const file = join(dir, 'events.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await runTagwise([
      'cluster',
      '--events',
      file,
      '--customer',
      'who',
      '--time',
      'when',
      '--amount',
      'total',
      '--invoice',
      'order_no',
      '--as-of',
      '2024-01-01',
      '--features',
      'frequency,monetary,avg_order_value',
      '--k',
      '2',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.scaling).toEqual(['log1p', 'log1p', 'log1p']);
    expect(result.input).toMatchObject({ customers: 80, asOf: '2024-01-01T00:00:00.000Z' });
    expect(result.clusters.map((cluster: { size: number }) => cluster.size).sort()).toEqual([
      40, 40,
    ]);

    const unknown = await runTagwise([
      'cluster',
      '--events',
      file,
      '--customer',
      'who',
      '--time',
      'when',
      '--amount',
      'total',
      '--features',
      'spend',
    ]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain(
      'unknown behavioural feature(s) spend; available: recency_days',
    );
  });
});
