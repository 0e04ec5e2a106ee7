import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { NotebookCell } from './notebook.schema.ts';

export interface NotebookTable {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  /** Ordered cells, validated by `NotebookCellsSchema` before every write. */
  cells: JSONColumnType<NotebookCell[], string, string>;
  version: Generated<number>;
  created_by: string | null;
  updated_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date | string>;
}

export type NotebookRow = Selectable<NotebookTable>;
export type NewNotebookRow = Insertable<NotebookTable>;
