import type { Db } from '../db/database.ts';
import type { WorkspaceRow } from './workspace.table.ts';

/** Inserts a workspace; returns `undefined` when the slug is taken. */
export async function insertWorkspace(
  db: Db,
  workspace: { slug: string; name: string },
): Promise<WorkspaceRow | undefined> {
  return db
    .insertInto('workspaces')
    .values(workspace)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findWorkspaceBySlug(db: Db, slug: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findWorkspaceById(db: Db, id: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * One page of workspaces in slug order (keyset: `afterSlug` is the last slug of the previous
 * page). `onlyId` restricts the list to one workspace (keys scoped to a workspace).
 */
export async function listWorkspaces(
  db: Db,
  options: { afterSlug?: string | undefined; limit: number; onlyId?: string | undefined },
): Promise<WorkspaceRow[]> {
  let query = db.selectFrom('workspaces').selectAll().orderBy('slug').limit(options.limit);
  if (options.afterSlug !== undefined) query = query.where('slug', '>', options.afterSlug);
  if (options.onlyId !== undefined) query = query.where('id', '=', options.onlyId);
  return query.execute();
}
