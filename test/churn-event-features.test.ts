import { describe, expect, it } from 'vitest';
import { churnEventFeatures, eventLogFromRows, featureColumn } from '@tagwise/engine';

const DAY = 86_400_000;
const T = Date.UTC(2024, 5, 1);

describe('churn event features', () => {
  it('counts cancelled orders and their share of all orders, before the cut-off only', () => {
    const log = eventLogFromRows([
      // a: three purchase orders (one of two lines), one cancelled order of two lines, one
      // return without an order, and a cancellation after T that must not count.
      { customerId: 'a', time: T - 100 * DAY, amount: 10, order: 'o1' },
      { customerId: 'a', time: T - 100 * DAY, amount: 5, order: 'o1' },
      { customerId: 'a', time: T - 60 * DAY, amount: 20, order: 'o2' },
      { customerId: 'a', time: T - 10 * DAY, amount: 30, order: 'o3' },
      { customerId: 'a', time: T - 50 * DAY, amount: -8, order: 'c1', kind: 'cancellation' },
      { customerId: 'a', time: T - 50 * DAY, amount: -2, order: 'c1', kind: 'cancellation' },
      { customerId: 'a', time: T - 5 * DAY, amount: -4, kind: 'return' },
      { customerId: 'a', time: T + 5 * DAY, amount: -30, order: 'c2', kind: 'cancellation' },
      // b: one order, nothing cancelled.
      { customerId: 'b', time: T - 30 * DAY, amount: 50, order: 'o4' },
      // c: only a cancellation, so not an active customer.
      { customerId: 'c', time: T - 30 * DAY, amount: -5, order: 'c3', kind: 'cancellation' },
    ]);
    const table = churnEventFeatures(log, { asOf: T });
    expect(table.ids).toEqual(['a', 'b']);
    expect(Array.from(featureColumn(table, 'frequency'))).toEqual([3, 1]);
    expect(Array.from(featureColumn(table, 'cancelled_orders'))).toEqual([2, 0]);
    expect(Array.from(featureColumn(table, 'cancelled_share'))).toEqual([2 / 5, 0]);
    // a's last order (T − 10 d) has 1 line against 4 lines / 3 orders; b's only order is its usual one.
    expect(Array.from(featureColumn(table, 'last_order_lines_ratio'))).toEqual([3 / 4, 1]);
    // the documented rhythm features on the same log
    expect(Array.from(featureColumn(table, 'days_per_order'))).toEqual([100 / 3, 30]);
    expect(featureColumn(table, 'overdue_ratio')[0]).toBeCloseTo(10 / (100 / 3 + 1), 12);
  });

  it('compares the last order with the usual one, counting lines at the last purchase time', () => {
    const log = eventLogFromRows([
      // two orders of 10 units each (one of them in two lines), then a last order of 40 units
      // in three lines at one time; a later purchase after T is ignored.
      { customerId: 'a', time: T - 90 * DAY, amount: 10, order: 'o1', quantity: 10 },
      { customerId: 'a', time: T - 60 * DAY, amount: 6, order: 'o2', quantity: 4 },
      { customerId: 'a', time: T - 60 * DAY, amount: 9, order: 'o2', quantity: 6 },
      { customerId: 'a', time: T - 20 * DAY, amount: 20, order: 'o3', quantity: 20 },
      { customerId: 'a', time: T - 20 * DAY, amount: 10, order: 'o3', quantity: 10 },
      { customerId: 'a', time: T - 20 * DAY, amount: 10, order: 'o3', quantity: 10 },
      { customerId: 'a', time: T + 1 * DAY, amount: 99, order: 'o4', quantity: 99 },
    ]);
    const table = churnEventFeatures(log, { asOf: T });
    // 6 lines in 3 orders: 2 per order, the last has 3.
    expect(Array.from(featureColumn(table, 'last_order_lines_ratio'))).toEqual([3 / 2]);
    expect(Array.from(featureColumn(table, 'avg_unit_price'))).toEqual([65 / 60]);
  });
});
