import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { NotebookCell } from './notebook.schema.ts';
import type { NotebookRow } from './notebook.table.ts';

/** A notebook row with the name of the key that changed it last. */
export type NotebookWithEditor = NotebookRow & { updated_by_name: string | null };

/** Keyset position of the newest-first listing. */
export interface NotebookPosition {
  readonly createdAt: Date;
  readonly id: string;
}

const withEditor = (db: Db) =>
  db
    .selectFrom('notebooks')
    .leftJoin('api_keys', 'api_keys.id', 'notebooks.updated_by')
    .selectAll('notebooks')
    .select('api_keys.name as updated_by_name');

export async function insertNotebook(
  db: Db,
  notebook: { workspaceId: string; title: string; cells: NotebookCell[]; createdBy: string | null },
): Promise<NotebookRow> {
  return db
    .insertInto('notebooks')
    .values({
      workspace_id: notebook.workspaceId,
      title: notebook.title,
      cells: JSON.stringify(notebook.cells),
      created_by: notebook.createdBy,
      updated_by: notebook.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findNotebook(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<NotebookWithEditor | undefined> {
  return withEditor(db)
    .where('notebooks.workspace_id', '=', workspaceId)
    .where('notebooks.id', '=', id)
    .executeTakeFirst();
}

/** One page of a workspace's notebooks, newest first (`after` = last row of the previous page). */
export async function listNotebooks(
  db: Db,
  workspaceId: string,
  options: { after?: NotebookPosition | undefined; limit: number },
): Promise<NotebookRow[]> {
  let query = db
    .selectFrom('notebooks')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  const after = options.after;
  if (after !== undefined) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  return query.execute();
}

/**
 * Applies a change when the stored version is still `expectedVersion`, bumping it.
 * `undefined` = no such notebook, or another change came first (the caller tells which).
 */
export async function updateNotebook(
  db: Db,
  workspaceId: string,
  id: string,
  expectedVersion: number,
  change: {
    title?: string | undefined;
    cells?: NotebookCell[] | undefined;
    updatedBy: string | null;
  },
): Promise<NotebookRow | undefined> {
  return db
    .updateTable('notebooks')
    .set((eb) => ({
      ...(change.title === undefined ? {} : { title: change.title }),
      ...(change.cells === undefined ? {} : { cells: JSON.stringify(change.cells) }),
      updated_by: change.updatedBy,
      updated_at: sql<Date>`now()`,
      version: eb('version', '+', 1),
    }))
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes a notebook; false when there was none. */
export async function deleteNotebook(db: Db, workspaceId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('notebooks')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
