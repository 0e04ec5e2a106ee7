import type { ServiceContext } from '../audit/change-hooks.ts';
import type { CustomerInput } from '../customers/customer.schema.ts';
import { csvAttributeValue, upsertCustomerBatch } from '../customers/customer.service.ts';
import { readCsvRows } from '../io/csv-file.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';

/**
 * Imports the telco customer table: `customer_id` is the external id, every other column
 * (the `churn` label included) an attribute, in one all-or-nothing batch.
 */
export async function importTelcoCustomers(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  file: string,
): Promise<number> {
  const customers: CustomerInput[] = [];
  for await (const { values } of readCsvRows(file, ['customer_id', 'churn'])) {
    const { customer_id: externalId, ...rest } = values;
    const attributes = Object.fromEntries(
      Object.entries(rest).map(([column, cell]) => [column, csvAttributeValue(cell)]),
    );
    customers.push({ externalId: externalId!, attributes });
  }
  await upsertCustomerBatch(ctx, workspace, customers);
  return customers.length;
}
