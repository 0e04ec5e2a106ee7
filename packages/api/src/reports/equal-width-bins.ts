import { sql, type RawBuilder } from 'kysely';

/** One of `bins` equal-width bins over [0, 1]: [from, to), the last one including 1. */
export interface BinBounds {
  readonly from: number;
  readonly to: number;
}

/**
 * The bounds of `bins` equal-width bins over [0, 1].
 *
 * @example
 * binBounds(4); // [{ from: 0, to: 0.25 }, { from: 0.25, to: 0.5 }, ..., { from: 0.75, to: 1 }]
 */
export function binBounds(bins: number): BinBounds[] {
  return Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins }));
}

/**
 * The 0-based bin of a probability column in SQL, the same rule as the engine's reliability
 * table (`min(bins - 1, floor(p · bins))`), so report bins and model-evaluation bins agree.
 */
export function binOf(column: RawBuilder<number>, bins: number): RawBuilder<number> {
  return sql<number>`LEAST(floor(${column} * ${bins}), ${bins - 1})::int`;
}

/**
 * Spreads aggregated rows (`bin` → row) over every bin, so empty bins are listed too.
 *
 * @example
 * fillBins(3, new Map([[2, { count: 5 }]]), (bounds, row) => ({ ...bounds, count: row?.count ?? 0 }));
 */
export function fillBins<Row, Out>(
  bins: number,
  rows: ReadonlyMap<number, Row>,
  build: (bounds: BinBounds, row: Row | undefined) => Out,
): Out[] {
  return binBounds(bins).map((bounds, b) => build(bounds, rows.get(b)));
}
