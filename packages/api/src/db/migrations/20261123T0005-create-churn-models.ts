import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE churn_models (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      status text NOT NULL DEFAULT 'trained' CHECK (status IN ('trained', 'active', 'retired')),
      label jsonb NOT NULL,
      feature_schema jsonb NOT NULL,
      artifact bytea NOT NULL,
      metrics jsonb NOT NULL,
      heldout_metric text NOT NULL,
      heldout_value double precision NOT NULL,
      importance jsonb NOT NULL,
      risk_bands jsonb NOT NULL,
      classifier text NOT NULL,
      backend text NOT NULL,
      training_seconds double precision NOT NULL,
      training_rows integer NOT NULL,
      positives integer NOT NULL,
      job_id uuid REFERENCES jobs (id) ON DELETE SET NULL,
      created_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      activated_at timestamptz,
      activated_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      activation jsonb,
      retired_at timestamptz,
      CONSTRAINT churn_models_workspace_version_key UNIQUE (workspace_id, version)
    )`.execute(db);
  // At most one active model per workspace: a second activation racing the first fails
  // instead of leaving two.
  await sql`
    CREATE UNIQUE INDEX churn_models_one_active_idx ON churn_models (workspace_id)
    WHERE status = 'active'`.execute(db);

  // One row per scoring job, inserted when it starts (so a swap finds superseded and
  // abandoned prediction sets without scanning predictions); `is_current` marks the set
  // readers use, set only by the job's finishing transaction.
  await sql`
    CREATE TABLE churn_scorings (
      job_id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      model_id uuid NOT NULL REFERENCES churn_models (id) ON DELETE CASCADE,
      as_of timestamptz NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      scored integer,
      skipped integer,
      band_counts jsonb,
      mean_probability double precision,
      is_current boolean NOT NULL DEFAULT false
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX churn_scorings_current_idx ON churn_scorings (workspace_id)
    WHERE is_current`.execute(db);
  await sql`
    CREATE INDEX churn_scorings_workspace_idx ON churn_scorings (workspace_id, started_at DESC)`.execute(
    db,
  );

  // Predictions are written in chunks while a scoring job runs, tagged with its job id, and
  // become visible only when the job's finishing transaction makes that scoring current.
  await sql`
    CREATE TABLE churn_predictions (
      scoring_job_id uuid NOT NULL REFERENCES churn_scorings (job_id) ON DELETE CASCADE,
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      model_id uuid NOT NULL REFERENCES churn_models (id) ON DELETE CASCADE,
      probability double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
      risk_band text NOT NULL,
      factors jsonb NOT NULL,
      scored_at timestamptz NOT NULL,
      PRIMARY KEY (scoring_job_id, customer_id)
    )`.execute(db);
  // Erasing a customer cascades here; without this index every erasure scans the table.
  await sql`CREATE INDEX churn_predictions_customer_idx ON churn_predictions (customer_id)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE churn_predictions`.execute(db);
  await sql`DROP TABLE churn_scorings`.execute(db);
  await sql`DROP TABLE churn_models`.execute(db);
}
