import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Rule tables are versioned: an edit inserts a new version, suggestions name the version row.
  await sql`
    CREATE TABLE rule_tables (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      name text NOT NULL CHECK (name ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      version integer NOT NULL CHECK (version >= 1),
      rules jsonb NOT NULL,
      created_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT rule_tables_workspace_name_version_key UNIQUE (workspace_id, name, version)
    )`.execute(db);

  await sql`
    CREATE TABLE suggestion_policies (
      workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
      review_from double precision NOT NULL CHECK (review_from >= 0 AND review_from <= 1),
      auto_accept_from double precision NOT NULL
        CHECK (auto_accept_from >= review_from AND auto_accept_from <= 1),
      updated_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE suggestions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      source text NOT NULL CHECK (source IN ('cluster', 'churn', 'rule')),
      -- The cluster run, churn model or rule-table version that made the suggestion.
      source_version text NOT NULL,
      confidence double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
      explanation jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'accepted', 'rejected', 'auto_accepted', 'superseded')),
      decided_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      decided_at timestamptz,
      reason text CHECK (length(reason) <= 2000),
      job_id uuid REFERENCES jobs (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      -- A source version suggests a tag to a customer at most once, whatever was decided:
      -- a rejection is remembered because the row stays.
      CONSTRAINT suggestions_once_key UNIQUE (customer_id, tag_id, source, source_version)
    )`.execute(db);
  // The review queue: a workspace's suggestions by status, highest confidence first, keyset (confidence, id).
  await sql`
    CREATE INDEX suggestions_queue_idx
      ON suggestions (workspace_id, status, confidence DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX suggestions_customer_idx ON suggestions (customer_id, created_at DESC)`.execute(
    db,
  );
  await sql`CREATE INDEX suggestions_tag_idx ON suggestions (tag_id)`.execute(db);

  // Who holds which tag, with provenance. A row is never updated except to close it
  // (removed_at), so "who had tag X on date D" is a range query over the history.
  await sql`
    CREATE TABLE customer_tags (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      source text NOT NULL CHECK (source IN ('cluster', 'churn', 'rule', 'manual')),
      source_version text,
      confidence double precision CHECK (confidence >= 0 AND confidence <= 1),
      suggestion_id uuid REFERENCES suggestions (id) ON DELETE SET NULL,
      assigned_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      assigned_at timestamptz NOT NULL DEFAULT now(),
      removed_at timestamptz,
      removed_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      removal_reason text,
      CHECK (removed_at IS NULL OR removed_at >= assigned_at)
    )`.execute(db);
  // A customer holds a tag at most once at a time.
  await sql`
    CREATE UNIQUE INDEX customer_tags_current_key
      ON customer_tags (customer_id, tag_id) WHERE removed_at IS NULL`.execute(db);
  // Holders of a tag over time (coverage reports, "who had X on D").
  await sql`CREATE INDEX customer_tags_tag_time_idx ON customer_tags (tag_id, assigned_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE customer_tags`.execute(db);
  await sql`DROP TABLE suggestions`.execute(db);
  await sql`DROP TABLE suggestion_policies`.execute(db);
  await sql`DROP TABLE rule_tables`.execute(db);
}
