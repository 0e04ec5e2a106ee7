import { requireArgument } from '../errors.ts';
import { customerEventIndex, customerLookup, DAY_MS, type EventLog } from './events.ts';

/** A point in time counted back from the cut-off T. */
export interface TimeBound {
  /** Days before T (0 = T itself); not negative, so a window never reaches past T. */
  readonly daysBefore: number;
}

/**
 * A time window relative to the cut-off T, plus which events to count in it:
 * events with `T − from.daysBefore ≤ time < T − to.daysBefore`.
 */
export interface EventWindow {
  /** Kind or kinds to count; every kind when omitted. */
  readonly kind?: string | readonly string[];
  /** Inclusive start; the beginning of the log when omitted. */
  readonly from?: TimeBound;
  /** Exclusive end; T when omitted. */
  readonly to?: TimeBound;
  /** `events` counts events; `orders` counts distinct orders (an event without one counts alone). @default 'events' */
  readonly unit?: 'events' | 'orders';
}

/** The [start, end) times in ms of `window` for cut-off `asOf`. */
export function windowBounds(window: EventWindow, asOf: number): { start: number; end: number } {
  for (const side of ['from', 'to'] as const) {
    const bound = window[side];
    if (bound !== undefined) {
      requireArgument(
        Number.isFinite(bound.daysBefore) && bound.daysBefore >= 0,
        `window.${side}.daysBefore`,
        `must be a number of days >= 0, got ${bound.daysBefore}`,
      );
    }
  }
  return {
    start: window.from ? asOf - window.from.daysBefore * DAY_MS : -Infinity,
    end: window.to ? asOf - window.to.daysBefore * DAY_MS : asOf,
  };
}

/**
 * How many events (or distinct orders) each customer has in a window before the cut-off.
 * The building block of rules such as "more than 4 visits in the last 30 days and none in
 * the 30 before".
 *
 * @param ids - customers to report, in this order (e.g. a feature table's `ids`); customers
 *   not in the log get 0. @default log.customerIds
 * @returns `[ids.length]` counts
 * @example
 * // purchases in the last 30 days before T, per customer of `table`
 * eventCountsInWindow(log, { kind: 'purchase', from: { daysBefore: 30 } }, asOf, table.ids);
 */
export function eventCountsInWindow(
  log: EventLog,
  window: EventWindow,
  asOf: number,
  ids?: readonly string[],
): Int32Array {
  requireArgument(Number.isFinite(asOf), 'asOf', `must be a finite time in ms, got ${asOf}`);
  const { start, end } = windowBounds(window, asOf);
  const kinds = window.kind === undefined ? undefined : [window.kind].flat();
  const kindMask = new Uint8Array(log.kindNames.length);
  log.kindNames.forEach((name, code) => {
    kindMask[code] = kinds === undefined || kinds.includes(name) ? 1 : 0;
  });

  const perCustomer = new Int32Array(log.customerIds.length);
  const { customer, time, kind } = log;
  const orderCodes = window.unit === 'orders' ? log.order?.codes : undefined;
  if (orderCodes) {
    const { offsets, events } = customerEventIndex(log);
    const seen = new Int32Array(log.order!.values.length);
    for (let c = 0; c < perCustomer.length; c++) {
      let count = 0;
      for (let p = offsets[c]!; p < offsets[c + 1]!; p++) {
        const e = events[p]!;
        const t = time[e]!;
        if (t < start || t >= end || !kindMask[kind[e]!]) continue;
        const order = orderCodes[e]!;
        if (order < 0) count++;
        else if (seen[order] !== c + 1) {
          seen[order] = c + 1;
          count++;
        }
      }
      perCustomer[c] = count;
    }
  } else {
    for (let e = 0; e < log.length; e++) {
      const t = time[e]!;
      if (t >= start && t < end && kindMask[kind[e]!]) perCustomer[customer[e]!]!++;
    }
  }

  if (ids === undefined) return perCustomer;
  const lookup = customerLookup(log);
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const c = lookup.get(ids[i]!);
    out[i] = c === undefined ? 0 : perCustomer[c]!;
  }
  return out;
}
