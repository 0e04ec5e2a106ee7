import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { ComparisonOp } from '@tagwise/engine';
import type { ChurnPredictionTable } from '../churn/churn-prediction.table.ts';
import type { CustomerTable } from '../customers/customer.table.ts';
import type { Database } from '../db/database.ts';
import type { SegmentExpression } from './segment-expression.ts';

/**
 * What a segment predicate reads: the customer (`c`) and, left-joined, their prediction in
 * the workspace's current churn scoring (`cp`, all NULL when the customer has none).
 */
export type SegmentScope = Database & { c: CustomerTable; cp: ChurnPredictionTable };

const SQL_OPS = {
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '==': '=',
  '!=': '<>',
} as const satisfies Record<ComparisonOp, string>;

const eb = expressionBuilder<SegmentScope, 'c' | 'cp'>();

/**
 * `column -> name` as `type` when it is a JSON value of that type, else NULL. The type test
 * comes first, in a CASE, so a text value is never cast (the cast would fail the query).
 */
const typedValue = (column: 'features' | 'attributes', name: string, type: 'number' | 'string') =>
  type === 'number'
    ? sql`CASE WHEN jsonb_typeof(${sql.ref(`c.${column}`)} -> ${name}::text) = 'number'
        THEN (${sql.ref(`c.${column}`)} ->> ${name}::text)::double precision END`
    : sql`CASE WHEN jsonb_typeof(${sql.ref(`c.${column}`)} -> ${name}::text) = 'string'
        THEN ${sql.ref(`c.${column}`)} ->> ${name}::text END`;

/**
 * A customer's value of `name` as `type`: the computed feature when it has one of that
 * type, else the attribute of that name (as clustering reads them), else NULL.
 */
const featureValue = (name: string, type: 'number' | 'string') =>
  eb.fn.coalesce(typedValue('features', name, type), typedValue('attributes', name, type));

/**
 * Makes a comparison two-valued: NULL (the customer lacks the value) becomes false, so
 * `not` of it is true and SQL's unknown never reaches `all`/`any`/`not`.
 */
const known = (comparison: Expression<SqlBool>): Expression<SqlBool> =>
  eb.fn.coalesce(comparison, eb.lit(false));

/**
 * Compiles a segment expression into one SQL boolean over `c` and `cp` (see
 * `SegmentScope`): tags become EXISTS over current holdings, churn conditions read the
 * joined current prediction, features read `c.features` (else `c.attributes`) with guarded
 * casts. Every value
 * is a bound parameter.
 *
 * @example
 * db.selectFrom('customers as c')
 *   .leftJoin(...current prediction as cp...)
 *   .where(segmentPredicate({ tag: 'vip' }, workspaceId));
 */
export function segmentPredicate(
  expression: SegmentExpression,
  workspaceId: string,
): Expression<SqlBool> {
  const compile = (node: SegmentExpression): Expression<SqlBool> => {
    if ('all' in node) {
      return node.all.length === 0 ? sql<SqlBool>`true` : eb.and(node.all.map(compile));
    }
    if ('any' in node) {
      return node.any.length === 0 ? sql<SqlBool>`false` : eb.or(node.any.map(compile));
    }
    if ('not' in node) return eb.not(compile(node.not));
    if ('tag' in node) {
      return eb.exists(
        eb
          .selectFrom('customer_tags as ct')
          .select(eb.lit(1).as('held'))
          .whereRef('ct.customer_id', '=', 'c.id')
          .where('ct.removed_at', 'is', null)
          .where(
            'ct.tag_id',
            '=',
            eb
              .selectFrom('tags as t')
              .select('t.id')
              .where('t.workspace_id', '=', workspaceId)
              .where('t.slug', '=', node.tag),
          ),
      );
    }
    if ('feature' in node) {
      const type = typeof node.value === 'number' ? 'number' : 'string';
      return known(eb(featureValue(node.feature, type), SQL_OPS[node.op], node.value));
    }
    if (node.churn === 'probability') {
      return known(eb('cp.probability', SQL_OPS[node.op], node.value));
    }
    return known(eb('cp.risk_band', SQL_OPS[node.op], node.value));
  };
  return compile(expression);
}
