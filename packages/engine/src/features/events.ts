import { EngineError } from '../errors.ts';

/** Milliseconds in a day: every `*_days` feature and rule window is measured in these. */
export const DAY_MS = 86_400_000;

/**
 * Event kinds the features know about. Any other kind (`visit`, `login`, ...) is kept in the
 * log and can be counted by rules, but adds nothing to spend or orders.
 * - `purchase`: a sale line; adds its amount to spend, its order to the order count
 * - `cancellation`: an order (or line) cancelled after the fact; subtracts `|amount|`
 * - `return`: goods sent back; subtracts `|amount|`
 */
export const PURCHASE = 'purchase';
export const CANCELLATION = 'cancellation';
export const RETURN = 'return';

/** Strings stored once and referenced by code; code `-1` means "no value for this event". */
export interface DictionaryColumn {
  /** `[events]` index into `values`, or -1 */
  readonly codes: Int32Array;
  readonly values: readonly string[];
}

/**
 * A columnar event log: one entry per event in every array, no per-event objects, so tens of
 * millions of events fit in memory (about 40 bytes an event with every column).
 *
 * Times are milliseconds since the epoch. Sources that give wall-clock times without a zone are
 * expected to be read as if they were UTC, so day arithmetic does not depend on the machine.
 */
export interface EventLog {
  /** Number of events. */
  readonly length: number;
  /** Customer id table; `customerIds[customer[i]]` is the customer of event `i`. */
  readonly customerIds: readonly string[];
  /** `[events]` index into `customerIds` */
  readonly customer: Int32Array;
  /** `[events]` ms since the epoch */
  readonly time: Float64Array;
  /** `[events]` money value of the event (0 for events without one) */
  readonly amount: Float64Array;
  /** Kind table; `kindNames[kind[i]]` is the kind of event `i`. */
  readonly kindNames: readonly string[];
  /** `[events]` index into `kindNames` */
  readonly kind: Uint8Array;
  /** `[events]` units, NaN where unknown; present when any event had one */
  readonly quantity?: Float64Array;
  /** Order / invoice the event belongs to; present when any event had one */
  readonly order?: DictionaryColumn;
  readonly product?: DictionaryColumn;
  readonly category?: DictionaryColumn;
}

/** One event as a plain object, for `EventLogBuilder.add` and `eventLogFromRows`. */
export interface EventInput {
  readonly customerId: string;
  /** ms since the epoch */
  readonly time: number;
  /** @default 0 */
  readonly amount?: number;
  /** @default 'purchase' */
  readonly kind?: string;
  readonly quantity?: number;
  readonly order?: string;
  readonly product?: string;
  readonly category?: string;
}

const MAX_KINDS = 256;

/**
 * Strings to dense codes 0, 1, 2, ... Spread over several maps because one V8 Map holds at
 * most 2^24 entries, and tens of millions of events can carry more distinct invoices.
 */
class Interner {
  readonly values: string[] = [];
  private readonly shards = Array.from({ length: 16 }, () => new Map<string, number>());

  private shard(value: string): Map<string, number> {
    const n = value.length;
    // the last characters vary most in ids such as "536365" or "cust-0000123"
    const hash = value.charCodeAt(n - 1) * 31 + (n > 1 ? value.charCodeAt(n - 2) : 0);
    return this.shards[hash & 15]!;
  }

  get(value: string): number | undefined {
    return this.shard(value).get(value);
  }

  /** The code of `value`, adding it when new. */
  code(value: string): number {
    const shard = this.shard(value);
    let code = shard.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      shard.set(value, code);
    }
    return code;
  }
}

/** A string column being filled: codes grow with the log, values are interned. */
class DictionaryBuilder {
  codes: Int32Array;
  private readonly interner = new Interner();

  constructor(capacity: number, filled: number) {
    this.codes = new Int32Array(capacity).fill(-1, 0, filled);
  }

  get values(): readonly string[] {
    return this.interner.values;
  }

  set(index: number, value: string | undefined): void {
    this.codes[index] = value === undefined || value === '' ? -1 : this.interner.code(value);
  }

  grow(capacity: number): void {
    const codes = new Int32Array(capacity);
    codes.set(this.codes);
    this.codes = codes;
  }

  build(length: number): DictionaryColumn {
    return { codes: this.codes.slice(0, length), values: [...this.interner.values] };
  }
}

