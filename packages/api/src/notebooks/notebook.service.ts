import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { checkNotebookCells, operatorChangeProblems } from './notebook-cells.ts';
import {
  deleteNotebook as deleteNotebookRow,
  findNotebook,
  insertNotebook,
  updateNotebook,
  type NotebookWithEditor,
} from './notebook.repository.ts';
import type {
  NotebookCell,
  NotebookSummaryView,
  NotebookView,
  PatchNotebookInput,
} from './notebook.schema.ts';
import type { NotebookRow } from './notebook.table.ts';

export function toNotebookView(row: NotebookWithEditor): NotebookView {
  return {
    id: row.id,
    title: row.title,
    cells: row.cells,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by_name,
  };
}

export function toNotebookSummary(row: NotebookRow): NotebookSummaryView {
  return {
    id: row.id,
    title: row.title,
    cellCount: row.cells.length,
    cellTypes: [...new Set(row.cells.map((cell) => cell.type))],
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getNotebook(
  db: Db,
  workspace: WorkspaceRow,
  id: string,
): Promise<NotebookWithEditor> {
  const row = await findNotebook(db, workspace.id, id);
  if (row === undefined) throw ProblemError.notFound(`notebook "${id}"`);
  return row;
}

async function reread(db: Db, workspace: WorkspaceRow, id: string): Promise<NotebookView> {
  return toNotebookView(await getNotebook(db, workspace, id));
}

/** Creates a notebook (cells checked: distinct ids, known inputs, no cycle, size limits). */
export async function createNotebook(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  input: { title: string; cells: NotebookCell[] },
): Promise<NotebookView> {
  checkNotebookCells(input.cells);
  const id = await writeTransaction(ctx, async (trx, record) => {
    const row = await insertNotebook(trx, {
      workspaceId: workspace.id,
      title: input.title,
      cells: input.cells,
      createdBy: ctx.actor?.keyId ?? null,
    });
    await record({
      action: 'notebook.created',
      resource: 'notebook',
      resourceId: row.id,
      workspaceId: workspace.id,
      data: { title: row.title, cells: row.cells.length },
    });
    return row.id;
  });
  return reread(ctx.db, workspace, id);
}

/**
 * Renames a notebook and/or replaces its cells when `patch.version` is still the stored
 * version (else 409 naming who changed it and when). Operators may change review cells only.
 */
export async function patchNotebook(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
  patch: PatchNotebookInput,
): Promise<NotebookView> {
  if (patch.cells !== undefined) checkNotebookCells(patch.cells);
  await writeTransaction(ctx, async (trx, record) => {
    const current = await getNotebook(trx, workspace, id);
    const conflict = () =>
      ProblemError.conflict(
        `notebook "${current.title}" is at version ${current.version} (changed ${current.updated_at.toISOString()}${current.updated_by_name === null ? '' : ` by ${current.updated_by_name}`}); this change was based on version ${patch.version}: reload it and apply the change again`,
      );
    if (current.version !== patch.version) throw conflict();
    if (ctx.actor?.role === 'operator') {
      const problems = [
        ...(patch.title !== undefined && patch.title !== current.title
          ? ['the title was changed']
          : []),
        ...(patch.cells === undefined ? [] : operatorChangeProblems(current.cells, patch.cells)),
      ];
      if (problems.length > 0) {
        throw ProblemError.forbidden(
          `operators may change review cells only: ${problems.join('; ')}`,
        );
      }
    }
    const row = await updateNotebook(trx, workspace.id, id, patch.version, {
      title: patch.title,
      cells: patch.cells,
      updatedBy: ctx.actor?.keyId ?? null,
    });
    // Another transaction committed between the read and the update.
    if (row === undefined) throw conflict();
    await record({
      action: 'notebook.updated',
      resource: 'notebook',
      resourceId: id,
      workspaceId: workspace.id,
      data: {
        version: row.version,
        ...(patch.title === undefined ? {} : { title: patch.title }),
        ...(patch.cells === undefined ? {} : { cells: patch.cells.length }),
      },
    });
  });
  return reread(ctx.db, workspace, id);
}

/** Copies a notebook with its cells and their output refs (the copy shows the same results). */
export async function duplicateNotebook(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
  title: string | undefined,
): Promise<NotebookView> {
  const source = await getNotebook(ctx.db, workspace, id);
  const copyTitle = title ?? `${source.title.slice(0, 193)} (copy)`;
  return createNotebook(ctx, workspace, { title: copyTitle, cells: source.cells });
}

export async function deleteNotebook(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
): Promise<void> {
  await writeTransaction(ctx, async (trx, record) => {
    if (!(await deleteNotebookRow(trx, workspace.id, id))) {
      throw ProblemError.notFound(`notebook "${id}"`);
    }
    await record({
      action: 'notebook.deleted',
      resource: 'notebook',
      resourceId: id,
      workspaceId: workspace.id,
    });
  });
}
