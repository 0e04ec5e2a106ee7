import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The secret is stored as is: the deliverer needs it to sign, so it cannot be hashed.
  // The API shows it once (at creation or rotation) and never in reads.
  await sql`
    CREATE TABLE webhook_subscriptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      url text NOT NULL CHECK (url ~ '^https?://' AND length(url) <= 2000),
      event_types text[] NOT NULL CHECK (cardinality(event_types) >= 1),
      secret text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE INDEX webhook_subscriptions_workspace_idx
      ON webhook_subscriptions (workspace_id, created_at DESC, id DESC)`.execute(db);

  // The outbox: one row per (event, subscription), written in the transaction of the change.
  await sql`
    CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      event_type text NOT NULL,
      -- Erasure finds a customer's queued and delivered payloads by this column.
      customer_id bigint REFERENCES customers (id) ON DELETE SET NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'delivering', 'delivered', 'failed', 'dead')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      -- Set while a deliverer holds the row: the token proves the holder, the time lets a
      -- claim older than the lease be taken back after a crash.
      claim_token uuid,
      claimed_at timestamptz,
      last_error text,
      last_status_code integer,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'delivering') = (claim_token IS NOT NULL AND claimed_at IS NOT NULL))
    )`.execute(db);
  // The claim query: due rows in order of their next attempt.
  await sql`
    CREATE INDEX webhook_deliveries_due_idx
      ON webhook_deliveries (next_attempt_at) WHERE status IN ('pending', 'failed')`.execute(db);
  // Lease recovery: claims older than the lease.
  await sql`
    CREATE INDEX webhook_deliveries_claimed_idx
      ON webhook_deliveries (claimed_at) WHERE status = 'delivering'`.execute(db);
  // A subscription's deliveries, newest first (keyset on created_at, id).
  await sql`
    CREATE INDEX webhook_deliveries_subscription_idx
      ON webhook_deliveries (subscription_id, created_at DESC, id DESC)`.execute(db);
  // Dead letters of a workspace, newest first.
  await sql`
    CREATE INDEX webhook_deliveries_workspace_status_idx
      ON webhook_deliveries (workspace_id, status, created_at DESC, id DESC)`.execute(db);
  // Erasure, and the ON DELETE SET NULL of a deleted customer.
  await sql`
    CREATE INDEX webhook_deliveries_customer_idx
      ON webhook_deliveries (customer_id) WHERE customer_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE webhook_deliveries`.execute(db);
  await sql`DROP TABLE webhook_subscriptions`.execute(db);
}
