import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { slugProblem } from './tag-slug.ts';
import type { NewTagRow, TagCategory, TagKind, TagRow, TagSource, TagStatus } from './tag.table.ts';

/** What a caller states about a tag it needs (rule tables, the churn model, named clusters). */
export interface TagSpec {
  readonly slug: string;
  readonly displayName: string;
  readonly kind: TagKind;
  readonly category: TagCategory;
  readonly definition: string;
  readonly usageNote?: string;
  readonly source?: TagSource | null;
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
export async function ensureTag(db: Db, workspaceId: string, spec: TagSpec): Promise<TagRow> {
  assertSlug(spec.slug);
  const inserted = await db
    .insertInto('tags')
    .values(newTagRow(workspaceId, spec))
    .onConflict((oc) => oc.columns(['workspace_id', 'slug']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted !== undefined) return inserted;
  return db
    .selectFrom('tags')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('slug', '=', spec.slug)
    .executeTakeFirstOrThrow();
}

/** Inserts a new tag; returns `undefined` when the slug is already taken in the workspace. */
export async function insertTag(
  db: Db,
  workspaceId: string,
  spec: TagSpec,
): Promise<TagRow | undefined> {
  assertSlug(spec.slug);
  return db
    .insertInto('tags')
    .values(newTagRow(workspaceId, spec))
    .onConflict((oc) => oc.columns(['workspace_id', 'slug']).doNothing())
    .returningAll()
    .executeTakeFirst();
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

export interface TagChanges {
  readonly displayName?: string | undefined;
  readonly category?: TagCategory | undefined;
  readonly definition?: string | undefined;
  readonly usageNote?: string | undefined;
  readonly status?: TagStatus | undefined;
  readonly autoAccept?: boolean | undefined;
}

/** Applies `changes` to a tag; returns the updated row (undefined when it does not exist). */
export async function updateTag(
  db: Db,
  workspaceId: string,
  id: string,
  changes: TagChanges,
): Promise<TagRow | undefined> {
  return db
    .updateTable('tags')
    .set({
      ...(changes.displayName === undefined ? {} : { display_name: changes.displayName }),
      ...(changes.category === undefined ? {} : { category: changes.category }),
      ...(changes.definition === undefined ? {} : { definition: changes.definition }),
      ...(changes.usageNote === undefined ? {} : { usage_note: changes.usageNote }),
      ...(changes.status === undefined ? {} : { status: changes.status }),
      ...(changes.autoAccept === undefined ? {} : { auto_accept: changes.autoAccept }),
      updated_at: sql<Date>`now()`,
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Points a tag at where its suggestions now come from (e.g. the newest run's cluster). */
export async function setTagSource(db: Db, id: string, source: TagSource): Promise<TagRow> {
  return db
    .updateTable('tags')
    .set({ source: JSON.stringify(source), updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
