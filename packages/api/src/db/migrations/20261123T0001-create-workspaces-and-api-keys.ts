import { sql, type Kysely } from 'kysely';

// Migrations use `Kysely<unknown>`: they must not depend on today's table types.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE workspaces (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 63),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE api_keys (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid REFERENCES workspaces (id) ON DELETE CASCADE,
      role text NOT NULL CHECK (role IN ('admin', 'analyst', 'operator', 'service')),
      name text NOT NULL,
      key_hash text NOT NULL UNIQUE,
      key_prefix text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      CHECK (workspace_id IS NOT NULL OR role = 'admin')
    )`.execute(db);
  await sql`CREATE INDEX api_keys_workspace_idx ON api_keys (workspace_id, created_at, id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE api_keys`.execute(db);
  await sql`DROP TABLE workspaces`.execute(db);
}
