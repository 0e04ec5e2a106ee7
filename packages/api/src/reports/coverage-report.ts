import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import {
  TAG_CATEGORIES,
  type TagCategory,
  type TagKind,
  type TagStatus,
} from '../tags/tag.table.ts';

/** How many refreshes the coverage trend shows, newest last. */
export const TREND_REFRESHES = 20;

/** The job kind whose completion marks a refresh of the suggestions (and of auto-accepted tags). */
export const REFRESH_JOB_KIND = 'suggest';

export interface CoverageReport {
  readonly customers: number;
  readonly tagged: number;
  readonly byCategory: { category: TagCategory; customers: number; share: number }[];
  readonly tags: {
    slug: string;
    displayName: string;
    category: TagCategory;
    kind: TagKind;
    status: TagStatus;
    holders: number;
  }[];
  readonly trend: { at: string; jobId: string; tagged: number; byTag: Record<string, number> }[];
}

/** Customers, customers holding any tag, and customers per category of the tags they hold, now. */
async function currentCoverage(db: Db, workspaceId: string) {
  const { rows } = await sql<{ category: TagCategory | null; customers: number }>`
    SELECT t.category, count(DISTINCT ct.customer_id)::int AS customers
      FROM customer_tags ct
      JOIN tags t ON t.id = ct.tag_id
     WHERE ct.workspace_id = ${workspaceId} AND ct.removed_at IS NULL
     GROUP BY GROUPING SETS ((t.category), ())`.execute(db);
  const customers = await db
    .selectFrom('customers')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return { customers: customers.n, rows };
}

/** Every tag of the workspace with its current holders, most held first. */
async function tagHolders(db: Db, workspaceId: string) {
  return db
    .selectFrom('tags as t')
    .leftJoin('customer_tags as ct', (join) =>
      join.onRef('ct.tag_id', '=', 't.id').on('ct.removed_at', 'is', null),
    )
    .select([
      't.slug',
      't.display_name',
      't.category',
      't.kind',
      't.status',
      sql<number>`count(ct.id)::int`.as('holders'),
    ])
    .where('t.workspace_id', '=', workspaceId)
    .groupBy(['t.id', 't.slug', 't.display_name', 't.category', 't.kind', 't.status'])
    .orderBy('holders', 'desc')
    .orderBy('t.slug')
    .execute();
}

/**
 * Holders at each of the last `TREND_REFRESHES` refreshes, from the customer-tag history: a
 * customer held a tag at time t when `assigned_at <= t AND (removed_at IS NULL OR removed_at > t)`.
 * One grouped query: a row per refresh and tag, and a total row per refresh (`is_total`) with
 * the customers holding any tag. Refreshes with no holders still get their total row (0).
 */
async function holdersAtRefreshes(db: Db, workspaceId: string) {
  const { rows } = await sql<{
    job_id: string;
    at: Date;
    slug: string | null;
    is_total: boolean;
    holders: number;
  }>`
    WITH refreshes AS (
      SELECT id, finished_at AS at FROM jobs
       WHERE workspace_id = ${workspaceId} AND kind = ${REFRESH_JOB_KIND}
         AND status = 'succeeded' AND finished_at IS NOT NULL
       ORDER BY finished_at DESC, id DESC
       LIMIT ${TREND_REFRESHES})
    SELECT r.id AS job_id, r.at, t.slug, GROUPING(t.slug) = 1 AS is_total,
           count(DISTINCT ct.customer_id)::int AS holders
      FROM refreshes r
      LEFT JOIN customer_tags ct
        ON ct.workspace_id = ${workspaceId} AND ct.assigned_at <= r.at
       AND (ct.removed_at IS NULL OR ct.removed_at > r.at)
      LEFT JOIN tags t ON t.id = ct.tag_id
     GROUP BY GROUPING SETS ((r.id, r.at, t.slug), (r.id, r.at))
     ORDER BY r.at, r.id`.execute(db);
  return rows;
}

/** Folds the grouped rows into one trend point per refresh, oldest first (the query's order). */
function trendOf(rows: Awaited<ReturnType<typeof holdersAtRefreshes>>): CoverageReport['trend'] {
  const trend = new Map<string, CoverageReport['trend'][number]>();
  for (const row of rows) {
    let point = trend.get(row.job_id);
    if (point === undefined) {
      point = { at: row.at.toISOString(), jobId: row.job_id, tagged: 0, byTag: {} };
      trend.set(row.job_id, point);
    }
    if (row.is_total) point.tagged = row.holders;
    else if (row.slug !== null) point.byTag[row.slug] = row.holders;
  }
  return [...trend.values()];
}

/**
 * Tag coverage now (customers, customers holding any tag, per category, per tag) and its
 * trend over the last refreshes. Every figure is a SQL aggregate.
 */
export async function coverageReport(db: Db, workspaceId: string): Promise<CoverageReport> {
  const [current, tags, refreshes] = await Promise.all([
    currentCoverage(db, workspaceId),
    tagHolders(db, workspaceId),
    holdersAtRefreshes(db, workspaceId),
  ]);
  const perCategory = new Map(current.rows.map((r) => [r.category, r.customers]));
  const share = (n: number) => (current.customers === 0 ? 0 : n / current.customers);
  return {
    customers: current.customers,
    tagged: perCategory.get(null) ?? 0,
    byCategory: TAG_CATEGORIES.map((category) => {
      const customers = perCategory.get(category) ?? 0;
      return { category, customers, share: share(customers) };
    }),
    tags: tags.map((t) => ({
      slug: t.slug,
      displayName: t.display_name,
      category: t.category,
      kind: t.kind,
      status: t.status,
      holders: t.holders,
    })),
    trend: trendOf(refreshes),
  };
}
