import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { FieldChange, TagDefinition } from './tag-definition.ts';
import type { TagVersionRow } from './tag-version.table.ts';

/** Who made a change and why: stored on the version it creates. */
export interface VersionAuthor {
  readonly keyId: string | null;
  readonly requestId: string | null;
  readonly message: string | null;
}

/** The system as author (rule tables, churn activation, cluster re-runs), with a note. */
export const systemAuthor = (message: string | null = null): VersionAuthor => ({
  keyId: null,
  requestId: null,
  message,
});

/**
 * Appends the next version of a tag (1 for a new tag). Call it in the transaction that
 * changed the tag, after the change: the tag row is locked by then, so concurrent edits of
 * one tag number their versions one after the other (the primary key catches any slip).
 */
export async function insertTagVersion(
  db: Db,
  tagId: string,
  snapshot: TagDefinition,
  changes: readonly FieldChange[],
  author: VersionAuthor,
): Promise<TagVersionRow> {
  return db
    .insertInto('tag_versions')
    .columns(['tag_id', 'version', 'snapshot', 'changes', 'message', 'actor_key_id', 'request_id'])
    .expression(
      db
        .selectFrom('tag_versions')
        .select([
          // Typed casts: parameters in an INSERT … SELECT list are not typed by the target.
          sql<string>`${tagId}::uuid`.as('tag_id'),
          sql<number>`coalesce(max(version), 0) + 1`.as('version'),
          sql<string>`${JSON.stringify(snapshot)}::jsonb`.as('snapshot'),
          sql<string>`${JSON.stringify(changes)}::jsonb`.as('changes'),
          sql<string | null>`${author.message}::text`.as('message'),
          sql<string | null>`${author.keyId}::uuid`.as('actor_key_id'),
          sql<string | null>`${author.requestId}::text`.as('request_id'),
        ])
        .where('tag_id', '=', tagId),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A version with the name of the key that made it (null when the key is gone or the system made it). */
export interface TagVersionWithActor extends TagVersionRow {
  readonly actor_name: string | null;
}

function versionsQuery(db: Db, tagId: string) {
  return db
    .selectFrom('tag_versions as v')
    .leftJoin('api_keys as k', 'k.id', 'v.actor_key_id')
    .selectAll('v')
    .select('k.name as actor_name')
    .where('v.tag_id', '=', tagId);
}

/** One page of a tag's versions, newest first (keyset on the version number). */
export async function listTagVersions(
  db: Db,
  tagId: string,
  options: { beforeVersion?: number | undefined; limit: number },
): Promise<TagVersionWithActor[]> {
  let query = versionsQuery(db, tagId).orderBy('v.version', 'desc').limit(options.limit);
  if (options.beforeVersion !== undefined) {
    query = query.where('v.version', '<', options.beforeVersion);
  }
  return query.execute();
}

export async function findTagVersion(
  db: Db,
  tagId: string,
  version: number,
): Promise<TagVersionWithActor | undefined> {
  return versionsQuery(db, tagId).where('v.version', '=', version).executeTakeFirst();
}

/** The newest version number of each tag. */
export async function currentVersions(
  db: Db,
  tagIds: readonly string[],
): Promise<Map<string, number>> {
  if (tagIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tag_versions')
    .select(['tag_id', sql<number>`max(version)::int`.as('version')])
    .where('tag_id', 'in', [...tagIds])
    .groupBy('tag_id')
    .execute();
  return new Map(rows.map((r) => [r.tag_id, r.version]));
}