function grown<T extends Float64Array | Int32Array | Uint8Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/**
 * Accumulates events one at a time into growable typed arrays, interning customer ids,
 * kinds, orders, products and categories. Optional columns appear when the first event
 * carries them (earlier events get NaN / -1), so a reader need not declare them up front.
 *
 * @example
 * const builder = new EventLogBuilder();
 * builder.add({ customerId: 'c1', time: Date.UTC(2024, 0, 5), amount: 20, order: 'A1' });
 * builder.add({ customerId: 'c1', time: Date.UTC(2024, 1, 5), amount: -20, kind: 'return' });
 * const log = builder.build(); // log.length === 2, log.customerIds = ['c1']
 */
export class EventLogBuilder {
  private size = 0;
  private capacity: number;
  private customer: Int32Array;
  private time: Float64Array;
  private amount: Float64Array;
  private kind: Uint8Array;
  private quantity?: Float64Array;
  private order?: DictionaryBuilder;
  private product?: DictionaryBuilder;
  private category?: DictionaryBuilder;
  private readonly customers = new Interner();
  private readonly kindNames: string[] = [PURCHASE, CANCELLATION, RETURN];
  private readonly kindLookup = new Map<string, number>(this.kindNames.map((k, i) => [k, i]));

  /** @param initialCapacity - events to allocate room for; the arrays double when full */
  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, Math.floor(initialCapacity));
    this.customer = new Int32Array(this.capacity);
    this.time = new Float64Array(this.capacity);
    this.amount = new Float64Array(this.capacity);
    this.kind = new Uint8Array(this.capacity);
  }

  /** Events added so far. */
  get length(): number {
    return this.size;
  }

  /** Customer index (into the built log's `customerIds`) of event `index`. */
  customerOf(index: number): number {
    return this.customer[index]!;
  }

  /**
   * Whether event `index` equals `event` in customer, time, amount, kind, quantity and order:
   * the fields that change features. Readers use it to confirm a suspected duplicate row.
   */
  sameEvent(index: number, event: EventInput): boolean {
    if (index < 0 || index >= this.size) return false;
    const customer = this.customers.get(event.customerId);
    const kind = this.kindLookup.get(event.kind ?? PURCHASE);
    const quantity = this.quantity ? this.quantity[index]! : Number.NaN;
    const order = this.order ? this.order.codes[index]! : -1;
    const orderValue = order >= 0 ? this.order!.values[order] : undefined;
    return (
      this.customer[index] === customer &&
      this.time[index] === event.time &&
      this.amount[index] === (event.amount ?? 0) &&
      this.kind[index] === kind &&
      (Number.isNaN(quantity)
        ? event.quantity === undefined
        : quantity === (event.quantity ?? Number.NaN)) &&
      orderValue === (event.order === '' ? undefined : event.order)
    );
  }

  /** Appends one event. Throws `invalid_argument` naming the field and the event's position. */
  add(event: EventInput): void {
    const at = this.size;
    if (typeof event.customerId !== 'string' || event.customerId === '') {
      throw new EngineError(
        'invalid_argument',
        `events[${at}].customerId: must be a non-empty string`,
        ['events', at, 'customerId'],
      );
    }
    if (!Number.isFinite(event.time)) {
      throw new EngineError(
        'invalid_argument',
        `events[${at}].time: must be a finite number of ms, got ${event.time}`,
        ['events', at, 'time'],
      );
    }
    const amount = event.amount ?? 0;
    if (!Number.isFinite(amount)) {
      throw new EngineError(
        'invalid_argument',
        `events[${at}].amount: must be finite, got ${amount}`,
        ['events', at, 'amount'],
      );
    }
    if (event.quantity !== undefined && !Number.isFinite(event.quantity)) {
      throw new EngineError(
        'invalid_argument',
        `events[${at}].quantity: must be finite, got ${event.quantity}`,
        ['events', at, 'quantity'],
      );
    }
    if (at === this.capacity) this.growTo(this.capacity * 2);

    this.customer[at] = this.customers.code(event.customerId);
    this.time[at] = event.time;
    this.amount[at] = amount;
    this.kind[at] = this.kindCode(event.kind ?? PURCHASE, at);

    if (event.quantity !== undefined && !this.quantity) {
      this.quantity = new Float64Array(this.capacity).fill(Number.NaN, 0, at);
    }
    if (this.quantity) this.quantity[at] = event.quantity ?? Number.NaN;
    if (event.order !== undefined && !this.order)
      this.order = new DictionaryBuilder(this.capacity, at);
    this.order?.set(at, event.order);
    if (event.product !== undefined && !this.product) {
      this.product = new DictionaryBuilder(this.capacity, at);
    }
    this.product?.set(at, event.product);
    if (event.category !== undefined && !this.category) {
      this.category = new DictionaryBuilder(this.capacity, at);
    }
    this.category?.set(at, event.category);
    this.size = at + 1;
  }

  /** The log so far, trimmed to its length (the builder may keep adding afterwards). */
  build(): EventLog {
    const n = this.size;
    return {
      length: n,
      customerIds: [...this.customers.values],
      customer: this.customer.slice(0, n),
      time: this.time.slice(0, n),
      amount: this.amount.slice(0, n),
      kindNames: [...this.kindNames],
      kind: this.kind.slice(0, n),
      ...(this.quantity ? { quantity: this.quantity.slice(0, n) } : {}),
      ...(this.order ? { order: this.order.build(n) } : {}),
      ...(this.product ? { product: this.product.build(n) } : {}),
      ...(this.category ? { category: this.category.build(n) } : {}),
    };
  }

  private kindCode(kind: string, at: number): number {
    let code = this.kindLookup.get(kind);
    if (code !== undefined) return code;
    if (typeof kind !== 'string' || kind === '') {
      throw new EngineError('invalid_argument', `events[${at}].kind: must be a non-empty string`, [
        'events',
        at,
        'kind',
      ]);
    }
    if (this.kindNames.length === MAX_KINDS) {
      throw new EngineError(
        'invalid_argument',
        `events[${at}].kind: more than ${MAX_KINDS} distinct kinds ("${kind}")`,
        ['events', at, 'kind'],
      );
    }
    code = this.kindNames.length;
    this.kindNames.push(kind);
    this.kindLookup.set(kind, code);
    return code;
  }

  private growTo(capacity: number): void {
    this.capacity = capacity;
    this.customer = grown(this.customer, capacity);
    this.time = grown(this.time, capacity);
    this.amount = grown(this.amount, capacity);
    this.kind = grown(this.kind, capacity);
    if (this.quantity) this.quantity = grown(this.quantity, capacity);
    this.order?.grow(capacity);
    this.product?.grow(capacity);
    this.category?.grow(capacity);
  }
}

