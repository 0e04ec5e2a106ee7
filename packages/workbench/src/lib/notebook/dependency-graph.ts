import { NotebookError } from './cell.ts';

/**
 * Which cell reads which: edges from each cell to the cells it takes as inputs. Immutable;
 * build a new one after a change. Cycles are refused at construction.
 *
 * @example
 * const graph = new DependencyGraph([{ id: 'k', inputs: [] }, { id: 'p', inputs: ['k'] }]);
 * graph.downstreamOf('k'); // ['p']
 */
export class DependencyGraph {
  readonly #inputs = new Map<string, readonly string[]>();
  readonly #dependents = new Map<string, string[]>();
  readonly #order: string[];

  constructor(cells: readonly { readonly id: string; readonly inputs: readonly string[] }[]) {
    for (const cell of cells) {
      if (this.#inputs.has(cell.id)) throw new NotebookError(`two cells have the id "${cell.id}"`);
      this.#inputs.set(cell.id, cell.inputs);
      this.#dependents.set(cell.id, []);
    }
    for (const cell of cells) {
      for (const input of cell.inputs) {
        const dependents = this.#dependents.get(input);
        if (dependents === undefined) {
          throw new NotebookError(
            `cell "${cell.id}" reads "${input}", which is not in the notebook`,
          );
        }
        dependents.push(cell.id);
      }
    }
    this.#order = this.#topologicalOrder(cells.map((c) => c.id));
  }

  /** Kahn's algorithm in notebook order; a leftover cell means a cycle. */
  #topologicalOrder(ids: readonly string[]): string[] {
    const remaining = new Map(ids.map((id) => [id, this.#inputs.get(id)!.length]));
    const order: string[] = [];
    let progressed = true;
    while (progressed) {
      progressed = false;
      for (const id of ids) {
        if (remaining.get(id) !== 0) continue;
        remaining.delete(id);
        order.push(id);
        progressed = true;
        for (const dependent of this.#dependents.get(id)!) {
          remaining.set(dependent, remaining.get(dependent)! - 1);
        }
      }
    }
    if (order.length < ids.length) {
      const stuck = ids.filter((id) => remaining.has(id));
      throw new NotebookError(
        `the cells ${stuck.map((id) => `"${id}"`).join(', ')} read each other in a cycle`,
      );
    }
    return order;
  }

  /** Every cell, inputs before the cells that read them (ties in notebook order). */
  get order(): readonly string[] {
    return this.#order;
  }

  inputsOf(id: string): readonly string[] {
    return this.#inputs.get(id) ?? [];
  }

  dependentsOf(id: string): readonly string[] {
    return this.#dependents.get(id) ?? [];
  }

  /** Every cell that reads `id` directly or through others, in topological order. */
  downstreamOf(id: string): string[] {
    const reached = new Set<string>();
    const visit = (from: string) => {
      for (const dependent of this.dependentsOf(from)) {
        if (!reached.has(dependent)) {
          reached.add(dependent);
          visit(dependent);
        }
      }
    };
    visit(id);
    return this.#order.filter((cell) => reached.has(cell));
  }

  /** True when letting `id` read `inputs` would close a cycle (or read itself). */
  wouldCycle(id: string, inputs: readonly string[]): boolean {
    const downstream = new Set(this.downstreamOf(id));
    return inputs.some((input) => input === id || downstream.has(input));
  }
}
