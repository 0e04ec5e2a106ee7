import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customers (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 200),
      attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
      features jsonb,
      features_as_of timestamptz,
      features_stale boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT customers_workspace_external_id_key UNIQUE (workspace_id, external_id)
    )`.execute(db);
  // Keyset pagination by internal id within a workspace (streaming for feature refresh).
  await sql`CREATE INDEX customers_workspace_id_idx ON customers (workspace_id, id)`.execute(db);
  // Finds the customers whose features need a refresh without scanning the others.
  await sql`
    CREATE INDEX customers_stale_idx ON customers (workspace_id, id)
    WHERE features_stale`.execute(db);

  await sql`
    CREATE TABLE events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      event_id text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
      customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      occurred_at timestamptz NOT NULL,
      kind text NOT NULL,
      amount double precision,
      quantity double precision,
      invoice text,
      product text,
      category text,
      payload jsonb,
      received_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT events_workspace_event_id_key UNIQUE (workspace_id, event_id)
    )`.execute(db);
  // A customer's history in time order (features, explanations, erasure).
  await sql`CREATE INDEX events_customer_time_idx ON events (customer_id, occurred_at, id)`.execute(
    db,
  );
  // Keyset pagination over a workspace's events.
  await sql`CREATE INDEX events_workspace_id_idx ON events (workspace_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE events`.execute(db);
  await sql`DROP TABLE customers`.execute(db);
}
