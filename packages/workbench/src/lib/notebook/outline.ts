import type { Cell } from './cell.ts';
import { cellKind } from './cell-registry.ts';

/** One line of a notebook's outline: a link to a cell, and to its review queue if it has one. */
export interface OutlineEntry {
  readonly cellId: string;
  /** The id of the cell's element (the link's `#…`). */
  readonly anchor: string;
  /** `3. Churn review`: the cell's place and title (its kind when it has no title). */
  readonly label: string;
  /** A review cell's queue (the list the keys j/k/a/r/u work in). */
  readonly queueAnchor?: string;
}

/** The element id of a cell, as `CellFrame` renders it. */
export const cellAnchor = (cellId: string) => `cell-${cellId}`;
/** The element id of a review cell's queue (the grid, or the line saying it is empty). */
export const queueAnchor = (cellId: string) => `queue-${cellId}`;

/**
 * The outline of a notebook, in cell order, for moving through it from the keyboard.
 *
 * @example cellOutline(cells)[0] // { cellId: 'a1', anchor: 'cell-a1', label: '1. Data' }
 */
export function cellOutline(cells: readonly Cell[]): OutlineEntry[] {
  return cells.map((cell, index) => {
    const label = `${index + 1}. ${cell.title.trim() || cellKind(cell.type).label}`;
    const entry = { cellId: cell.id, anchor: cellAnchor(cell.id), label };
    return cell.type === 'review' ? { ...entry, queueAnchor: queueAnchor(cell.id) } : entry;
  });
}
