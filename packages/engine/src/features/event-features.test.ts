import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.ts';
import { computeEventFeatures } from './event-features.ts';
import { featureColumn } from './event-features-table.ts';
import { eventCountsInWindow } from './event-features-windows.ts';
import {
  DAY_MS,
  EventLogBuilder,
  eventLogFromRows,
  retailEventKind,
  type EventInput,
} from './events.ts';

const asOf = Date.UTC(2024, 3, 1);
const ago = (days: number): number => asOf - days * DAY_MS;

/** Hand-made log; the expected features are worked out in the comments of each test. */
const rows: EventInput[] = [
  // b first, so the output order cannot come from input order
  { customerId: 'b', time: ago(200), amount: 10, product: 'p3' },
  { customerId: 'b', time: ago(200), amount: 10 },
  { customerId: 'b', time: ago(30), amount: 15, kind: 'return' },
  { customerId: 'a', time: ago(100), amount: 30, order: 'A1', product: 'p1', category: 'x' },
  { customerId: 'a', time: ago(100), amount: 20, order: 'A1', product: 'p2', category: 'x' },
  { customerId: 'a', time: ago(10), amount: 50, order: 'A2', product: 'p1', category: 'y' },
  { customerId: 'a', time: ago(5), amount: -20, order: 'C1', product: 'p2', kind: 'cancellation' },
  { customerId: 'a', time: asOf, amount: 999, order: 'A3' },
  { customerId: 'a', time: ago(-1), amount: 1000, order: 'A4' },
  { customerId: 'c', time: ago(3), kind: 'visit' },
  { customerId: 'c', time: ago(50), amount: 40, kind: 'return' },
  { customerId: 'd', time: ago(-3), amount: 70 },
  { customerId: 'e', time: ago(95), amount: 10, order: 'E0' },
  { customerId: 'e', time: ago(20), amount: 10, order: 'E1' },
  { customerId: 'e', time: ago(30), amount: 10, order: 'E2' },
];

function rowOf(table: ReturnType<typeof computeEventFeatures>, id: string): Record<string, number> {
  const i = table.ids.indexOf(id);
  expect(i).toBeGreaterThanOrEqual(0);
  return Object.fromEntries(
    table.names.map((name, j) => [name, table.matrix.data[i * table.names.length + j]!]),
  );
}

