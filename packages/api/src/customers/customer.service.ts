import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { csvText } from '../ingest/csv-body.ts';
import type { CsvRecord } from '../io/csv-records.ts';
import { RowErrors } from '../ingest/row-errors.ts';
import { formatIssuePath, ProblemError } from '../http/problem.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { findCustomer, upsertCustomers, type CustomerUpsert } from './customer.repository.ts';
import {
  AttributesSchema,
  ExternalIdSchema,
  type CustomerInput,
  type CustomerView,
  type UpsertCustomersResult,
} from './customer.schema.ts';
import type { CustomerAttributes, CustomerRow, JsonScalar } from './customer.table.ts';

export function toCustomerView(row: CustomerRow): CustomerView {
  return {
    externalId: row.external_id,
    attributes: row.attributes,
    features: row.features,
    featuresAsOf: row.features_as_of?.toISOString() ?? null,
    featuresStale: row.features_stale,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function storeCustomers(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  customers: readonly CustomerUpsert[],
): Promise<UpsertCustomersResult> {
  return writeTransaction(ctx, async (trx, record) => {
    const counts = await upsertCustomers(trx, workspace.id, customers);
    await record({
      action: 'customers.upserted',
      resource: 'workspace',
      resourceId: workspace.id,
      workspaceId: workspace.id,
      data: { received: customers.length, inserted: counts.inserted, updated: counts.updated },
    });
    return { received: customers.length, ...counts };
  });
}

function checkDuplicates(
  ids: readonly string[],
  locate: (index: number) => string,
  field: string,
  errors: RowErrors,
): void {
  const firstIndex = new Map<string, number>();
  ids.forEach((id, index) => {
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else errors.add(`${locate(index)}.${field}`, `duplicate of ${locate(first)} in this batch`);
  });
}

/**
 * Upserts customers by external id in one transaction (all or none); attributes replace
 * the stored ones, and a change marks the customer's features stale.
 */
export async function upsertCustomerBatch(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  inputs: readonly CustomerInput[],
): Promise<UpsertCustomersResult> {
  const errors = new RowErrors();
  checkDuplicates(
    inputs.map((c) => c.externalId),
    (index) => `customers.${index}`,
    'externalId',
    errors,
  );
  errors.throwIfAny('customer');
  return storeCustomers(ctx, workspace, inputs);
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A CSV cell as an attribute value: empty → null; a plain decimal number → number
 * (leading zeros such as zip codes stay text); anything else stays text.
 */
export function csvAttributeValue(cell: string): JsonScalar {
  const trimmed = cell.trim();
  if (trimmed === '') return null;
  if (NUMBER.test(trimmed)) {
    const value = Number(trimmed);
    if (Number.isFinite(value)) return value;
  }
  return cell;
}

/**
 * Upserts customers from a CSV upload: `idColumn` holds the external id and every other
 * column becomes an attribute. All rows are validated first; bad rows are listed by line.
 */
export async function upsertCustomerCsv(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  rows: AsyncIterable<CsvRecord>,
  idColumn: string,
): Promise<UpsertCustomersResult> {
  const errors = new RowErrors();
  const customers: CustomerUpsert[] = [];
  const lines: number[] = [];
  for await (const { line, values } of rows) {
    const externalId = ExternalIdSchema.safeParse(csvText(values[idColumn]) ?? '');
    if (!externalId.success) {
      errors.add(`line.${line}.${idColumn}`, externalId.error.issues[0]?.message ?? 'invalid');
      continue;
    }
    const attributes: CustomerAttributes = {};
    for (const [column, cell] of Object.entries(values)) {
      if (column !== idColumn) attributes[column] = csvAttributeValue(cell);
    }
    const checked = AttributesSchema.safeParse(attributes);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        errors.add(`line.${line}.${formatIssuePath(issue.path)}`, issue.message);
      }
      continue;
    }
    customers.push({ externalId: externalId.data, attributes: checked.data });
    lines.push(line);
  }
  checkDuplicates(
    customers.map((c) => c.externalId),
    (index) => `line.${lines[index]}`,
    idColumn,
    errors,
  );
  errors.throwIfAny('row');
  return storeCustomers(ctx, workspace, customers);
}

export async function getCustomer(
  db: Db,
  workspace: WorkspaceRow,
  externalId: string,
): Promise<CustomerRow> {
  const row = await findCustomer(db, workspace.id, externalId);
  if (row === undefined) throw ProblemError.notFound(`customer "${externalId}"`);
  return row;
}
