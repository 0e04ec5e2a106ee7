import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { ProblemError, type ProblemFieldError } from '../http/problem.ts';
import { expressionReferences, type SegmentExpression } from './segment-expression.ts';

/** Of `names`, those no customer of the workspace has as a feature or attribute. */
async function unknownFeatureNames(
  db: Db,
  workspaceId: string,
  names: readonly string[],
): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const { rows } = await sql<{ name: string }>`
    SELECT n.name FROM (VALUES ${sql.join(names.map((name) => sql`(${name}::text)`))}) AS n (name)
     WHERE NOT EXISTS (
       SELECT 1 FROM customers c
        WHERE c.workspace_id = ${workspaceId}
          AND (c.features ? n.name OR c.attributes ? n.name))`.execute(db);
  return new Set(rows.map((row) => row.name));
}

/** The risk band labels of the model behind the current churn scoring, if there is one. */
async function currentRiskBands(db: Db, workspaceId: string): Promise<string[] | undefined> {
  const row = await db
    .selectFrom('churn_scorings as s')
    .innerJoin('churn_models as m', 'm.id', 's.model_id')
    .select('m.risk_bands')
    .where('s.workspace_id', '=', workspaceId)
    .where('s.is_current', '=', true)
    .executeTakeFirst();
  return row?.risk_bands.labels;
}

/**
 * Checks that every tag slug and feature name an expression reads exists in the workspace,
 * and that risk bands are ones the current churn model assigns (any band is accepted while
 * nothing is scored).
 *
 * @throws ProblemError 422 `validation-failed` listing each unknown reference by path
 */
export async function checkExpressionReferences(
  db: Db,
  workspaceId: string,
  expression: SegmentExpression,
): Promise<void> {
  const refs = expressionReferences(expression);
  const errors: ProblemFieldError[] = [];
  const slugs = [...new Set(refs.tags.map((t) => t.slug))];
  if (slugs.length > 0) {
    const found = await db
      .selectFrom('tags')
      .select('slug')
      .where('workspace_id', '=', workspaceId)
      .where('slug', 'in', slugs)
      .execute();
    const known = new Set(found.map((row) => row.slug));
    for (const { slug, path } of refs.tags) {
      if (!known.has(slug)) errors.push({ path, message: `no tag "${slug}" in this workspace` });
    }
  }
  const unknown = await unknownFeatureNames(db, workspaceId, [
    ...new Set(refs.features.map((f) => f.name)),
  ]);
  for (const { name, path } of refs.features) {
    if (unknown.has(name)) {
      errors.push({
        path,
        message: `no customer of this workspace has a feature or attribute "${name}"`,
      });
    }
  }
  if (refs.riskBands.length > 0) {
    const bands = await currentRiskBands(db, workspaceId);
    for (const { value, path } of refs.riskBands) {
      if (bands !== undefined && !bands.includes(value)) {
        errors.push({ path, message: `the current churn model's bands are ${bands.join(', ')}` });
      }
    }
  }
  if (errors.length > 0) {
    throw ProblemError.validation('the expression names things this workspace lacks', errors);
  }
}
