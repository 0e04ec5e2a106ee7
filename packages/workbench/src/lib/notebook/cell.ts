import type { components } from '../api/schema.d.ts';

/** A notebook cell exactly as the API stores it. */
export type Cell = components['schemas']['NotebookCell'];
export type CellType = Cell['type'];
export type CellStatus = Cell['status'];
export type CellOutput = NonNullable<Cell['output']>;

/** Thrown for a change the notebook refuses (a cycle, an unknown cell). */
export class NotebookError extends Error {
  override readonly name = 'NotebookError';
}
