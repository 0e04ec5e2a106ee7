import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '@tagwise/engine';
import { runTagwise as tagwise } from './support/tagwise-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tagwise-churn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A customer CSV the product has never seen: other column names, a categorical with 40
 * industries, empty cells, a free-text column, a column to exclude and a left/stayed label.
 */
function unseenCustomers(n: number): string {
  const rng = createRng(77);
  const lines = [
    'cust_ref,monthly_fee,seats,industry,signup_channel,notes,internal_score,left_or_stayed',
  ];
  for (let i = 0; i < n; i++) {
    const fee = 10 + rng.nextFloat() * 190;
    const seats = 1 + Math.floor(rng.nextFloat() * 50);
    const industry = `industry-${rng.nextInt(40)}`;
    const channel = ['web', 'partner', 'sales'][rng.nextInt(3)]!;
    const logit =
      -0.5 + 0.012 * (fee - 100) - 0.04 * (seats - 25) + (channel === 'web' ? 0.8 : -0.3);
    const left = rng.nextFloat() < 1 / (1 + Math.exp(-logit));
    lines.push(
      [
        `R-${1000 + i}`,
        i % 13 === 0 ? '' : fee.toFixed(2),
        i % 29 === 0 ? '' : String(seats),
        i % 31 === 0 ? '' : industry,
        channel,
        `"note ${i}, free text"`,
        rng.nextFloat().toFixed(3),
        left ? 'left' : 'stayed',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

const customers = join(dir, 'customers.csv');
writeFileSync(customers, unseenCustomers(700));
const dataArgs = [
  '--customers',
  customers,
  '--label',
  'left_or_stayed',
  '--exclude',
  'internal_score',
];

describe('tagwise churn on an unseen customer CSV', () => {
  it('evaluates with detected columns and prints the metrics as JSON', async () => {
    const run = await tagwise([
      'churn',
      'evaluate',
      ...dataArgs,
      '--id',
      'cust_ref',
      '--folds',
      '3',
      '--seed',
      '4',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(['tensorflow', 'wasm', 'cpu']).toContain(result.backend.name);
    expect(result.trainingSeconds).toBeGreaterThan(0);
    expect(result.label).toMatchObject({
      column: 'left_or_stayed',
      positive: 'left',
      negative: 'stayed',
    });
    expect(result.features).toEqual([
      { name: 'monthly_fee', kind: 'numeric' },
      { name: 'seats', kind: 'numeric' },
      { name: 'industry', kind: 'categorical' },
      { name: 'signup_channel', kind: 'categorical' },
    ]);
    expect(result.droppedColumns).toEqual([
      { column: 'notes', reason: 'every value is distinct (an id or free text)' },
    ]);
    expect(result.rows).toBe(700);
    expect(result.perFold).toHaveLength(3);
    expect(result.metrics.rocAuc.mean).toBeGreaterThan(0.7);
    expect(result.baseline.metrics.rocAuc.mean).toBe(0.5);
    expect(result.pooled.reliability).toHaveLength(10);
    expect(result.pooled.liftByDecile).toHaveLength(10);
  });

  it('trains, saves, and scores a CSV to id, probability, band and top factors', async () => {
    const model = join(dir, 'model.json');
    const train = await tagwise([
      'churn',
      'train',
      ...dataArgs,
      '--id',
      'cust_ref',
      '--folds',
      '0',
      '--model-out',
      model,
      '--json',
    ]);
    expect(train.code).toBe(0);
    expect(JSON.parse(train.stdout)).toMatchObject({ modelOut: model, rows: 700 });
    const out = join(dir, 'scores.csv');
    const score = await tagwise([
      'churn',
      'score',
      '--model',
      model,
      '--customers',
      customers,
      '--out',
      out,
      '--chunk',
      '128',
    ]);
    expect(score.stderr).toContain('scored 700 customers');
    expect(score.code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'customer_id,churn_probability,risk_band,factor_1,factor_1_value,factor_1_contribution,factor_2,factor_2_value,factor_2_contribution,factor_3,factor_3_value,factor_3_contribution',
    );
    expect(lines).toHaveLength(701);
    const first = lines[1]!.split(',');
    expect(first[0]).toBe('R-1000');
    const p = Number(first[1]);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(first[2]).toBe(p < 0.3 ? 'low' : p < 0.6 ? 'medium' : 'high');
    expect(['monthly_fee', 'seats', 'industry', 'signup_channel']).toContain(first[3]);
  });

  it('numbers rows without --id and refuses a file whose columns do not match the model', async () => {
    const model = join(dir, 'model-noid.json');
    const train = await tagwise([
      'churn',
      'train',
      ...dataArgs,
      '--exclude',
      'internal_score,cust_ref',
      '--folds',
      '0',
      '--model-out',
      model,
    ]);
    expect(train.code).toBe(0);
    const renamed = join(dir, 'renamed.csv');
    writeFileSync(renamed, readFileSync(customers, 'utf8').replace('seats,', 'licences,'));
    const out = join(dir, 'bad.csv');
    const run = await tagwise([
      'churn',
      'score',
      '--model',
      model,
      '--customers',
      renamed,
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing column\(s\): seats; unexpected column\(s\): licences/);
    const good = join(dir, 'numbered.csv');
    expect(
      (
        await tagwise([
          'churn',
          'score',
          '--model',
          model,
          '--customers',
          customers,
          '--out',
          good,
          '--top',
          '0',
        ])
      ).code,
    ).toBe(0);
    expect(readFileSync(good, 'utf8').split('\n')[1]!.startsWith('1,')).toBe(true);
  });

  it('explains a label column that is not two-valued', async () => {
    const run = await tagwise([
      'churn',
      'evaluate',
      '--customers',
      customers,
      '--label',
      'signup_channel',
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /label column "signup_channel" must have exactly two values, it has 3/,
    );
  });
});

describe('tagwise churn with a time-split label on events', () => {
  it('labels customers silent after the cut-off and evaluates on their behaviour', async () => {
    const rng = createRng(8);
    const lines = ['client,at,order_no,value'];
    let order = 0;
    for (let c = 0; c < 160; c++) {
      const gap = 5 + rng.nextFloat() * 60; // each client's usual days between orders
      const stops = rng.nextFloat() < 0.4 ? rng.nextFloat() * 200 : 400; // day the client stops buying
      for (let day = rng.nextFloat() * gap; day < 330; day += gap * (0.5 + rng.nextFloat())) {
        if (day > stops) break;
        const at = new Date(Date.UTC(2023, 0, 1) + day * 86_400_000).toISOString().slice(0, 19);
        lines.push(`K${c},${at},${++order},${(20 + rng.nextFloat() * 80).toFixed(2)}`);
      }
    }
    lines.push(`K0,2023-12-30T00:00:00,${++order},10`);
    const events = join(dir, 'events.csv');
    writeFileSync(events, lines.join('\n') + '\n');
    const run = await tagwise([
      'churn',
      'evaluate',
      '--events',
      events,
      '--customer',
      'client',
      '--time',
      'at',
      '--amount',
      'value',
      '--invoice',
      'order_no',
      '--as-of',
      '2023-09-01',
      '--horizon',
      '90',
      '--folds',
      '3',
      '--classifier',
      'logistic',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.label).toEqual({
      kind: 'time-split',
      asOf: '2023-09-01T00:00:00.000Z',
      horizonDays: 90,
    });
    expect(result.features.map((f: { name: string }) => f.name)).toContain('recency_days');
    expect(result.metrics.rocAuc.mean).toBeGreaterThan(0.75);

    const eventArgs = [
      '--events',
      events,
      '--customer',
      'client',
      '--time',
      'at',
      '--amount',
      'value',
      '--invoice',
      'order_no',
    ];
    const model = join(dir, 'events-model.json');
    const train = await tagwise([
      'churn',
      'train',
      ...eventArgs,
      '--as-of',
      '2023-09-01',
      '--horizon',
      '90',
      '--folds',
      '0',
      '--model-out',
      model,
    ]);
    expect(train.code).toBe(0);
    const out = join(dir, 'event-scores.csv');
    const score = await tagwise(['churn', 'score', '--model', model, ...eventArgs, '--out', out]);
    expect(score.code).toBe(0);
    const scored = readFileSync(out, 'utf8').trim().split('\n');
    // scored as of the day after the last event: every client that ever bought
    const clients = new Set(lines.slice(1).map((line) => line.split(',')[0]));
    expect(scored.length - 1).toBe(clients.size);
    expect(scored[1]!.split(',')[0]).toBe('K0');

    const late = await tagwise([
      'churn',
      'evaluate',
      '--events',
      events,
      '--customer',
      'client',
      '--time',
      'at',
      '--amount',
      'value',
      '--as-of',
      '2023-12-01',
      '--horizon',
      '90',
    ]);
    expect(late.code).toBe(1);
    expect(late.stderr).toMatch(/the events end on 2023-12-30, before the label window/);
  });
});
