import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** The column every table about a customer references them by. */
const CUSTOMER_COLUMN = 'customer_id';

/**
 * Every base table of the schema with a `customer_id` column, read from the catalogue so
 * tables added by later migrations are found without a list to keep in step.
 */
export async function tablesWithCustomerColumn(db: Db): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT c.table_name
      FROM information_schema.columns c
      JOIN information_schema.tables t
        ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND c.column_name = ${CUSTOMER_COLUMN}
       AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name`.execute(db);
  return rows.map((r) => r.table_name);
}

/** Deletes the rows of `table` about one customer; returns how many went. */
export async function deleteCustomerRows(
  db: Db,
  table: string,
  customerId: number,
): Promise<number> {
  const result = await sql`
    DELETE FROM ${sql.table(table)} WHERE ${sql.ref(CUSTOMER_COLUMN)} = ${customerId}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The customer being erased, by both ids. */
export interface ErasedCustomer {
  readonly id: number;
  readonly workspaceId: string;
  readonly externalId: string;
}

/**
 * Keeps a customer's delivered webhooks in their subscription's history (event type, status,
 * attempts, times: the subscriber has the payload already) but strips the payload and the
 * link to the customer. Returns how many rows were stripped.
 */
export async function stripDeliveredWebhooks(db: Db, customer: ErasedCustomer): Promise<number> {
  const result = await sql`
    UPDATE webhook_deliveries
       SET payload = '{"erased": true}'::jsonb, customer_id = NULL
     WHERE customer_id = ${customer.id} AND status = 'delivered'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Takes the customer's point out of the projection scatter stored with each cluster run
 * (`profiles.projection.points`, which names customers by external id). Returns how many
 * runs showed them.
 */
export async function stripClusterProjections(db: Db, customer: ErasedCustomer): Promise<number> {
  const point = JSON.stringify([{ externalId: customer.externalId }]);
  const result = await sql`
    UPDATE cluster_runs
       SET profiles = jsonb_set(profiles, '{projection,points}', (
             SELECT coalesce(jsonb_agg(p), '[]'::jsonb)
               FROM jsonb_array_elements(profiles -> 'projection' -> 'points') AS p
              WHERE p ->> 'externalId' <> ${customer.externalId}))
     WHERE workspace_id = ${customer.workspaceId}
       AND profiles -> 'projection' -> 'points' @> ${point}::jsonb`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Locks the customer's row for erasure; `undefined` when there is no such customer. */
export async function lockCustomer(
  db: Db,
  workspaceId: string,
  externalId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId)
    .forUpdate()
    .executeTakeFirst();
  return row?.id;
}

export async function deleteCustomer(db: Db, customerId: number): Promise<void> {
  await db.deleteFrom('customers').where('id', '=', customerId).execute();
}
