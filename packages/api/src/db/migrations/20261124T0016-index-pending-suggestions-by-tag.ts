import { sql, type Kysely } from 'kysely';

/**
 * Every tag read reports how many of its suggestions wait for review. Counting them through
 * an index of the pending ones only costs in proportion to the queue, not to every suggestion
 * the tag has had.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX suggestions_pending_tag_idx ON suggestions (tag_id)
              WHERE status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX suggestions_pending_tag_idx`.execute(db);
}
