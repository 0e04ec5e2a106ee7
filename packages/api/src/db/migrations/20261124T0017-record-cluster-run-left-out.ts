import { sql, type Kysely } from 'kysely';

/**
 * A run records whom it left out: how many customers lacked a chosen feature, and how many
 * lacked each one, so its reader need not guess from today's features. Runs stored before
 * keep NULL: what they left out was not recorded.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cluster_runs ADD COLUMN left_out jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE cluster_runs DROP COLUMN left_out`.execute(db);
}
