import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SegmentExpression } from './segment-expression.ts';
import { segmentPredicate } from './segment-predicate.ts';

/**
 * The customers of a workspace matching `expression`, as one query: `c` is the customer and
 * `cp` their prediction in the current churn scoring. The current scoring is a scalar
 * subquery (evaluated once), so the join is a primary-key lookup per customer.
 */
export function segmentCustomers(db: Db, workspaceId: string, expression: SegmentExpression) {
  return db
    .selectFrom('customers as c')
    .leftJoin('churn_predictions as cp', (join) =>
      join
        .onRef('cp.customer_id', '=', 'c.id')
        .on(
          'cp.scoring_job_id',
          '=',
          db
            .selectFrom('churn_scorings as s')
            .select('s.job_id')
            .where('s.workspace_id', '=', workspaceId)
            .where('s.is_current', '=', true),
        ),
    )
    .where('c.workspace_id', '=', workspaceId)
    .where(segmentPredicate(expression, workspaceId));
}

/** How many customers match. */
export async function countSegmentMembers(
  db: Db,
  workspaceId: string,
  expression: SegmentExpression,
): Promise<number> {
  const row = await segmentCustomers(db, workspaceId, expression)
    .select(sql<number>`count(*)::int`.as('count'))
    .executeTakeFirstOrThrow();
  return row.count;
}

export interface MemberRow {
  readonly id: number;
  readonly external_id: string;
  readonly probability: number | null;
  readonly risk_band: string | null;
  /** Slugs of the tags held now, in byte order. */
  readonly tags: string[];
}

/**
 * One keyset page of members in internal id order, after `afterId`. Fetch `limit + 1` to
 * learn whether another page follows.
 */
export async function listSegmentMembers(
  db: Db,
  workspaceId: string,
  expression: SegmentExpression,
  page: { afterId: number | undefined; limit: number },
): Promise<MemberRow[]> {
  let query = segmentCustomers(db, workspaceId, expression)
    .select([
      'c.id',
      'c.external_id',
      'cp.probability',
      'cp.risk_band',
      // COLLATE "C": the same order on every server locale.
      sql<string[]>`ARRAY(
        SELECT t.slug FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id
         WHERE ct.customer_id = c.id AND ct.removed_at IS NULL
         ORDER BY t.slug COLLATE "C")`.as('tags'),
    ])
    .orderBy('c.id')
    .limit(page.limit);
  if (page.afterId !== undefined) query = query.where('c.id', '>', page.afterId);
  return query.execute();
}
