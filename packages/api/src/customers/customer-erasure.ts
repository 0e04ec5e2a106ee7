import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import {
  deleteCustomer,
  deleteCustomerRows,
  lockCustomer,
  stripClusterProjections,
  stripDeliveredWebhooks,
  tablesWithCustomerColumn,
  type ErasedCustomer,
} from './customer-rows.repository.ts';

type Strip = (db: Db, customer: ErasedCustomer) => Promise<number>;

/**
 * Rows that mention the customer but are kept, with the mention stripped, before every row
 * with their `customer_id` is deleted: delivered webhooks (history without payload) and
 * cluster runs (their projection scatter names customers).
 */
const STRIPPED: Readonly<Record<string, Strip>> = {
  webhook_deliveries: stripDeliveredWebhooks,
  cluster_runs: stripClusterProjections,
};

/** How many rows erasure removed (or stripped) per table. */
export interface ErasureCounts {
  readonly removed: Record<string, number>;
  readonly stripped: Record<string, number>;
}

/**
 * Erases a customer on request (privacy law), in one transaction: every row of every table
 * with a `customer_id` column that names them (events, features are on the customer row,
 * cluster assignments, churn predictions, suggestions, the whole tag history, segment
 * membership and changes, queued webhooks), then the customer row with its attributes and
 * features. Delivered webhooks keep their history without payload or customer. The
 * erasure is audited under the customer's salted hash only. Tables are found in the
 * catalogue, so tables added later are covered without change here.
 *
 * @throws ProblemError `not-found` for an unknown customer
 * @example
 * await eraseCustomer(ctx, workspace, 'cust-42');
 */
export async function eraseCustomer(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  externalId: string,
): Promise<ErasureCounts> {
  return writeTransaction(ctx, async (trx, record) => {
    const customerId = await lockCustomer(trx, workspace.id, externalId);
    if (customerId === undefined) throw ProblemError.notFound(`customer "${externalId}"`);
    const customer: ErasedCustomer = { id: customerId, workspaceId: workspace.id, externalId };
    const stripped: Record<string, number> = {};
    for (const [table, strip] of Object.entries(STRIPPED)) {
      stripped[table] = await strip(trx, customer);
    }
    const removed: Record<string, number> = {};
    for (const table of await tablesWithCustomerColumn(trx)) {
      if (table !== 'customers') removed[table] = await deleteCustomerRows(trx, table, customerId);
    }
    await deleteCustomer(trx, customerId);
    removed.customers = 1;
    // The audit hook stores the customer (resource id and `externalId`) as its salted hash.
    await record({
      action: 'customer.erased',
      resource: 'customer',
      resourceId: externalId,
      workspaceId: workspace.id,
      data: { externalId, removed, stripped },
    });
    return { removed, stripped };
  });
}
