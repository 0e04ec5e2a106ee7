import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Today's UTC calendar day in SQL: days are the same wherever the server's time zone is. */
export const UTC_TODAY = sql<string>`(now() AT TIME ZONE 'UTC')::date`;

/**
 * Counts one read of every tag `customerId` holds now, for today (UTC): one statement per
 * customer read, whatever the number of tags. Rows are upserted in tag order so that two
 * concurrent reads of customers sharing tags lock the shared rows in the same order and
 * never deadlock.
 *
 * @example
 * await recordCustomerTagReads(db, customer.id); // after GET /customers/{externalId}
 */
export async function recordCustomerTagReads(db: Db, customerId: number): Promise<void> {
  await sql`
    INSERT INTO tag_reads (tag_id, day, reads)
    SELECT tag_id, ${UTC_TODAY}, 1
      FROM customer_tags
     WHERE customer_id = ${customerId} AND removed_at IS NULL
     ORDER BY tag_id
    ON CONFLICT (tag_id, day) DO UPDATE SET reads = tag_reads.reads + 1`.execute(db);
}
