import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      kind text NOT NULL,
      status text NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      progress double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
      message text,
      params jsonb NOT NULL DEFAULT '{}'::jsonb,
      result jsonb,
      error jsonb,
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts >= 1),
      locked_by text,
      locked_at timestamptz,
      heartbeat_at timestamptz,
      cancel_requested boolean NOT NULL DEFAULT false,
      created_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      run_after timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // The claim query reads only queued jobs, oldest first.
  await sql`CREATE INDEX jobs_queued_idx ON jobs (run_after, created_at) WHERE status = 'queued'`.execute(
    db,
  );
  // Stale-lock recovery reads only running jobs by heartbeat.
  await sql`CREATE INDEX jobs_running_idx ON jobs (heartbeat_at) WHERE status = 'running'`.execute(
    db,
  );
  // Newest-first keyset pagination of a workspace's jobs.
  await sql`CREATE INDEX jobs_workspace_created_idx ON jobs (workspace_id, created_at DESC, id DESC)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE jobs`.execute(db);
}
