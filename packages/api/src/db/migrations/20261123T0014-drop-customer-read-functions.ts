import { sql, type Kysely } from 'kysely';
import { up as createCustomerReadFunctions } from './20261123T0013-create-customer-read-functions.ts';

/**
 * The two hot reads now run as named prepared statements (`db/named-statement.ts`), which
 * keep their plans like the PL/pgSQL functions did and also skip parsing the call: the
 * functions have no caller left.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP FUNCTION current_churn_prediction_by_external_id(uuid, text)`.execute(db);
  await sql`DROP FUNCTION customer_suggestions_json(uuid, text, text, integer)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await createCustomerReadFunctions(db);
}
