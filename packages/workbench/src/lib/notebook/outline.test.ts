import { describe, expect, it } from 'vitest';
import type { Cell } from './cell.ts';
import { cellOutline } from './outline.ts';

function cell(id: string, type: Cell['type'], title = ''): Cell {
  return {
    id,
    type,
    title,
    collapsed: false,
    inputs: [],
    config: {},
    output: null,
    status: 'idle',
    error: null,
  };
}

describe('the notebook outline', () => {
  it('numbers the cells, names them by title or kind, and links a review cell to its queue', () => {
    expect(
      cellOutline([
        cell('a1', 'data'),
        cell('b2', 'cluster', ' RFM groups '),
        cell('c3', 'review'),
      ]),
    ).toEqual([
      { cellId: 'a1', anchor: 'cell-a1', label: '1. Data' },
      { cellId: 'b2', anchor: 'cell-b2', label: '2. RFM groups' },
      { cellId: 'c3', anchor: 'cell-c3', label: '3. Review', queueAnchor: 'queue-c3' },
    ]);
    expect(cellOutline([])).toEqual([]);
  });
});
