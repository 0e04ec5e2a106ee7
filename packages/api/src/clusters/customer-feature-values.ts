import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { CustomerAttributes, CustomerFeatures } from '../customers/customer.table.ts';

/** Customers sampled to learn which numeric features a workspace has. */
const SAMPLE_CUSTOMERS = 1000;

/**
 * The numeric names a workspace's customers carry: behavioural features (from the
 * feature refresh) and numeric attributes, read from a sample of customers with features.
 * Feature refresh writes the same columns for everyone, so a sample finds them all.
 */
export async function availableFeatureNames(
  db: Db,
  workspaceId: string,
): Promise<{ features: string[]; attributes: string[] }> {
  const { rows } = await sql<{ origin: string; name: string }>`
    WITH sample AS (
      SELECT features, attributes FROM customers
       WHERE workspace_id = ${workspaceId}
       ORDER BY features IS NULL, id
       LIMIT ${SAMPLE_CUSTOMERS}
    )
    SELECT DISTINCT 'feature' AS origin, f.key AS name
      FROM sample, jsonb_each(coalesce(sample.features, '{}'::jsonb)) AS f
     WHERE jsonb_typeof(f.value) = 'number'
    UNION
    SELECT DISTINCT 'attribute' AS origin, a.key AS name
      FROM sample, jsonb_each(sample.attributes) AS a
     WHERE jsonb_typeof(a.value) = 'number'
    ORDER BY 1, 2`.execute(db);
  return {
    features: rows.filter((r) => r.origin === 'feature').map((r) => r.name),
    attributes: rows.filter((r) => r.origin === 'attribute').map((r) => r.name),
  };
}

/**
 * A customer's value of `name`: the behavioural feature when it has one, else a numeric
 * attribute of that name; `undefined` when neither is a finite number.
 */
export function numericValue(
  features: CustomerFeatures | null,
  attributes: CustomerAttributes,
  name: string,
): number | undefined {
  const feature = features?.[name];
  if (typeof feature === 'number' && Number.isFinite(feature)) return feature;
  const attribute = attributes[name];
  if (typeof attribute === 'number' && Number.isFinite(attribute)) return attribute;
  return undefined;
}

/** The names in `requested` that no sampled customer has, with what exists instead. */
export async function missingFeatureNames(
  db: Db,
  workspaceId: string,
  requested: readonly string[],
): Promise<{ missing: string[]; available: string[] }> {
  const { features, attributes } = await availableFeatureNames(db, workspaceId);
  const available = [...new Set([...features, ...attributes])].sort();
  const known = new Set(available);
  return { missing: requested.filter((name) => !known.has(name)), available };
}
