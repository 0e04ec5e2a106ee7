import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { definitionOf, diffDefinitions, type TagDefinition } from './tag-definition.ts';
import { slugProblem } from './tag-slug.ts';
import { insertTagVersion, systemAuthor, type VersionAuthor } from './tag-version.repository.ts';
import type { TagVersionRow } from './tag-version.table.ts';
import type { NewTagRow, TagCategory, TagKind, TagRow, TagSource, TagStatus } from './tag.table.ts';

/** What a caller states about a tag it needs (rule tables, the churn model, named clusters). */
export interface TagSpec {
  readonly slug: string;
  readonly displayName: string;
  readonly kind: TagKind;
  readonly category: TagCategory;
  readonly definition: string;
  readonly usageNote?: string | undefined;
  readonly owner?: string | undefined;
  readonly source?: TagSource | null;
  /** Default false: suggestions are reviewed. */
  readonly autoAccept?: boolean | undefined;
}

/** Thrown by repository functions given a slug that breaks the naming standard. */
export class InvalidSlugError extends Error {
  override readonly name = 'InvalidSlugError';
  constructor(
    readonly slug: string,
    readonly reason: string,
  ) {
    super(`tag slug "${slug}" ${reason}`);
  }
}

function assertSlug(slug: string): void {
  const problem = slugProblem(slug);
  if (problem !== undefined) throw new InvalidSlugError(slug, problem);
}

/** Runs `work` in `db` when it is a transaction already, else in a new one. */
function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/**
 * Inserts a new tag with its version 1 (by `author`), in one transaction; returns
 * `undefined` when the slug is already taken in the workspace.
 */
export function insertTag(
  db: Db,
  workspaceId: string,
  spec: TagSpec,
  author: VersionAuthor,
): Promise<TagRow | undefined> {
  assertSlug(spec.slug);
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('tags')
      .values(newTagRow(workspaceId, spec))
      .onConflict((oc) => oc.columns(['workspace_id', 'slug']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row !== undefined) {
      await insertTagVersion(
        trx,
        row.id,
        definitionOf(row),
        diffDefinitions(undefined, definitionOf(row)),
        author,
      );
    }
    return row;
  });
}

/**
 * Returns the workspace's tag with `spec.slug`, creating it from `spec` when there is none.
 * An existing tag is returned unchanged (its display name, definition and status are the
 * analyst's to edit), so callers may call this on every run. Safe under concurrency: two
 * callers creating the same slug get the same row.
 *
 * @example
 * const tag = await ensureTag(trx, workspaceId, {
 *   slug: 'likely-to-churn', displayName: 'Likely to churn', kind: 'predictive',
 *   category: 'lifecycle', definition: 'Calibrated churn probability above the threshold',
 * });
 */
export async function ensureTag(
  db: Db,
  workspaceId: string,
  spec: TagSpec,
  author: VersionAuthor = systemAuthor(),
): Promise<TagRow> {
  const inserted = await insertTag(db, workspaceId, spec, author);
  if (inserted !== undefined) return inserted;
  return db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('slug', '=', spec.slug)
    .executeTakeFirstOrThrow();
}

function newTagRow(workspaceId: string, spec: TagSpec): NewTagRow {
  return {
    workspace_id: workspaceId,
    slug: spec.slug,
    display_name: spec.displayName,
    kind: spec.kind,
    category: spec.category,
    definition: spec.definition,
    ...(spec.usageNote === undefined ? {} : { usage_note: spec.usageNote }),
    ...(spec.owner === undefined ? {} : { owner: spec.owner }),
    ...(spec.autoAccept === undefined ? {} : { auto_accept: spec.autoAccept }),
    source: spec.source == null ? null : JSON.stringify(spec.source),
  };
}

