import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tags (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      slug text NOT NULL
        CHECK (length(slug) BETWEEN 2 AND 48 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
      kind text NOT NULL CHECK (kind IN ('fact', 'rule', 'model', 'predictive')),
      category text NOT NULL
        CHECK (category IN ('attribute', 'behaviour', 'interest', 'lifecycle', 'value')),
      definition text NOT NULL DEFAULT '',
      usage_note text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'deprecated', 'archived')),
      auto_accept boolean NOT NULL DEFAULT false,
      source jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT tags_workspace_slug_key UNIQUE (workspace_id, slug)
    )`.execute(db);

  await sql`
    CREATE TABLE cluster_runs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      job_id uuid REFERENCES jobs (id) ON DELETE SET NULL,
      created_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      -- One active run per feature set; a newer run on the same features supersedes it.
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded')),
      feature_names jsonb NOT NULL,
      -- The sorted feature names joined by commas: runs on the same set can be matched.
      feature_set text NOT NULL,
      scaling jsonb NOT NULL,
      k_requested jsonb NOT NULL,
      seed integer NOT NULL,
      n_init integer NOT NULL,
      customer_count integer NOT NULL,
      features_as_of timestamptz,
      k integer NOT NULL CHECK (k >= 1),
      selection jsonb,
      centroids jsonb NOT NULL,
      scaler jsonb NOT NULL,
      membership jsonb NOT NULL,
      profiles jsonb NOT NULL,
      inertia double precision NOT NULL,
      iterations integer NOT NULL,
      converged boolean NOT NULL,
      previous_run_id uuid REFERENCES cluster_runs (id) ON DELETE SET NULL,
      matching jsonb,
      movement jsonb,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // Newest-first keyset pagination of a workspace's runs.
  await sql`
    CREATE INDEX cluster_runs_workspace_created_idx
      ON cluster_runs (workspace_id, created_at DESC, id DESC)`.execute(db);
  await sql`
    CREATE UNIQUE INDEX cluster_runs_active_feature_set_key
      ON cluster_runs (workspace_id, feature_set) WHERE status = 'active'`.execute(db);

  await sql`
    CREATE TABLE cluster_assignments (
      run_id uuid NOT NULL REFERENCES cluster_runs (id) ON DELETE CASCADE,
      customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      cluster integer NOT NULL CHECK (cluster >= 0),
      confidence double precision NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
      PRIMARY KEY (run_id, customer_id)
    )`.execute(db);
  // A cluster's members in customer order (keyset pagination, suggestion generation).
  await sql`
    CREATE INDEX cluster_assignments_cluster_idx
      ON cluster_assignments (run_id, cluster, customer_id)`.execute(db);
  // Erasing a customer finds their assignments without scanning every run.
  await sql`CREATE INDEX cluster_assignments_customer_idx ON cluster_assignments (customer_id)`.execute(
    db,
  );

  await sql`
    CREATE TABLE cluster_tags (
      run_id uuid NOT NULL REFERENCES cluster_runs (id) ON DELETE CASCADE,
      cluster integer NOT NULL CHECK (cluster >= 0),
      tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      -- Set when the name was carried over from a matched cluster of an earlier run.
      carried_from_run_id uuid REFERENCES cluster_runs (id) ON DELETE SET NULL,
      named_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (run_id, cluster),
      CONSTRAINT cluster_tags_run_tag_key UNIQUE (run_id, tag_id)
    )`.execute(db);
  await sql`CREATE INDEX cluster_tags_tag_idx ON cluster_tags (tag_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE cluster_tags`.execute(db);
  await sql`DROP TABLE cluster_assignments`.execute(db);
  await sql`DROP TABLE cluster_runs`.execute(db);
  await sql`DROP TABLE tags`.execute(db);
}
