import { EngineError, requireArgument } from '../errors.ts';
import {
  appendFeatures,
  featureColumn,
  type FeatureTable,
} from '../features/event-features-table.ts';
import { computeEventFeatures } from '../features/event-features.ts';
import { eventCountsInWindow } from '../features/event-features-windows.ts';
import {
  CANCELLATION,
  customerEventIndex,
  customerLookup,
  DAY_MS,
  kindCode,
  PURCHASE,
  RETURN,
  type EventLog,
} from '../features/events.ts';
import { createMatrix, selectRows } from '../linalg/matrix.ts';
import type { ColumnChunk } from './column-encoding.ts';
import type { LabelSource } from './labels.ts';

export interface ChurnEventFeatureOptions {
  /** Cut-off T, ms since the epoch: features use events strictly before T. */
  readonly asOf: number;
  /** Trend window of the behavioural features, in days. @default 90 */
  readonly windowDays?: number;
}

/**
 * Behavioural features for churn as of T: the shared event features (recency, frequency,
 * monetary, average order value, tenure, orders in the last / previous window, activity
 * trend, return rate, distinct products/categories) plus derived columns documented
 * here because only the churn model adds them:
 * - `orders_last_30`: distinct purchase orders in the 30 days before T (short-term activity);
 * - `days_per_order`: tenure_days / frequency, the customer's usual gap between orders;
 * - `overdue_ratio`: recency_days / (days_per_order + 1): how late the next order is against
 *   the customer's own rhythm (a weekly buyer silent for a month is more at risk than a
 *   quarterly buyer silent for a month);
 * - `order_gap_sd_days`: standard deviation of the days between consecutive orders (0 with
 *   fewer than three orders): regular buyers are more predictable than bursty ones;
 * - `avg_unit_price`: gross purchase amount / units bought, only when the log has
 *   quantities (cheap-in-bulk resellers behave differently from gift buyers);
 * - `cancelled_orders`: distinct orders among the customer's cancellation and return events
 *   (an event without an order counts alone): friction with the shop;
 * - `cancelled_share`: cancelled_orders / (cancelled_orders + frequency), the same friction
 *   against how much the customer orders;
 * - `last_order_lines_ratio`: lines (purchase events) of the last order before T / mean
 *   lines per order: how the last basket compares with the customer's usual one (a stock-up,
 *   or a shrinking basket). The last order is every purchase line at the last purchase time.
 *
 * Rows: customers with at least one purchase before T (customers known only from returns or
 * other events are not "active"), sorted by id.
 *
 * @returns `[customers, features]`
 */
export function churnEventFeatures(log: EventLog, options: ChurnEventFeatureOptions): FeatureTable {
  const { asOf } = options;
  requireArgument(Number.isFinite(asOf), 'asOf', `must be a finite time in ms, got ${asOf}`);
  const base = computeEventFeatures(log, { asOf, windowDays: options.windowDays ?? 90 });
  const frequency = featureColumn(base, 'frequency');
  const keep: number[] = [];
  for (let i = 0; i < frequency.length; i++) if (frequency[i]! > 0) keep.push(i);
  const active: FeatureTable = {
    ids: keep.map((i) => base.ids[i]!),
    names: base.names,
    matrix: keep.length > 0 ? selectRows(base.matrix, keep) : createMatrix(0, base.names.length),
  };
  const recency = featureColumn(active, 'recency_days');
  const tenure = featureColumn(active, 'tenure_days');
  const orders = featureColumn(active, 'frequency');
  const daysPerOrder = Float64Array.from(tenure, (t, i) => t / orders[i]!);
  const overdue = Float64Array.from(recency, (r, i) => r / (daysPerOrder[i]! + 1));
  const recent = eventCountsInWindow(
    log,
    { kind: PURCHASE, from: { daysBefore: 30 }, unit: 'orders' },
    asOf,
    active.ids,
  );
  const { gapSd, lastLinesRatio, unitPrice } = orderRhythm(log, active.ids, asOf, orders);
  const cancelled = eventCountsInWindow(
    log,
    { kind: [CANCELLATION, RETURN], unit: 'orders' },
    asOf,
    active.ids,
  );
  const cancelledShare = Float64Array.from(cancelled, (c, i) => c / (c + orders[i]!));
  return appendFeatures(active, [
    { name: 'orders_last_30', values: recent },
    { name: 'days_per_order', values: daysPerOrder },
    { name: 'overdue_ratio', values: overdue },
    { name: 'order_gap_sd_days', values: gapSd },
    ...(unitPrice ? [{ name: 'avg_unit_price', values: unitPrice }] : []),
    { name: 'cancelled_orders', values: Float64Array.from(cancelled) },
    { name: 'cancelled_share', values: cancelledShare },
    { name: 'last_order_lines_ratio', values: lastLinesRatio },
  ]);
}

interface OrderRhythm {
  readonly gapSd: Float64Array;
  readonly lastLinesRatio: Float64Array;
  /** Only when the log has quantities. */
  readonly unitPrice?: Float64Array;
}

/**
 * Per customer of `ids`, from purchase events before `asOf` (lines of one order share its
 * time, so the last order is every line at the last purchase time): sd of the gaps between
 * distinct purchase times; lines of the last order / mean lines per order (`orders[i]`
 * orders); and gross amount / units when quantities are known.
 */