export async function findTagById(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<TagRow | undefined> {
  return db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The tag that once had `slug` and has another now (it was renamed since), by its latest
 * version with that slug; `undefined` when no tag ever had it or the slug is current.
 */
export async function findTagFormerlyNamed(
  db: Db,
  workspaceId: string,
  slug: string,
): Promise<TagRow | undefined> {
  return db
    .selectFrom('tags as t')
    .innerJoin('tag_versions as v', 'v.tag_id', 't.id')
    .selectAll('t')
    .where('t.workspace_id', '=', workspaceId)
    .where(sql<string>`v.snapshot->>'slug'`, '=', slug)
    .where('t.slug', '<>', slug)
    .orderBy('v.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findTagBySlug(
  db: Db,
  workspaceId: string,
  slug: string,
): Promise<TagRow | undefined> {
  return db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The workspace's tags with these slugs, by slug (unknown slugs are absent). */
export async function findTagsBySlugs(
  db: Db,
  workspaceId: string,
  slugs: readonly string[],
): Promise<Map<string, TagRow>> {
  const bySlug = new Map<string, TagRow>();
  if (slugs.length === 0) return bySlug;
  const rows = await db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('slug', 'in', [...new Set(slugs)])
    .execute();
  for (const row of rows) bySlug.set(row.slug, row);
  return bySlug;
}

export interface TagFilter {
  readonly kind?: TagKind | undefined;
  readonly category?: TagCategory | undefined;
  readonly status?: TagStatus | undefined;
}

/** One page of tags in slug order (keyset on the unique slug). */
export async function listTags(
  db: Db,
  workspaceId: string,
  options: TagFilter & { afterSlug?: string | undefined; limit: number },
): Promise<TagRow[]> {
  let query = db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('slug')
    .limit(options.limit);
  if (options.afterSlug !== undefined) query = query.where('slug', '>', options.afterSlug);
  if (options.kind !== undefined) query = query.where('kind', '=', options.kind);
  if (options.category !== undefined) query = query.where('category', '=', options.category);
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  return query.execute();
}

/** What may change in a tag's definition (its kind may not). */
export type TagChanges = {
  readonly [F in Exclude<keyof TagDefinition, 'kind'>]?: TagDefinition[F] | undefined;
};

/** A tag before and after a change, and the version the change made (none when nothing changed). */
export interface TagChange {
  readonly before: TagRow;
  readonly after: TagRow;
  readonly version: TagVersionRow | undefined;
}

/** The columns to set for the fields of `changes` that differ from `before`. */
function changedColumns(before: TagRow, changes: TagChanges) {
  const proposed: TagDefinition = { ...definitionOf(before) };
  for (const [field, value] of Object.entries(changes)) {
    if (value !== undefined) Object.assign(proposed, { [field]: value });
  }
  const diff = diffDefinitions(definitionOf(before), proposed);
  const has = (field: keyof TagDefinition) => diff.some((c) => c.field === field);
  return {
    diff,
    columns: {
      ...(has('slug') ? { slug: proposed.slug } : {}),
      ...(has('displayName') ? { display_name: proposed.displayName } : {}),
      ...(has('category') ? { category: proposed.category } : {}),
      ...(has('definition') ? { definition: proposed.definition } : {}),
      ...(has('usageNote') ? { usage_note: proposed.usageNote } : {}),
      ...(has('owner') ? { owner: proposed.owner } : {}),
      ...(has('status') ? { status: proposed.status } : {}),
      ...(has('autoAccept') ? { auto_accept: proposed.autoAccept } : {}),
      ...(has('source')
        ? { source: proposed.source === null ? null : JSON.stringify(proposed.source) }
        : {}),
    },
  };
}

/**
 * Applies `changes` to the tag `id` and appends a version by `author` with the field-level
 * diff, in one transaction (the tag row is locked while it changes). Fields equal to the
 * current ones change nothing: when none differs no version is written. Returns
 * `undefined` when the tag does not exist (in `workspaceId`, when given).
 *
 * @throws InvalidSlugError when a new slug breaks the naming standard
 */
async function changeTag(
  db: Db,
  where: { readonly id: string; readonly workspaceId?: string },
  changes: TagChanges,
  author: VersionAuthor,
): Promise<TagChange | undefined> {
  if (changes.slug !== undefined) assertSlug(changes.slug);
  return inTransaction(db, async (trx) => {
    let query = trx.selectFrom('tags').selectAll().where('id', '=', where.id);
    if (where.workspaceId !== undefined)
      query = query.where('workspace_id', '=', where.workspaceId);
    const before = await query.forUpdate().executeTakeFirst();
    if (before === undefined) return undefined;
    const { diff, columns } = changedColumns(before, changes);
    if (diff.length === 0) return { before, after: before, version: undefined };
    const after = await trx
      .updateTable('tags')
      .set({ ...columns, updated_at: sql<Date>`now()` })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const version = await insertTagVersion(trx, after.id, definitionOf(after), diff, author);
    return { before, after, version };
  });
}

/** Changes a workspace's tag, versioned (see `changeTag`); `undefined` when it does not exist. */
export async function updateTag(
  db: Db,
  workspaceId: string,
  id: string,
  changes: TagChanges,
  author: VersionAuthor,
): Promise<TagChange | undefined> {
  return changeTag(db, { id, workspaceId }, changes, author);
}

/**
 * Points a tag at where its suggestions now come from (e.g. the newest run's cluster), as a
 * new version by the system unless an author is given.
 */
export async function setTagSource(
  db: Db,
  id: string,
  source: TagSource,
  author: VersionAuthor = systemAuthor(),
): Promise<TagRow> {
  const change = await changeTag(db, { id }, { source }, author);
  if (change === undefined) throw new Error(`tag ${id} does not exist`);
  return change.after;
}

/**
 * Locks tag rows until the transaction ends, in id order (two transactions locking the
 * same tags in the same order cannot deadlock).
 */
export async function lockTags(trx: Db, ids: readonly string[]): Promise<void> {
  await trx
    .selectFrom('tags')
    .select('id')
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
}
