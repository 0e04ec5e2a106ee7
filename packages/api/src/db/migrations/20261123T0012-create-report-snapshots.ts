import { sql, type Kysely } from 'kysely';

/**
 * What reports need beyond the tables they read: `tag_reads`, how often each tag was read
 * through the API per UTC day (the unused-tags report). One row per tag and day, bumped by
 * one upsert per customer read, so the table grows with tags × days, never with requests.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tag_reads (
      tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      day date NOT NULL,
      reads bigint NOT NULL CHECK (reads >= 1),
      PRIMARY KEY (tag_id, day)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE tag_reads`.execute(db);
}