function orderRhythm(
  log: EventLog,
  ids: readonly string[],
  asOf: number,
  orders: Float64Array,
): OrderRhythm {
  const { offsets, events } = customerEventIndex(log);
  const lookup = customerLookup(log);
  const purchase = kindCode(log, PURCHASE);
  const gapSd = new Float64Array(ids.length);
  const lastLinesRatio = new Float64Array(ids.length);
  const unitPrice = log.quantity ? new Float64Array(ids.length) : undefined;
  const times: number[] = [];
  ids.forEach((id, i) => {
    const c = lookup.get(id)!;
    times.length = 0;
    let amount = 0;
    let units = 0;
    let last = -Infinity;
    let lastLines = 0;
    for (let p = offsets[c]!; p < offsets[c + 1]!; p++) {
      const e = events[p]!;
      const t = log.time[e]!;
      if (log.kind[e] !== purchase || !(t < asOf)) continue;
      times.push(t);
      amount += log.amount[e]!;
      const q = log.quantity?.[e];
      if (q !== undefined && Number.isFinite(q)) units += q;
      if (t > last) {
        last = t;
        lastLines = 0;
      }
      if (t === last) lastLines++;
    }
    lastLinesRatio[i] = times.length > 0 ? (lastLines * orders[i]!) / times.length : 0;
    times.sort((a, b) => a - b);
    const gaps: number[] = [];
    for (let k = 1; k < times.length; k++) {
      if (times[k] !== times[k - 1]) gaps.push((times[k]! - times[k - 1]!) / DAY_MS);
    }
    if (gaps.length >= 2) {
      const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
      gapSd[i] = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    }
    if (unitPrice) unitPrice[i] = units > 0 ? amount / units : 0;
  });
  return unitPrice ? { gapSd, lastLinesRatio, unitPrice } : { gapSd, lastLinesRatio };
}

export interface TimeSplitOptions extends ChurnEventFeatureOptions {
  /** Label window H in days. */
  readonly horizonDays: number;
}

/**
 * The time-split churn data set: features as of T from events before T (see
 * `churnEventFeatures`), and label 1 (churned) for a customer with no purchase in
 * [T, T + H). The log must reach T + H, or the last customers would look churned only
 * because the data stop.
 *
 * @returns `table` `[customers, features]`, `labels` `[customers]`, and the label source
 */
export function timeSplitChurnData(
  log: EventLog,
  options: TimeSplitOptions,
): { table: FeatureTable; labels: Uint8Array; source: LabelSource } {
  const { asOf, horizonDays } = options;
  requireArgument(
    Number.isFinite(horizonDays) && horizonDays > 0,
    'horizonDays',
    `must be a positive number of days, got ${horizonDays}`,
  );
  const end = asOf + horizonDays * DAY_MS;
  let last = -Infinity;
  for (let e = 0; e < log.length; e++) if (log.time[e]! > last) last = log.time[e]!;
  if (!(last >= end - DAY_MS)) {
    throw new EngineError(
      'invalid_argument',
      `the events end on ${new Date(last).toISOString().slice(0, 10)}, before the label window [${new Date(asOf).toISOString().slice(0, 10)}, ${new Date(end).toISOString().slice(0, 10)}) closes; choose an earlier as-of date or a shorter horizon`,
      ['horizonDays'],
    );
  }
  const table = churnEventFeatures(log, options);
  if (table.ids.length === 0) {
    throw new EngineError(
      'empty_input',
      `no customer purchased before ${new Date(asOf).toISOString()}`,
      ['asOf'],
    );
  }
  const future = eventCountsInWindow(
    log,
    { kind: PURCHASE, from: { daysBefore: horizonDays } },
    end,
    table.ids,
  );
  return {
    table,
    labels: Uint8Array.from(future, (count) => (count === 0 ? 1 : 0)),
    source: { kind: 'time-split', asOf: new Date(asOf).toISOString(), horizonDays },
  };
}

/**
 * Rows of a feature table as plain records (`{ [name]: value }`), `chunkRows` at a time, so
 * a large table is never turned into objects all at once.
 */
export function* featureTableRows(
  table: FeatureTable,
  chunkRows = 10_000,
): Generator<{ ids: string[]; rows: Record<string, number>[] }> {
  const { names, matrix } = table;
  for (let start = 0; start < matrix.rows; start += chunkRows) {
    const end = Math.min(matrix.rows, start + chunkRows);
    const rows: Record<string, number>[] = [];
    for (let r = start; r < end; r++) {
      const row: Record<string, number> = {};
      names.forEach((name, c) => (row[name] = matrix.data[r * matrix.cols + c]!));
      rows.push(row);
    }
    yield { ids: table.ids.slice(start, end), rows };
  }
}

/**
 * A feature table as column-major chunks with ids (the cheapest input for
 * `scoreChurnStream`): no object per customer is made.
 */
export function* featureTableColumnChunks(
  table: FeatureTable,
  chunkRows = 10_000,
): Generator<ColumnChunk & { ids: readonly string[] }> {
  const { names, matrix } = table;
  for (let start = 0; start < matrix.rows; start += chunkRows) {
    const end = Math.min(matrix.rows, start + chunkRows);
    const columns: Record<string, Float64Array> = {};
    names.forEach((name, c) => {
      columns[name] = Float64Array.from(
        { length: end - start },
        (_, r) => matrix.data[(start + r) * matrix.cols + c]!,
      );
    });
    yield { length: end - start, columns, ids: table.ids.slice(start, end) };
  }
}
