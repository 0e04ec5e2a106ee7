import { sql, type SelectQueryBuilder } from 'kysely';
import type { SuggestionSource } from '@tagwise/engine';
import { chunks } from '../db/chunks.ts';
import { customerLookupBatches } from '../db/customer-lookup-batches.ts';
import type { Database, Db } from '../db/database.ts';
import { namedStatement, runNamedStatement } from '../db/named-statement.ts';
import type { NewSuggestionRow, SuggestionRow, SuggestionStatus } from './suggestion.table.ts';

/** Suggestion rows per INSERT (9 parameters each). */
const SUGGESTION_CHUNK_ROWS = 1000;

/**
 * Inserts suggestions; a (customer, tag, source, source version) already suggested — whatever
 * was decided about it — is skipped. Returns the rows actually inserted.
 */
export async function insertSuggestions(
  db: Db,
  rows: readonly NewSuggestionRow[],
): Promise<SuggestionRow[]> {
  const inserted: SuggestionRow[] = [];
  for (const chunk of chunks(rows, SUGGESTION_CHUNK_ROWS)) {
    const result = await db
      .insertInto('suggestions')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['customer_id', 'tag_id', 'source', 'source_version']).doNothing(),
      )
      .returningAll()
      .execute();
    inserted.push(...result.map(normalise));
  }
  return inserted;
}

function normalise<T extends { customer_id: number }>(row: T): T {
  return { ...row, customer_id: Number(row.customer_id) };
}

/**
 * Takes pending suggestions out of the queue when a newer version of the same source now
 * suggests the same tag to the same customer (the newer one stands).
 */
export async function supersedeOlderPending(
  db: Db,
  fresh: readonly Pick<SuggestionRow, 'customer_id' | 'tag_id' | 'source' | 'source_version'>[],
): Promise<number> {
  let superseded = 0;
  for (const chunk of chunks(fresh, SUGGESTION_CHUNK_ROWS)) {
    const values = sql.join(
      chunk.map(
        (s) => sql`(${s.customer_id}::bigint, ${s.tag_id}::uuid, ${s.source}, ${s.source_version})`,
      ),
    );
    const result = await sql`
      UPDATE suggestions AS s SET status = 'superseded'
        FROM (VALUES ${values}) AS v (customer_id, tag_id, source, source_version)
       WHERE s.customer_id = v.customer_id AND s.tag_id = v.tag_id AND s.source = v.source
         AND s.source_version <> v.source_version AND s.status = 'pending'`.execute(db);
    superseded += Number(result.numAffectedRows ?? 0);
  }
  return superseded;
}

/** A suggestion with its customer's external id and its tag's slug. */
export interface SuggestionDetailRow extends SuggestionRow {
  readonly external_id: string;
  readonly slug: string;
  readonly display_name: string;
}

