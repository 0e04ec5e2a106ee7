import type { ProblemFieldError } from '../http/problem.ts';
import { ProblemError } from '../http/problem.ts';
import { NOTEBOOK_LIMITS, type NotebookCell } from './notebook.schema.ts';

/**
 * Checks what the schema cannot: distinct cell ids, inputs that name other cells of the
 * notebook, no dependency cycle, and the size limits. Every problem is listed (422).
 */
export function checkNotebookCells(cells: readonly NotebookCell[], path = 'cells'): void {
  const errors: ProblemFieldError[] = [];
  const indexOf = new Map<string, number>();
  cells.forEach((cell, index) => {
    const first = indexOf.get(cell.id);
    if (first === undefined) indexOf.set(cell.id, index);
    else errors.push({ path: `${path}.${index}.id`, message: `duplicate of ${path}.${first}.id` });
    const configBytes = Buffer.byteLength(JSON.stringify(cell.config), 'utf8');
    if (configBytes > NOTEBOOK_LIMITS.configBytes) {
      errors.push({
        path: `${path}.${index}.config`,
        message: `at most ${NOTEBOOK_LIMITS.configBytes} bytes of JSON (got ${configBytes})`,
      });
    }
  });
  cells.forEach((cell, index) => {
    cell.inputs.forEach((input, inputIndex) => {
      if (input === cell.id) {
        errors.push({
          path: `${path}.${index}.inputs.${inputIndex}`,
          message: 'a cell cannot read itself',
        });
      } else if (!indexOf.has(input)) {
        errors.push({
          path: `${path}.${index}.inputs.${inputIndex}`,
          message: `no cell "${input}" in this notebook`,
        });
      }
    });
  });
  if (errors.length === 0) {
    const cycle = findCycle(cells);
    if (cycle !== undefined) {
      errors.push({
        path,
        message: `the inputs form a cycle: ${[...cycle, cycle[0]].join(' → ')}`,
      });
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(cells), 'utf8');
  if (bytes > NOTEBOOK_LIMITS.cellsBytes) {
    errors.push({
      path,
      message: `at most ${NOTEBOOK_LIMITS.cellsBytes} bytes of JSON (got ${bytes})`,
    });
  }
  if (errors.length > 0) {
    throw ProblemError.validation('the notebook cells are invalid', errors);
  }
}

/** The ids along one dependency cycle, or `undefined` (depth-first search, colouring). */
export function findCycle(cells: readonly NotebookCell[]): string[] | undefined {
  const inputsOf = new Map(cells.map((cell) => [cell.id, cell.inputs]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const seen = state.get(id);
    if (seen === 'done') return undefined;
    if (seen === 'visiting') return stack.slice(stack.indexOf(id));
    state.set(id, 'visiting');
    stack.push(id);
    for (const input of inputsOf.get(id) ?? []) {
      const cycle = visit(input);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const cell of cells) {
    const cycle = visit(cell.id);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

/** Key-order-independent JSON, so equal cells compare equal whatever order the client sent. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What an operator may change: review cells only. Every other cell must stay as it was, in
 * the same relative order; review cells may be added, changed or removed.
 */
export function operatorChangeProblems(
  before: readonly NotebookCell[],
  after: readonly NotebookCell[],
): string[] {
  const problems: string[] = [];
  const others = (cells: readonly NotebookCell[]) => cells.filter((c) => c.type !== 'review');
  const beforeOthers = others(before);
  const afterOthers = others(after);
  const afterById = new Map(afterOthers.map((cell) => [cell.id, cell]));
  for (const cell of beforeOthers) {
    const now = afterById.get(cell.id);
    if (now === undefined) problems.push(`cell "${cell.id}" (${cell.type}) was removed`);
    else if (canonical(now) !== canonical(cell)) {
      problems.push(`cell "${cell.id}" (${cell.type}) was changed`);
    }
  }
  const beforeIds = new Set(beforeOthers.map((cell) => cell.id));
  for (const cell of afterOthers) {
    if (!beforeIds.has(cell.id)) problems.push(`cell "${cell.id}" (${cell.type}) was added`);
  }
  if (
    problems.length === 0 &&
    beforeOthers.map((c) => c.id).join('\n') !== afterOthers.map((c) => c.id).join('\n')
  ) {
    problems.push('cells other than review cells were reordered');
  }
  return problems;
}