describe('computeEventFeatures', () => {
  const log = eventLogFromRows(rows);
  const table = computeEventFeatures(log, { asOf });

  it('has one row per customer with an event before the cut-off, sorted by id', () => {
    // d only has an event after the cut-off
    expect(table.ids).toEqual(['a', 'b', 'c', 'e']);
    expect(table.names).toEqual([
      'recency_days',
      'frequency',
      'monetary',
      'avg_order_value',
      'tenure_days',
      'orders_last_90',
      'orders_prev_90',
      'activity_trend',
      'return_rate',
      'distinct_products',
      'distinct_categories',
    ]);
  });

  it('computes every feature of a customer with orders, a cancellation and later events', () => {
    // purchases 30 + 20 (A1, 100 days ago) + 50 (A2, 10 days ago) = 100; cancelled 20;
    // events at and after the cut-off ignored
    expect(rowOf(table, 'a')).toEqual({
      recency_days: 10,
      frequency: 2,
      monetary: 80,
      avg_order_value: 50,
      tenure_days: 100,
      orders_last_90: 1,
      orders_prev_90: 1,
      activity_trend: 0,
      return_rate: 0.2,
      distinct_products: 2,
      distinct_categories: 2,
    });
  });

  it('counts events without an order as one order each and subtracts returns whatever their sign', () => {
    // two unlabelled purchases of 10, 200 days ago; a return of +15
    expect(rowOf(table, 'b')).toEqual({
      recency_days: 200,
      frequency: 2,
      monetary: 5,
      avg_order_value: 10,
      tenure_days: 200,
      orders_last_90: 0,
      orders_prev_90: 0,
      activity_trend: 0,
      return_rate: 0.75,
      distinct_products: 1,
      distinct_categories: 0,
    });
  });

  it('nets a customer who returned every purchase to exactly zero spend', () => {
    // The same amounts, summed in the other order, differ in the last bit (7.6000000000000005
    // against 7.6): the net spend must not come out as 8.9e-16.
    const amounts = [0.1, 0.7, 0.2, 3.3, 1.1, 2.2];
    const log = eventLogFromRows([
      ...amounts.map((amount, i) => ({ customerId: 'r', time: ago(60 - i), amount })),
      ...amounts.toReversed().map((amount, i) => ({
        customerId: 'r',
        time: ago(30 - i),
        amount: -amount,
        kind: 'return',
      })),
    ]);
    const returnedAll = rowOf(computeEventFeatures(log, { asOf }), 'r');
    expect(returnedAll.monetary).toBe(0);
    expect(returnedAll.return_rate).toBe(1);
  });

  it('gives a customer who never bought recency = tenure, AOV 0 and return rate 1', () => {
    expect(rowOf(table, 'c')).toEqual({
      recency_days: 50,
      frequency: 0,
      monetary: -40,
      avg_order_value: 0,
      tenure_days: 50,
      orders_last_90: 0,
      orders_prev_90: 0,
      activity_trend: 0,
      return_rate: 1,
      distinct_products: 0,
      distinct_categories: 0,
    });
  });

  it('measures the activity trend as (last - prev) / (last + prev)', () => {
    const e = rowOf(table, 'e');
    expect([e.orders_last_90, e.orders_prev_90]).toEqual([2, 1]);
    expect(e.activity_trend).toBeCloseTo(1 / 3, 12);
  });

  it('names the trend windows after their length', () => {
    const short = computeEventFeatures(log, { asOf, windowDays: 15 });
    expect(short.names).toContain('orders_last_15');
    // a: A2 10 days ago is in the last 15 days; A1 (100 days) is in neither window
    expect(rowOf(short, 'a').orders_last_15).toBe(1);
    expect(rowOf(short, 'a').orders_prev_15).toBe(0);
    expect(rowOf(short, 'a').activity_trend).toBe(1);
  });

  it('does not produce product or category features when the log has no such column', () => {
    const plain = eventLogFromRows([{ customerId: 'x', time: ago(1), amount: 5 }]);
    const names = computeEventFeatures(plain, { asOf }).names;
    expect(names).not.toContain('distinct_products');
    expect(names).not.toContain('distinct_categories');
  });

  it('does not change the log', () => {
    const before = Array.from(log.time);
    computeEventFeatures(log, { asOf: ago(50) });
    expect(Array.from(log.time)).toEqual(before);
  });

  it('moves with the cut-off', () => {
    // 50 days earlier, a has only A1 (50 days before that cut-off)
    const earlier = computeEventFeatures(log, { asOf: ago(50) });
    expect(rowOf(earlier, 'a').recency_days).toBe(50);
    expect(rowOf(earlier, 'a').monetary).toBe(50);
    expect(earlier.ids).toEqual(['a', 'b', 'e']);
  });

  it('rejects a bad cut-off or window', () => {
    expect(() => computeEventFeatures(log, { asOf: Number.NaN })).toThrow(/asOf/);
    expect(() => computeEventFeatures(log, { asOf, windowDays: 0 })).toThrow(/windowDays/);
  });

  it('reports progress up to the number of customers', () => {
    const calls: [number, number][] = [];
    computeEventFeatures(log, { asOf, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls.at(-1)).toEqual([4, 4]);
  });
});

describe('eventCountsInWindow', () => {
  const log = eventLogFromRows(rows);

  it('counts from an inclusive start to an exclusive end, by kind, aligned to ids', () => {
    const window = { kind: 'purchase', from: { daysBefore: 100 }, to: { daysBefore: 10 } };
    // a: the two A1 lines at exactly 100 days are in, A2 at exactly 10 days is out
    expect(Array.from(eventCountsInWindow(log, window, asOf, ['a', 'b', 'e', 'zz']))).toEqual([
      2, 0, 3, 0,
    ]);
    expect(
      Array.from(eventCountsInWindow(log, { ...window, unit: 'orders' }, asOf, ['a', 'e'])),
    ).toEqual([1, 3]);
  });

  it('counts every kind, from the start of the log up to the cut-off, by default', () => {
    const counts = eventCountsInWindow(log, {}, asOf);
    const byId = Object.fromEntries(log.customerIds.map((id, i) => [id, counts[i]]));
    expect(byId).toEqual({ a: 4, b: 3, c: 2, d: 0, e: 3 });
  });

  it('accepts a list of kinds', () => {
    const counts = eventCountsInWindow(log, { kind: ['visit', 'return'] }, asOf, ['b', 'c']);
    expect(Array.from(counts)).toEqual([1, 2]);
  });

  it('rejects a window that reaches past the cut-off', () => {
    expect(() => eventCountsInWindow(log, { to: { daysBefore: -1 } }, asOf)).toThrow(
      /window.to.daysBefore/,
    );
  });
});

describe('EventLogBuilder', () => {
  it('adds optional columns when they first appear, filling earlier events', () => {
    const builder = new EventLogBuilder(1);
    builder.add({ customerId: 'a', time: 1, amount: 2 });
    builder.add({ customerId: 'b', time: 2, amount: 3, quantity: 4, order: 'o1', kind: 'visit' });
    for (let i = 0; i < 40; i++) builder.add({ customerId: 'a', time: 3 + i });
    const log = builder.build();
    expect(log.length).toBe(42);
    expect(log.customerIds).toEqual(['a', 'b']);
    expect(Array.from(log.quantity!.subarray(0, 3))).toEqual([Number.NaN, 4, Number.NaN]);
    expect(Array.from(log.order!.codes.subarray(0, 3))).toEqual([-1, 0, -1]);
    expect(log.kindNames[log.kind[1]!]).toBe('visit');
    expect(log.kindNames[log.kind[0]!]).toBe('purchase');
    expect(log.product).toBeUndefined();
  });

  it('names the field and the event position of a bad event', () => {
    const builder = new EventLogBuilder();
    builder.add({ customerId: 'a', time: 1 });
    const error = (() => {
      try {
        builder.add({ customerId: 'a', time: Number.NaN });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).message).toMatch(/events\[1\]\.time/);
    expect(() => builder.add({ customerId: '', time: 1 })).toThrow(/customerId/);
    expect(() => builder.add({ customerId: 'a', time: 1, amount: Infinity })).toThrow(/amount/);
  });

  it('recognises a repeated event in the fields that drive features', () => {
    const builder = new EventLogBuilder();
    const event = { customerId: 'a', time: 5, amount: 2, quantity: 1, order: 'o' };
    builder.add(event);
    expect(builder.sameEvent(0, { ...event })).toBe(true);
    expect(builder.sameEvent(0, { ...event, quantity: 2 })).toBe(false);
    expect(builder.sameEvent(0, { ...event, order: 'p' })).toBe(false);
    expect(builder.sameEvent(1, event)).toBe(false);
  });
});

describe('retailEventKind', () => {
  it('reads C invoices as cancellations and other negative quantities as returns', () => {
    expect(retailEventKind('C536379', -1)).toBe('cancellation');
    expect(retailEventKind('536379', -1)).toBe('return');
    expect(retailEventKind('536379', 6)).toBe('purchase');
    expect(retailEventKind(undefined, undefined)).toBe('purchase');
    expect(retailEventKind('C1', 1, '')).toBe('purchase');
  });
});

describe('featureColumn', () => {
  it('reads one named column and names the available ones when absent', () => {
    const table = computeEventFeatures(eventLogFromRows(rows), { asOf });
    expect(Array.from(featureColumn(table, 'frequency'))).toEqual([2, 2, 0, 3]);
    expect(() => featureColumn(table, 'nope')).toThrow(/recency_days/);
  });
});
