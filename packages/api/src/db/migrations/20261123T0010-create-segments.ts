import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE segments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      description text NOT NULL DEFAULT '',
      -- Validated by the API before every write (SegmentExpressionSchema).
      expression jsonb NOT NULL,
      created_by uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT segments_workspace_slug_key UNIQUE (workspace_id, slug)
    )`.execute(db);

  // One row per evaluation of a segment: its size and how many entered and left since the
  // previous one ("size over time"). The expression evaluated is kept, as segments change.
  await sql`
    CREATE TABLE segment_snapshots (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      segment_id uuid NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
      workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
      expression jsonb NOT NULL,
      -- clock_timestamp: two snapshots taken in one transaction still order by time.
      taken_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      size integer NOT NULL CHECK (size >= 0),
      entered_count integer NOT NULL CHECK (entered_count >= 0),
      left_count integer NOT NULL CHECK (left_count >= 0),
      job_id uuid REFERENCES jobs (id) ON DELETE SET NULL
    )`.execute(db);
  await sql`
    CREATE INDEX segment_snapshots_segment_time_idx
      ON segment_snapshots (segment_id, taken_at, id)`.execute(db);

  // The member set of each segment's latest snapshot (older sets are dropped once the next
  // snapshot has recorded its diff, so storage stays one set per segment). Erasing a
  // customer removes their rows here and in segment_changes.
  await sql`
    CREATE TABLE segment_members (
      snapshot_id uuid NOT NULL REFERENCES segment_snapshots (id) ON DELETE CASCADE,
      customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      PRIMARY KEY (snapshot_id, customer_id)
    )`.execute(db);
  await sql`CREATE INDEX segment_members_customer_idx ON segment_members (customer_id)`.execute(db);

  // Who entered and who left at each snapshot, kept for every snapshot.
  await sql`
    CREATE TABLE segment_changes (
      snapshot_id uuid NOT NULL REFERENCES segment_snapshots (id) ON DELETE CASCADE,
      change text NOT NULL CHECK (change IN ('entered', 'left')),
      customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
      PRIMARY KEY (snapshot_id, change, customer_id)
    )`.execute(db);
  await sql`CREATE INDEX segment_changes_customer_idx ON segment_changes (customer_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE segment_changes`.execute(db);
  await sql`DROP TABLE segment_members`.execute(db);
  await sql`DROP TABLE segment_snapshots`.execute(db);
  await sql`DROP TABLE segments`.execute(db);
}
