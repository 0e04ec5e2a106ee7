import { requireArgument } from '../errors.ts';
import { createMatrix } from '../linalg/matrix.ts';
import { CompensatedSum } from '../linalg/compensated-sum.ts';
import type { FeatureTable } from './event-features-table.ts';
import {
  CANCELLATION,
  customerEventIndex,
  DAY_MS,
  kindCode,
  PURCHASE,
  RETURN,
  type EventLog,
} from './events.ts';

export interface EventFeatureOptions {
  /** Cut-off, ms since the epoch: only events strictly before it count. */
  readonly asOf: number;
  /** Length of the two activity-trend windows, in days. @default 90 */
  readonly windowDays?: number;
  /** Called every few tens of thousands of customers with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Names of the columns `computeEventFeatures` produces for `log`, in order. The trend
 * windows are part of the names (`orders_last_90`), so a table says which windows made it.
 */
export function eventFeatureNames(log: EventLog, windowDays = 90): string[] {
  return [
    'recency_days',
    'frequency',
    'monetary',
    'avg_order_value',
    'tenure_days',
    `orders_last_${windowDays}`,
    `orders_prev_${windowDays}`,
    'activity_trend',
    'return_rate',
    ...(log.product ? ['distinct_products'] : []),
    ...(log.category ? ['distinct_categories'] : []),
  ];
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Behavioural features per customer as of a cut-off time T (`options.asOf`); events at or
 * after T are ignored. Rows: every customer with at least one event (of any kind) before T,
 * sorted by id (plain code-unit order, the same on every machine). Columns (`W` = windowDays):
 *
 * - `recency_days`: days from the last purchase to T. A customer who never bought gets
 *   `tenure_days` (they have not bought for as long as we have known them), so the column
 *   stays finite and grows with how lapsed the customer is.
 * - `frequency`: distinct orders among purchase events. Events without an order each count
 *   as one order.
 * - `monetary`: net spend — purchase amounts minus `|amount|` of cancellations and returns
 *   (whatever sign the source gives them).
 * - `avg_order_value`: gross purchase amount / frequency; 0 for a customer with no order.
 * - `tenure_days`: days from the first event of any kind to T.
 * - `orders_last_W`, `orders_prev_W`: distinct purchase orders in [T − W, T) and
 *   [T − 2W, T − W).
 * - `activity_trend`: (last − prev) / (last + prev), in [−1, 1]: 1 = all recent orders are
 *   new activity, −1 = activity stopped; 0 when both windows are empty (no change).
 * - `return_rate`: value share returned, `min(1, returned / purchased)` with returned = sum of
 *   `|amount|` of cancellations and returns and purchased = gross purchase amount; when
 *   nothing was purchased it is 1 if anything was returned, else 0. Capped at 1 because a
 *   return can refer to a purchase from before the log starts.
 * - `distinct_products`, `distinct_categories`: distinct values among purchase events; only
 *   produced when the log has that column (absent data is not reported as zero).
 *
 * Days are fractional (ms / 86,400,000), so nothing is lost to rounding.
 *
 * @example
 * const table = computeEventFeatures(log, { asOf: Date.UTC(2011, 11, 10) });
 * table.names; // ['recency_days', 'frequency', 'monetary', ...]
 * @returns `{ ids: [customers], names: [features], matrix: [customers, features] }`
 */
export function computeEventFeatures(log: EventLog, options: EventFeatureOptions): FeatureTable {
  const { asOf, onProgress } = options;
  const windowDays = options.windowDays ?? 90;
  requireArgument(Number.isFinite(asOf), 'asOf', `must be a finite time in ms, got ${asOf}`);
  requireArgument(
    Number.isFinite(windowDays) && windowDays > 0,
    'windowDays',
    `must be a positive number of days, got ${windowDays}`,
  );

  const names = eventFeatureNames(log, windowDays);
  const cols = names.length;
  const { customer, time, amount, kind } = log;

  const seen = new Uint8Array(log.customerIds.length);
  for (let e = 0; e < log.length; e++) if (time[e]! < asOf) seen[customer[e]!] = 1;
  const active: number[] = [];
  for (let c = 0; c < seen.length; c++) if (seen[c]) active.push(c);
  active.sort((a, b) => compareIds(log.customerIds[a]!, log.customerIds[b]!));

  const rows = active.length;
  const matrix = createMatrix(rows, cols);
  const data = matrix.data;
  const { offsets, events } = customerEventIndex(log);
  const purchaseKind = kindCode(log, PURCHASE);
  const cancelKind = kindCode(log, CANCELLATION);
  const returnKind = kindCode(log, RETURN);
  const lastStart = asOf - windowDays * DAY_MS;
  const prevStart = asOf - 2 * windowDays * DAY_MS;

  // Stamps: stamp[code] === row + 1 means "already counted for this customer", so distinct
  // counts need no per-customer set and no clearing between customers.
  const orderCodes = log.order?.codes;
  const orderSeen = new Int32Array(log.order?.values.length ?? 0);
  const orderSeenLast = new Int32Array(orderSeen.length);
  const orderSeenPrev = new Int32Array(orderSeen.length);
  const productCodes = log.product?.codes;
  const productSeen = new Int32Array(log.product?.values.length ?? 0);
  const categoryCodes = log.category?.codes;
  const categorySeen = new Int32Array(log.category?.values.length ?? 0);
  const productCol = names.indexOf('distinct_products');
  const categoryCol = names.indexOf('distinct_categories');
  // Compensated, so a customer who returned every purchase nets to exactly 0.
  const purchased = new CompensatedSum();
  const returned = new CompensatedSum();

  for (let row = 0; row < rows; row++) {
    const c = active[row]!;
    const stamp = row + 1;
    let first = Infinity;
    let lastPurchase = -Infinity;
    let orders = 0;
    let ordersLast = 0;
    let ordersPrev = 0;
    purchased.reset();
    returned.reset();
    let products = 0;
    let categories = 0;
    for (let p = offsets[c]!; p < offsets[c + 1]!; p++) {
      const e = events[p]!;
      const t = time[e]!;
      if (!(t < asOf)) continue;
      if (t < first) first = t;
      const k = kind[e]!;
      if (k === purchaseKind) {
        if (t > lastPurchase) lastPurchase = t;
        purchased.add(amount[e]!);
        const order = orderCodes ? orderCodes[e]! : -1;
        const newOrder = order < 0 || orderSeen[order] !== stamp;
        if (order >= 0) orderSeen[order] = stamp;
        if (newOrder) orders++;
        if (t >= lastStart) {
          if (order < 0 || orderSeenLast[order] !== stamp) ordersLast++;
          if (order >= 0) orderSeenLast[order] = stamp;
        } else if (t >= prevStart) {
          if (order < 0 || orderSeenPrev[order] !== stamp) ordersPrev++;
          if (order >= 0) orderSeenPrev[order] = stamp;
        }
        const product = productCodes ? productCodes[e]! : -1;
        if (product >= 0 && productSeen[product] !== stamp) {
          productSeen[product] = stamp;
          products++;
        }
        const category = categoryCodes ? categoryCodes[e]! : -1;
        if (category >= 0 && categorySeen[category] !== stamp) {
          categorySeen[category] = stamp;
          categories++;
        }
      } else if (k === cancelKind || k === returnKind) {
        returned.add(Math.abs(amount[e]!));
      }
    }

    const purchasedAmount = purchased.value();
    const returnedAmount = returned.value();
    const tenure = (asOf - first) / DAY_MS;
    const o = row * cols;
    data[o] = lastPurchase === -Infinity ? tenure : (asOf - lastPurchase) / DAY_MS;
    data[o + 1] = orders;
    data[o + 2] = purchasedAmount - returnedAmount;
    data[o + 3] = orders > 0 ? purchasedAmount / orders : 0;
    data[o + 4] = tenure;
    data[o + 5] = ordersLast;
    data[o + 6] = ordersPrev;
    data[o + 7] =
      ordersLast + ordersPrev > 0 ? (ordersLast - ordersPrev) / (ordersLast + ordersPrev) : 0;
    data[o + 8] =
      purchasedAmount > 0
        ? Math.min(1, returnedAmount / purchasedAmount)
        : returnedAmount > 0
          ? 1
          : 0;
    if (productCol >= 0) data[o + productCol] = products;
    if (categoryCol >= 0) data[o + categoryCol] = categories;
    if (onProgress && (row + 1) % 65_536 === 0) onProgress(row + 1, rows);
  }
  onProgress?.(rows, rows);

  return { ids: active.map((c) => log.customerIds[c]!), names, matrix };
}