/**
 * Builds a log from plain objects: handy for tests and small JSON payloads. Bulk readers
 * should feed an `EventLogBuilder` as they stream instead.
 */
export function eventLogFromRows(rows: readonly EventInput[]): EventLog {
  const builder = new EventLogBuilder(rows.length);
  for (const row of rows) builder.add(row);
  return builder.build();
}

/**
 * The kind of a retail invoice line, by the convention of the bundled online retail data:
 * an invoice number starting with `cancelPrefix` is a cancellation; otherwise a negative
 * quantity is a return; everything else is a purchase.
 *
 * @param cancelPrefix - @default 'C'; pass '' to recognise no cancellations by invoice
 */
export function retailEventKind(
  invoice: string | undefined,
  quantity: number | undefined,
  cancelPrefix = 'C',
): string {
  if (cancelPrefix !== '' && invoice !== undefined && invoice.startsWith(cancelPrefix)) {
    return CANCELLATION;
  }
  if (quantity !== undefined && quantity < 0) return RETURN;
  return PURCHASE;
}

/**
 * Events grouped by customer (CSR layout): the events of customer `c` are
 * `events[offsets[c]] .. events[offsets[c + 1] - 1]`, in log order.
 */
export interface CustomerEventIndex {
  /** `[customers + 1]` */
  readonly offsets: Int32Array;
  /** `[events]` event indices */
  readonly events: Int32Array;
}

const indexCache = new WeakMap<EventLog, CustomerEventIndex>();

/**
 * Groups a log's events by customer with a counting sort (O(events)). Cached per log object,
 * which is safe because logs are never mutated.
 */
export function customerEventIndex(log: EventLog): CustomerEventIndex {
  const cached = indexCache.get(log);
  if (cached) return cached;
  const customers = log.customerIds.length;
  const offsets = new Int32Array(customers + 1);
  for (let e = 0; e < log.length; e++) offsets[log.customer[e]! + 1]!++;
  for (let c = 0; c < customers; c++) offsets[c + 1]! += offsets[c]!;
  const cursor = offsets.slice(0, customers);
  const events = new Int32Array(log.length);
  for (let e = 0; e < log.length; e++) events[cursor[log.customer[e]!]!++] = e;
  const index = { offsets, events };
  indexCache.set(log, index);
  return index;
}

const lookupCache = new WeakMap<EventLog, Map<string, number>>();

/** Map from customer id to its index in `log.customerIds` (cached per log). */
export function customerLookup(log: EventLog): Map<string, number> {
  let lookup = lookupCache.get(log);
  if (!lookup) {
    lookup = new Map(log.customerIds.map((id, i) => [id, i]));
    lookupCache.set(log, lookup);
  }
  return lookup;
}

/** Code of `kind` in the log, or -1 when no event has that kind. */
export function kindCode(log: EventLog, kind: string): number {
  return log.kindNames.indexOf(kind);
}