function detailQuery(db: Db) {
  return db
    .selectFrom('suggestions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .innerJoin('tags as t', 't.id', 's.tag_id')
    .selectAll('s')
    .select(['c.external_id', 't.slug', 't.display_name']);
}

export async function findSuggestion(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<SuggestionDetailRow | undefined> {
  const row = await detailQuery(db)
    .where('s.workspace_id', '=', workspaceId)
    .where('s.id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : normalise(row);
}

/** What a review-queue query or a bulk decision selects. */
export interface SuggestionFilter {
  readonly status?: SuggestionStatus | undefined;
  readonly tagId?: string | undefined;
  readonly source?: SuggestionSource | undefined;
  readonly minConfidence?: number | undefined;
  readonly maxConfidence?: number | undefined;
}

function applyFilter<O>(
  query: SelectQueryBuilder<Database & { s: Database['suggestions'] }, 's', O>,
  workspaceId: string,
  filter: SuggestionFilter,
) {
  let q = query.where('s.workspace_id', '=', workspaceId);
  if (filter.status !== undefined) q = q.where('s.status', '=', filter.status);
  if (filter.tagId !== undefined) q = q.where('s.tag_id', '=', filter.tagId);
  if (filter.source !== undefined) q = q.where('s.source', '=', filter.source);
  if (filter.minConfidence !== undefined) q = q.where('s.confidence', '>=', filter.minConfidence);
  if (filter.maxConfidence !== undefined) q = q.where('s.confidence', '<=', filter.maxConfidence);
  return q;
}

/**
 * One page of the review queue: highest confidence first, keyset on `(confidence, id)`
 * (served by `suggestions_queue_idx` when a status is given).
 */
export async function listSuggestions(
  db: Db,
  workspaceId: string,
  filter: SuggestionFilter,
  options: { after?: { confidence: number; id: string } | undefined; limit: number },
): Promise<SuggestionDetailRow[]> {
  let query = detailQuery(db)
    .where('s.workspace_id', '=', workspaceId)
    .orderBy('s.confidence', 'desc')
    .orderBy('s.id', 'desc')
    .limit(options.limit);
  if (filter.status !== undefined) query = query.where('s.status', '=', filter.status);
  if (filter.tagId !== undefined) query = query.where('s.tag_id', '=', filter.tagId);
  if (filter.source !== undefined) query = query.where('s.source', '=', filter.source);
  if (filter.minConfidence !== undefined) {
    query = query.where('s.confidence', '>=', filter.minConfidence);
  }
  if (filter.maxConfidence !== undefined) {
    query = query.where('s.confidence', '<=', filter.maxConfidence);
  }
  const after = options.after;
  if (after !== undefined) {
    query = query.where(
      sql<boolean>`(s.confidence, s.id) < (${after.confidence}::double precision, ${after.id}::uuid)`,
    );
  }
  return (await query.execute()).map(normalise);
}

/**
 * At most this many of a customer's suggestions are returned, newest first. The views stored
 * per customer (migration `20261125T0018-store-customer-suggestion-views`) hold as many.
 */
const CUSTOMER_SUGGESTIONS_LIMIT = 1000;

/**
 * A customer's suggestions by external id, newest first (optionally only one status), in one
 * query.
 */
export async function listCustomerSuggestions(
  db: Db,
  workspaceId: string,
  externalId: string,
  status?: SuggestionStatus,
): Promise<SuggestionDetailRow[]> {
  let query = detailQuery(db)
    .where('c.workspace_id', '=', workspaceId)
    .where('c.external_id', '=', externalId)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.confidence', 'desc')
    .limit(CUSTOMER_SUGGESTIONS_LIMIT);
  if (status !== undefined) query = query.where('s.status', '=', status);
  return (await query.execute()).map(normalise);
}

/**
 * The hot read path of calling services: a customer's suggestions as the JSON array of their
 * API views, newest first, as the database stores it for each customer (kept current by the
 * database on every change; see the migration), answered in batches (see
 * `customerLookupBatches`). No row: the workspace has no such customer.
 */
const customerSuggestionsJsonOf = customerLookupBatches<{ items: string }>(
  'customer_suggestions_json',
  `SELECT coalesce(v.items, '[]') AS items
     FROM customers c LEFT JOIN customer_suggestion_views v ON v.customer_id = c.id
    WHERE c.workspace_id = key.workspace_id AND c.external_id = key.external_id`,
);

/** The same for the suggestions of one status (`$3`), built on the spot, at most `$4`. */
const CUSTOMER_SUGGESTIONS_OF_STATUS_JSON = namedStatement(
  'customer_suggestions_of_status_json',
  `SELECT customer_suggestions_view_json(c.id, $3::text, $4::integer) AS items
     FROM customers c
    WHERE c.workspace_id = $1::uuid AND c.external_id = $2::text`,
);

/**
 * The same suggestions as `listCustomerSuggestions`, already as the JSON array of their API
 * views. `undefined`: the workspace has no such customer.
 *
 * @example
 * const items = await findCustomerSuggestionsJson(db, workspace.id, 'c42', 'pending'); // '[{"id": ...}]'
 */
export async function findCustomerSuggestionsJson(
  db: Db,
  workspaceId: string,
  externalId: string,
  status?: SuggestionStatus,
): Promise<string | undefined> {
  if (status === undefined) {
    return (await customerSuggestionsJsonOf(db, workspaceId, externalId))?.items;
  }
  const [row] = await runNamedStatement<{ items: string }>(
    db,
    CUSTOMER_SUGGESTIONS_OF_STATUS_JSON,
    [workspaceId, externalId, status, CUSTOMER_SUGGESTIONS_LIMIT],
  );
  return row?.items;
}

export interface Decision {
  readonly status: 'accepted' | 'rejected';
  readonly decidedBy: string | null;
  readonly reason: string | null;
}

/** The columns a decision writes. */
const decisionColumns = (decision: Decision) => ({
  status: decision.status,
  decided_by: decision.decidedBy,
  decided_at: sql<Date>`now()`,
  reason: decision.reason,
});

/**
 * Decides one pending suggestion. The `status = 'pending'` condition makes concurrent
 * decisions safe: the first to commit wins, every other update matches no row.
 */
export async function decidePendingSuggestion(
  db: Db,
  workspaceId: string,
  id: string,
  decision: Decision,
): Promise<SuggestionRow | undefined> {
  const row = await db
    .updateTable('suggestions')
    .set(decisionColumns(decision))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returningAll()
    .executeTakeFirst();
  return row === undefined ? undefined : normalise(row);
}

/** The suggestion, locked until the transaction ends (a decision or undo waits for it). */
export async function lockSuggestion(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<SuggestionRow | undefined> {
  const row = await db
    .selectFrom('suggestions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row === undefined ? undefined : normalise(row);
}

/**
 * Whether a later suggestion of the same tag to the same customer, from the same source,
 * exists. The times are compared in the database: a `Date` keeps milliseconds only, so the
 * suggestion's own microseconds would make it later than itself.
 */
export async function hasNewerSuggestion(db: Db, suggestion: SuggestionRow): Promise<boolean> {
  const newer = await db
    .selectFrom('suggestions as later')
    .innerJoin('suggestions as this', (join) =>
      join
        .onRef('this.customer_id', '=', 'later.customer_id')
        .onRef('this.tag_id', '=', 'later.tag_id')
        .onRef('this.source', '=', 'later.source')
        .onRef('later.created_at', '>', 'this.created_at'),
    )
    .select('later.id')
    .where('this.id', '=', suggestion.id)
    .limit(1)
    .executeTakeFirst();
  return newer !== undefined;
}

/** Puts a suggestion back in the queue: pending, with no decision. */
export async function markPending(db: Db, id: string): Promise<void> {
  await db
    .updateTable('suggestions')
    .set({ status: 'pending', decided_by: null, decided_at: null, reason: null })
    .where('id', '=', id)
    .execute();
}

/** How many suggestions a filter selects. */
export async function countSuggestions(
  db: Db,
  workspaceId: string,
  filter: SuggestionFilter,
): Promise<number> {
  const row = await applyFilter(
    db.selectFrom('suggestions as s').select(sql<number>`count(*)::int`.as('n')),
    workspaceId,
    filter,
  ).executeTakeFirstOrThrow();
  return row.n;
}

/** How many suggestions of each tag wait for review (tags without any are left out). */
export async function countPendingByTag(
  db: Db,
  tagIds: readonly string[],
): Promise<Map<string, number>> {
  if (tagIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('suggestions')
    .select(['tag_id', sql<number>`count(*)::int`.as('pending')])
    .where('tag_id', 'in', [...tagIds])
    .where('status', '=', 'pending')
    .groupBy('tag_id')
    .execute();
  return new Map(rows.map((r) => [r.tag_id, r.pending]));
}

/**
 * Decides every pending suggestion a filter selects, in one statement; returns them. The
 * `status = 'pending'` condition of the update keeps it safe against concurrent decisions.
 */
export async function decidePendingMatching(
  db: Db,
  workspaceId: string,
  filter: SuggestionFilter,
  decision: Decision,
): Promise<SuggestionRow[]> {
  const selected = applyFilter(db.selectFrom('suggestions as s').select('s.id'), workspaceId, {
    ...filter,
    status: 'pending',
  });
  const rows = await db
    .updateTable('suggestions')
    .set(decisionColumns(decision))
    .where('id', 'in', selected)
    .where('status', '=', 'pending')
    .returningAll()
    .execute();
  return rows.map(normalise);
}
