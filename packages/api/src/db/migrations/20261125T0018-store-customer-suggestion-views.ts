import { sql, type Kysely } from 'kysely';

/**
 * Services read a customer's suggestions far more often than anything changes them, and
 * building the JSON of their API views on every read — finding the customer's suggestions,
 * joining their tags, formatting each one — cost PostgreSQL twice what a one-row lookup does.
 * Each customer's views are now stored, newest first, and the read is a lookup.
 *
 * The database keeps them current, so no write path can forget: every statement that changes
 * suggestions, a tag's slug or display name, or a customer's external id marks the customers
 * concerned stale, and the transaction rebuilds their views when it commits, in one statement.
 * Rebuilding at commit, with the views' rows locked in customer order first and the new JSON
 * read afterwards, means two transactions that change one customer rebuild it one after the
 * other, the second seeing the first's suggestions, and never wait on each other in a cycle.
 * A tag rename also waits, at commit, for transactions still inserting suggestions of that
 * tag, so it rebuilds the views those add too.
 *
 * `customer_suggestions_view_json` is the one definition of a view (the fields of
 * `toSuggestionView`, times as JavaScript's `toISOString` writes them); a read filtered by
 * status builds its views with it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION customer_suggestions_view_json(customer bigint, only_status text, max_items integer)
    RETURNS text LANGUAGE sql STABLE AS $$
      SELECT coalesce((
        SELECT json_agg(json_build_object(
                 'id', s.id,
                 'customer', c.external_id,
                 'tag', t.slug,
                 'tagDisplayName', t.display_name,
                 'source', s.source,
                 'sourceVersion', s.source_version,
                 'confidence', s.confidence,
                 'explanation', json_build_object(
                   'factors', s.explanation -> 'factors', 'text', s.explanation -> 'text'),
                 'status', s.status,
                 'decidedBy', s.decided_by,
                 'decidedAt', to_char(s.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                 'reason', s.reason,
                 'createdAt', to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
               ORDER BY s.created_at DESC, s.confidence DESC)
          FROM (SELECT * FROM suggestions
                 WHERE suggestions.customer_id = customer
                   AND (only_status IS NULL OR suggestions.status = only_status)
                 ORDER BY suggestions.created_at DESC, suggestions.confidence DESC
                 LIMIT max_items) s
          JOIN tags t ON t.id = s.tag_id
          JOIN customers c ON c.id = s.customer_id), '[]')::text
    $$`.execute(db);

  await sql`
    CREATE TABLE customer_suggestion_views (
      customer_id bigint PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
      items text NOT NULL
    )`.execute(db);
  // Which customers each open transaction must rebuild when it commits.
  await sql`
    CREATE TABLE customer_suggestion_views_stale (
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      customer_id bigint NOT NULL,
      PRIMARY KEY (transaction_id, customer_id)
    )`.execute(db);
  await sql`
    CREATE TABLE suggestion_tags_renamed (
      transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
      tag_id uuid NOT NULL,
      PRIMARY KEY (transaction_id, tag_id)
    )`.execute(db);

  await sql`
    CREATE FUNCTION rebuild_stale_suggestion_views() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      renamed uuid[];
      stale bigint[];
    BEGIN
      -- The first call at a commit rebuilds every view the transaction made stale; the
      -- calls for its other rows find their row gone and return at once (one key looked up:
      -- the deleted rows stay in the index until the transaction ends).
      IF TG_TABLE_NAME = 'customer_suggestion_views_stale' THEN
        PERFORM 1 FROM customer_suggestion_views_stale
          WHERE transaction_id = NEW.transaction_id AND customer_id = NEW.customer_id;
      ELSE
        PERFORM 1 FROM suggestion_tags_renamed
          WHERE transaction_id = NEW.transaction_id AND tag_id = NEW.tag_id;
      END IF;
      IF NOT FOUND THEN
        RETURN NULL;
      END IF;
      WITH taken AS (
        DELETE FROM suggestion_tags_renamed WHERE transaction_id = pg_current_xact_id()
        RETURNING tag_id)
      SELECT coalesce(array_agg(tag_id ORDER BY tag_id), '{}') INTO renamed FROM taken;
      IF cardinality(renamed) > 0 THEN
        -- Inserting a suggestion share-locks its tag's key until that transaction ends: this
        -- lock waits for every such transaction and holds off new ones, so the customers read
        -- next include theirs. Taken before any view is locked, so no cycle can form.
        PERFORM 1 FROM tags WHERE id = ANY (renamed) ORDER BY id FOR UPDATE;
        INSERT INTO customer_suggestion_views_stale (customer_id)
          SELECT DISTINCT customer_id FROM suggestions WHERE tag_id = ANY (renamed)
          ON CONFLICT DO NOTHING;
      END IF;
      WITH taken AS (
        DELETE FROM customer_suggestion_views_stale WHERE transaction_id = pg_current_xact_id()
        RETURNING customer_id)
      SELECT coalesce(array_agg(customer_id ORDER BY customer_id), '{}') INTO stale FROM taken;
      IF cardinality(stale) = 0 THEN
        RETURN NULL;
      END IF;
      -- Lock every view first, in customer order (waiting for any other transaction
      -- rebuilding one of them to commit); only then read the suggestions, so the JSON
      -- includes what that transaction committed.
      INSERT INTO customer_suggestion_views (customer_id, items)
        SELECT c.id, '[]' FROM customers c WHERE c.id = ANY (stale) ORDER BY c.id
        ON CONFLICT (customer_id) DO NOTHING;
      PERFORM 1 FROM customer_suggestion_views
        WHERE customer_id = ANY (stale) ORDER BY customer_id FOR UPDATE;
      UPDATE customer_suggestion_views
         SET items = customer_suggestions_view_json(customer_id, NULL, 1000)
       WHERE customer_id = ANY (stale);
      RETURN NULL;
    END $$`.execute(db);
  for (const table of ['customer_suggestion_views_stale', 'suggestion_tags_renamed']) {
    await sql`
      CREATE CONSTRAINT TRIGGER ${sql.raw(`${table}_rebuild_at_commit`)} AFTER INSERT ON ${sql.table(table)}
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION rebuild_stale_suggestion_views()`.execute(
      db,
    );
  }

  await sql`
    CREATE FUNCTION mark_suggestion_views_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' THEN
        INSERT INTO customer_suggestion_views_stale (customer_id)
          SELECT DISTINCT customer_id FROM new_rows ON CONFLICT DO NOTHING;
      ELSIF TG_OP = 'UPDATE' THEN
        INSERT INTO customer_suggestion_views_stale (customer_id)
          SELECT customer_id FROM new_rows UNION SELECT customer_id FROM old_rows
          ON CONFLICT DO NOTHING;
      ELSE
        INSERT INTO customer_suggestion_views_stale (customer_id)
          SELECT DISTINCT customer_id FROM old_rows ON CONFLICT DO NOTHING;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  for (const [event, transitionTables] of [
    ['INSERT', sql`NEW TABLE AS new_rows`],
    ['UPDATE', sql`OLD TABLE AS old_rows NEW TABLE AS new_rows`],
    ['DELETE', sql`OLD TABLE AS old_rows`],
  ] as const) {
    await sql`
      CREATE TRIGGER ${sql.raw(`suggestion_views_stale_on_${event.toLowerCase()}`)}
        AFTER ${sql.raw(event)} ON suggestions REFERENCING ${transitionTables}
        FOR EACH STATEMENT EXECUTE FUNCTION mark_suggestion_views_stale()`.execute(db);
  }

  // A renamed tag's customers are found at commit, not now (see above).
  await sql`
    CREATE FUNCTION mark_renamed_suggestion_tag() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO suggestion_tags_renamed (tag_id) VALUES (NEW.id) ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER suggestion_views_stale_on_tag_rename AFTER UPDATE OF slug, display_name ON tags
      FOR EACH ROW WHEN (OLD.slug IS DISTINCT FROM NEW.slug OR OLD.display_name IS DISTINCT FROM NEW.display_name)
      EXECUTE FUNCTION mark_renamed_suggestion_tag()`.execute(db);

  await sql`
    CREATE FUNCTION mark_renamed_customer_stale() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO customer_suggestion_views_stale (customer_id) VALUES (NEW.id)
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER suggestion_views_stale_on_customer_rename AFTER UPDATE OF external_id ON customers
      FOR EACH ROW WHEN (OLD.external_id IS DISTINCT FROM NEW.external_id)
      EXECUTE FUNCTION mark_renamed_customer_stale()`.execute(db);

  await sql`
    INSERT INTO customer_suggestion_views (customer_id, items)
      SELECT customer_id, customer_suggestions_view_json(customer_id, NULL, 1000)
        FROM (SELECT DISTINCT customer_id FROM suggestions) s`.execute(db);
  await sql`ANALYZE customer_suggestion_views`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER suggestion_views_stale_on_customer_rename ON customers`.execute(db);
  await sql`DROP TRIGGER suggestion_views_stale_on_tag_rename ON tags`.execute(db);
  for (const event of ['insert', 'update', 'delete']) {
    await sql`DROP TRIGGER ${sql.raw(`suggestion_views_stale_on_${event}`)} ON suggestions`.execute(
      db,
    );
  }
  await sql`DROP TABLE suggestion_tags_renamed, customer_suggestion_views_stale, customer_suggestion_views`.execute(
    db,
  );
  await sql`DROP FUNCTION mark_renamed_customer_stale(), mark_renamed_suggestion_tag(), mark_suggestion_views_stale(),
              rebuild_stale_suggestion_views(),
              customer_suggestions_view_json(bigint, text, integer)`.execute(db);
}
