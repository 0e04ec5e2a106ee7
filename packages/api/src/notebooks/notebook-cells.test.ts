import { describe, expect, it } from 'vitest';
import { ProblemError } from '../http/problem.ts';
import { checkNotebookCells, findCycle, operatorChangeProblems } from './notebook-cells.ts';
import type { NotebookCell } from './notebook.schema.ts';

const cell = (
  id: string,
  type: NotebookCell['type'],
  inputs: string[] = [],
  config = {},
): NotebookCell => ({
  id,
  type,
  title: '',
  collapsed: false,
  inputs,
  config,
  output: null,
  status: 'idle',
  error: null,
});

function problemsOf(cells: NotebookCell[]): { path: string; message: string }[] {
  try {
    checkNotebookCells(cells);
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemError);
    return [...(error as ProblemError).errors];
  }
  return [];
}

describe('notebook cell checks', () => {
  it('accepts a chain of inputs', () => {
    expect(
      problemsOf([cell('a', 'cluster'), cell('b', 'profiles', ['a']), cell('c', 'review', ['b'])]),
    ).toEqual([]);
  });

  it('names duplicate ids, self inputs and unknown inputs by path', () => {
    expect(problemsOf([cell('a', 'data'), cell('a', 'markdown', ['a', 'zz'])])).toEqual([
      { path: 'cells.1.id', message: 'duplicate of cells.0.id' },
      { path: 'cells.1.inputs.0', message: 'a cell cannot read itself' },
      { path: 'cells.1.inputs.1', message: 'no cell "zz" in this notebook' },
    ]);
  });

  it('refuses a cycle and names it', () => {
    const cells = [
      cell('a', 'cluster', ['c']),
      cell('b', 'profiles', ['a']),
      cell('c', 'review', ['b']),
    ];
    expect(findCycle(cells)).toEqual(['a', 'c', 'b']);
    expect(problemsOf(cells)).toEqual([
      { path: 'cells', message: 'the inputs form a cycle: a → c → b → a' },
    ]);
  });

  it('limits the size of one config', () => {
    const problems = problemsOf([cell('a', 'markdown', [], { text: 'x'.repeat(70_000) })]);
    expect(problems[0]?.path).toBe('cells.0.config');
  });
});

describe('what an operator may change', () => {
  const before = [
    cell('m', 'markdown'),
    cell('r', 'review', [], { tag: 'a' }),
    cell('k', 'cluster'),
  ];

  it('allows changing, adding and removing review cells', () => {
    expect(
      operatorChangeProblems(before, [
        cell('m', 'markdown'),
        cell('k', 'cluster'),
        cell('r2', 'review'),
      ]),
    ).toEqual([]);
    expect(
      operatorChangeProblems(before, [
        cell('m', 'markdown'),
        cell('r', 'review', [], { tag: 'b' }),
        cell('k', 'cluster'),
      ]),
    ).toEqual([]);
  });

  it('lists changes to other cells, ignoring key order', () => {
    const reordered = { ...cell('m', 'markdown') };
    const sameButKeysShuffled = Object.fromEntries(
      Object.entries(reordered).reverse(),
    ) as NotebookCell;
    expect(operatorChangeProblems(before, [sameButKeysShuffled, cell('k', 'cluster')])).toEqual([]);
    expect(
      operatorChangeProblems(before, [{ ...cell('m', 'markdown'), title: 'x' }, cell('d', 'data')]),
    ).toEqual([
      'cell "m" (markdown) was changed',
      'cell "k" (cluster) was removed',
      'cell "d" (data) was added',
    ]);
    expect(operatorChangeProblems(before, [cell('k', 'cluster'), cell('m', 'markdown')])).toEqual([
      'cells other than review cells were reordered',
    ]);
  });
});
