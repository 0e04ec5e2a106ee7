import { EngineError } from '../errors.ts';
import type { ColumnSpec } from '../features/customer-table.ts';

/** The input a churn model was trained on and accepts for scoring. */
export interface ChurnSchema {
  /** Feature columns with their detected kind, in order. */
  readonly columns: readonly ColumnSpec[];
  /** Column holding the customer id, if the training table had one. */
  readonly idColumn?: string;
  /** Columns that were present at training but not used (label, excluded, dropped): allowed at scoring. */
  readonly ignoredColumns: readonly string[];
}

/**
 * Refuses input whose columns do not match the schema: every feature column must be present
 * and no column may appear that the model does not know (a renamed or new column would
 * otherwise be silently ignored). The error names both lists.
 *
 * @param present - the input's column names (e.g. a CSV header)
 */
export function checkChurnSchema(schema: ChurnSchema, present: readonly string[]): void {
  const have = new Set(present);
  const known = new Set([
    ...schema.columns.map((c) => c.name),
    ...schema.ignoredColumns,
    ...(schema.idColumn === undefined ? [] : [schema.idColumn]),
  ]);
  const missing = schema.columns.map((c) => c.name).filter((name) => !have.has(name));
  const extra = present.filter((name) => !known.has(name));
  if (missing.length === 0 && extra.length === 0) return;
  const parts = [
    ...(missing.length > 0 ? [`missing column(s): ${missing.join(', ')}`] : []),
    ...(extra.length > 0 ? [`unexpected column(s): ${extra.join(', ')}`] : []),
  ];
  throw new EngineError(
    'schema_mismatch',
    `input does not match the churn model's schema: ${parts.join('; ')} (the model expects: ${schema.columns.map((c) => c.name).join(', ')})`,
    ['columns'],
  );
}
