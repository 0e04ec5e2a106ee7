import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notebooks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
      -- The ordered cells (type, config, output refs, status); the workbench interprets them.
      cells jsonb NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(cells) = 'array'),
      -- Optimistic concurrency: every change bumps it; a write naming an older one is a 409.
      version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
      created_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      updated_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      -- Millisecond precision: the keyset cursor carries the time as a JS Date exactly.
      created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // Newest-first keyset pagination of a workspace's notebooks.
  await sql`
    CREATE INDEX notebooks_workspace_created_idx
      ON notebooks (workspace_id, created_at DESC, id DESC)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE notebooks`.execute(db);
}
