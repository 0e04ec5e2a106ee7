import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Governance fields that came with the version history.
  await sql`ALTER TABLE tags ADD COLUMN owner text NOT NULL DEFAULT '' CHECK (length(owner) <= 200)`.execute(
    db,
  );
  await sql`
    ALTER TABLE customer_tags
      ADD COLUMN assignment_reason text CHECK (length(assignment_reason) <= 2000)`.execute(db);

  // Holders of a tag in holding order: keyset pages of "who held X on D" and merges.
  await sql`CREATE INDEX customer_tags_tag_id_idx ON customer_tags (tag_id, id)`.execute(db);

  // Insert-only: every create, edit, merge and rollback of a tag adds the next version.
  await sql`
    CREATE TABLE tag_versions (
      tag_id uuid NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version >= 1),
      snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot) = 'object'),
      changes jsonb NOT NULL CHECK (jsonb_typeof(changes) = 'array'),
      message text CHECK (length(message) <= 2000),
      actor_key_id uuid REFERENCES api_keys (id) ON DELETE SET NULL,
      request_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT tag_versions_pkey PRIMARY KEY (tag_id, version)
    )`.execute(db);

  // Tags made before this migration start their history at version 1 as they are now.
  await sql`
    INSERT INTO tag_versions (tag_id, version, snapshot, changes, message)
    SELECT id, 1,
           jsonb_build_object(
             'slug', slug, 'displayName', display_name, 'kind', kind, 'category', category,
             'definition', definition, 'usageNote', usage_note, 'owner', owner,
             'status', status, 'autoAccept', auto_accept, 'source', source),
           '[]'::jsonb,
           'history starts here'
      FROM tags`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE tag_versions`.execute(db);
  await sql`DROP INDEX customer_tags_tag_id_idx`.execute(db);
  await sql`ALTER TABLE customer_tags DROP COLUMN assignment_reason`.execute(db);
  await sql`ALTER TABLE tags DROP COLUMN owner`.execute(db);
}
