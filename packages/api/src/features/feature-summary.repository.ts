import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Bins of every numeric histogram. */
export const HISTOGRAM_BINS = 20;
/** Most frequent values kept per categorical column. */
export const TOP_CATEGORIES = 8;

export type ValueSource = 'feature' | 'attribute';

export interface NumericStatsRow {
  source: ValueSource;
  name: string;
  present: number;
  text_values: number;
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  quantiles: number[] | null;
}

export interface HistogramBinRow {
  source: ValueSource;
  name: string;
  bin: number;
  count: number;
}

export interface CategoryRow {
  source: ValueSource;
  name: string;
  value: string;
  count: number;
  distinct_values: number;
}

export interface CustomerTotalsRow {
  customers: number;
  /** Customers in the sample (every `step`-th internal id; all when step = 1). */
  sampled: number;
  with_features: number;
  stale: number;
  features_as_of: Date | null;
}

/**
 * Every feature and attribute value of the sampled customers (internal ids divisible by
 * `step`; every customer when step = 1), one row per customer and key.
 */
const values = (workspaceId: string, step: number) => sql`
  SELECT 'feature'::text AS source, kv.key AS name, kv.value AS value
    FROM customers c CROSS JOIN LATERAL jsonb_each(c.features) kv
   WHERE c.workspace_id = ${workspaceId} AND c.id % ${step} = 0
     AND jsonb_typeof(c.features) = 'object'
  UNION ALL
  SELECT 'attribute'::text, kv.key, kv.value
    FROM customers c CROSS JOIN LATERAL jsonb_each(c.attributes) kv
   WHERE c.workspace_id = ${workspaceId} AND c.id % ${step} = 0`;

const numericValue = sql`CASE WHEN jsonb_typeof(value) = 'number' THEN (value #>> '{}')::double precision END`;

/** Exact customer counts; `sampled` counts those a summary with this `step` reads. */
export async function customerTotals(
  db: Db,
  workspaceId: string,
  step: number,
): Promise<CustomerTotalsRow> {
  const { rows } = await sql<CustomerTotalsRow>`
    SELECT count(*)::int AS customers,
           count(*) FILTER (WHERE id % ${step} = 0)::int AS sampled,
           count(*) FILTER (WHERE jsonb_typeof(features) = 'object')::int AS with_features,
           count(*) FILTER (WHERE features_stale)::int AS stale,
           max(features_as_of) AS features_as_of
      FROM customers WHERE workspace_id = ${workspaceId}`.execute(db);
  return rows[0]!;
}

/** Count, mean, sd, range and the 5/25/50/75/95th percentiles of each key's numbers. */
export async function numericStats(
  db: Db,
  workspaceId: string,
  step: number,
): Promise<NumericStatsRow[]> {
  const { rows } = await sql<NumericStatsRow>`
    WITH v AS (SELECT source, name, value, ${numericValue} AS x FROM (${values(workspaceId, step)}) raw)
    SELECT source, name,
           count(x)::int AS present,
           count(*) FILTER (WHERE jsonb_typeof(value) IN ('string', 'boolean'))::int AS text_values,
           avg(x) AS mean, stddev_samp(x) AS sd, min(x) AS min, max(x) AS max,
           percentile_cont(ARRAY[0.05, 0.25, 0.5, 0.75, 0.95]::double precision[])
             WITHIN GROUP (ORDER BY x) AS quantiles
      FROM v GROUP BY source, name ORDER BY source DESC, name`.execute(db);
  return rows;
}

/** Equal-width histograms between each key's min and max (`HISTOGRAM_BINS` bins, 0-based). */
export async function histogramBins(
  db: Db,
  workspaceId: string,
  step: number,
): Promise<HistogramBinRow[]> {
  const { rows } = await sql<HistogramBinRow>`
    WITH v AS (
      SELECT source, name, x FROM (
        SELECT source, name, ${numericValue} AS x FROM (${values(workspaceId, step)}) raw
      ) n WHERE x IS NOT NULL
    ),
    b AS (SELECT source, name, min(x) AS lo, max(x) AS hi FROM v GROUP BY source, name)
    SELECT v.source, v.name,
           (CASE WHEN b.hi = b.lo THEN 1
                 ELSE LEAST(width_bucket(v.x, b.lo, b.hi, ${HISTOGRAM_BINS}), ${HISTOGRAM_BINS}) END) - 1 AS bin,
           count(*)::int AS count
      FROM v JOIN b ON b.source = v.source AND b.name = v.name
     GROUP BY 1, 2, 3`.execute(db);
  return rows;
}

/** The most frequent text/boolean values of each key, with how many distinct values it has. */
export async function topCategories(
  db: Db,
  workspaceId: string,
  step: number,
): Promise<CategoryRow[]> {
  const { rows } = await sql<CategoryRow>`
    WITH t AS (
      SELECT source, name, value #>> '{}' AS value
        FROM (${values(workspaceId, step)}) raw
       WHERE jsonb_typeof(value) IN ('string', 'boolean')
    ),
    counted AS (
      SELECT source, name, value, count(*)::int AS count,
             row_number() OVER (PARTITION BY source, name ORDER BY count(*) DESC, value) AS rank,
             (count(*) OVER (PARTITION BY source, name))::int AS distinct_values
        FROM t GROUP BY source, name, value
    )
    SELECT source, name, value, count, distinct_values FROM counted
     WHERE rank <= ${TOP_CATEGORIES} ORDER BY source DESC, name, rank`.execute(db);
  return rows;
}
