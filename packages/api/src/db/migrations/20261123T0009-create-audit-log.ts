import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // No foreign keys: the log outlives the workspaces and keys it names, and a cascade
  // would have to delete audit rows, which the trigger below forbids.
  await sql`
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      workspace_id uuid,
      actor_key_id uuid,
      actor_name text,
      actor_role text,
      action text NOT NULL,
      resource text NOT NULL,
      resource_id text NOT NULL,
      -- HMAC-SHA256 of the customer's external id with the workspace's salt, when the change
      -- is about one customer: the log never holds a customer identifier in plain form.
      customer_hash text,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      request_id text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // Newest-first keyset pages, all workspaces or one.
  await sql`CREATE INDEX audit_log_workspace_idx ON audit_log (workspace_id, id DESC)`.execute(db);
  await sql`
    CREATE INDEX audit_log_customer_idx ON audit_log (workspace_id, customer_hash, id DESC)
    WHERE customer_hash IS NOT NULL`.execute(db);
  await sql`CREATE INDEX audit_log_resource_idx ON audit_log (resource, resource_id, id DESC)`.execute(
    db,
  );

  // Append-only, enforced by the database for every client, not only this API.
  await sql`
    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);

  // One random salt per workspace, made the first time the workspace's audit names a customer.
  await sql`
    CREATE TABLE audit_salts (
      workspace_id uuid PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
      salt text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE audit_salts`.execute(db);
  await sql`DROP TABLE audit_log`.execute(db);
  await sql`DROP FUNCTION audit_log_append_only()`.execute(db);
}
