import { NotebookError, type Cell, type CellType } from './cell.ts';
import { cellKind } from './cell-registry.ts';
import { DependencyGraph } from './dependency-graph.ts';

/** What a finished cell changed downstream. */
export interface Propagation {
  /** Cells recomputed from their inputs at once (their type derives its output). */
  readonly derived: string[];
  /** Cells whose results no longer match their inputs until they run again. */
  readonly stale: string[];
}

/** Key-order-independent identity of an output's refs, e.g. `runId=4f1a`. */
export function refsSignature(refs: Readonly<Record<string, string>>): string {
  return Object.keys(refs)
    .sort()
    .map((key) => `${key}=${refs[key]}`)
    .join('&');
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/**
 * A notebook's cells and the rules between them, as plain data (the Svelte state class
 * wraps it). Outputs are references (run/model/job ids), never the results themselves, so
 * a reopened notebook fetches what it showed. A cell is stale when an input's output is no
 * longer the one its result was computed from, or when an input is itself stale, running,
 * failed or empty; cells whose type derives its output from its inputs follow at once.
 */
export class NotebookModel {
  #cells: Cell[];
  #graph: DependencyGraph;
  readonly #now: () => Date;

  constructor(cells: readonly Cell[], now: () => Date = () => new Date()) {
    this.#cells = clone([...cells]);
    this.#graph = new DependencyGraph(this.#cells);
    this.#now = now;
    this.#refreshStatuses();
  }

  /** The cells as the API stores them (a copy). */
  toJSON(): Cell[] {
    return clone(this.#cells);
  }

  get cells(): readonly Cell[] {
    return this.#cells;
  }

  get graph(): DependencyGraph {
    return this.#graph;
  }

  cell(id: string): Cell {
    const cell = this.#cells.find((c) => c.id === id);
    if (cell === undefined) throw new NotebookError(`no cell "${id}"`);
    return cell;
  }

  #nextId(type: CellType): string {
    const used = new Set(this.#cells.map((c) => c.id));
    for (let n = 1; ; n++) {
      const id = `${type}-${n}`;
      if (!used.has(id)) return id;
    }
  }

  /** Adds a cell of `type` after `after` (default: at the end) and returns it. */
  add(
    type: CellType,
    options: {
      after?: string;
      inputs?: string[];
      config?: Record<string, unknown>;
      title?: string;
    } = {},
  ): Cell {
    const kind = cellKind(type);
    const cell: Cell = {
      id: this.#nextId(type),
      type,
      title: options.title ?? kind.defaultTitle,
      collapsed: false,
      inputs: [],
      config: options.config ?? kind.defaultConfig(),
      output: null,
      status: 'idle',
      error: null,
    };
    const index =
      options.after === undefined ? this.#cells.length : this.#indexOf(options.after) + 1;
    this.#cells.splice(index, 0, cell);
    this.#graph = new DependencyGraph(this.#cells);
    if (options.inputs !== undefined && options.inputs.length > 0) {
      this.setInputs(cell.id, options.inputs);
    }
    return this.cell(cell.id);
  }

  #indexOf(id: string): number {
    const index = this.#cells.findIndex((c) => c.id === id);
    if (index < 0) throw new NotebookError(`no cell "${id}"`);
    return index;
  }

  /** Removes a cell; cells that read it lose that input and turn stale. */
  remove(id: string): void {
    this.#cells.splice(this.#indexOf(id), 1);
    for (const cell of this.#cells) {
      if (cell.inputs.includes(id)) cell.inputs = cell.inputs.filter((input) => input !== id);
    }
    this.#graph = new DependencyGraph(this.#cells);
    this.#refreshStatuses();
  }

  /** Moves a cell one place up (-1) or down (+1); false at either end. */
  move(id: string, delta: -1 | 1): boolean {
    const from = this.#indexOf(id);
    const to = from + delta;
    if (to < 0 || to >= this.#cells.length) return false;
    const [cell] = this.#cells.splice(from, 1);
    this.#cells.splice(to, 0, cell!);
    this.#graph = new DependencyGraph(this.#cells);
    return true;
  }

  setCollapsed(id: string, collapsed: boolean): void {
    this.cell(id).collapsed = collapsed;
  }

  setTitle(id: string, title: string): void {
    this.cell(id).title = title.slice(0, 200);
  }

  /** Replaces a cell's settings (its result stays until it runs again). */
  setConfig(id: string, config: Record<string, unknown>): void {
    this.cell(id).config = clone(config);
  }

  /**
   * Lets a cell read other cells. Refuses unknown cells, types its kind cannot read, too
   * many inputs and anything that would close a cycle.
   */
  setInputs(id: string, inputs: readonly string[]): void {
    const cell = this.cell(id);
    const kind = cellKind(cell.type);
    if (inputs.length > kind.maxInputs) {
      throw new NotebookError(`a ${kind.label} cell reads at most ${kind.maxInputs} cell(s)`);
    }
    for (const input of inputs) {
      const source = this.#cells.find((c) => c.id === input);
      if (source === undefined) throw new NotebookError(`no cell "${input}"`);
      if (!kind.inputTypes.includes(source.type)) {
        throw new NotebookError(
          `a ${kind.label} cell cannot read a ${cellKind(source.type).label} cell`,
        );
      }
    }
    if (this.#graph.wouldCycle(id, inputs)) {
      throw new NotebookError(`"${id}" cannot read ${inputs.join(', ')}: that would be a cycle`);
    }
    cell.inputs = [...inputs];
    this.#graph = new DependencyGraph(this.#cells);
    this.#deriveAndRefresh([id, ...this.#graph.downstreamOf(id)]);
  }

  /** The identity of a cell's usable output, or `null` (none yet, running or failed). */
  signature(id: string): string | null {
    const cell = this.cell(id);
    if (cell.output === null || (cell.status !== 'done' && cell.status !== 'stale')) return null;
    return refsSignature(cell.output.refs);
  }

  #basedOn(cell: Cell): Record<string, string> {
    const basedOn: Record<string, string> = {};
    for (const input of cell.inputs) basedOn[input] = this.signature(input) ?? '';
    return basedOn;
  }

  /** Marks a cell as running (e.g. `{jobId}`): its old result is gone, its readers go stale. */
  start(id: string, refs: Record<string, string>): void {
    const cell = this.cell(id);
    cell.output = {
      refs: { ...refs },
      basedOn: this.#basedOn(cell),
      producedAt: this.#now().toISOString(),
    };
    cell.status = 'running';
    cell.error = null;
    this.#refreshStatuses();
  }

  /** Records a cell's new result; derived readers follow, the others turn stale. */
  finish(id: string, refs: Record<string, string>): Propagation {
    const cell = this.cell(id);
    cell.output = {
      refs: { ...refs },
      basedOn: this.#basedOn(cell),
      producedAt: this.#now().toISOString(),
    };
    cell.status = 'done';
    cell.error = null;
    return this.#deriveAndRefresh(this.#graph.downstreamOf(id));
  }

  /** Records a failure (the readable problem detail); the refs of the attempt are kept. */
  fail(id: string, message: string): void {
    const cell = this.cell(id);
    cell.status = 'error';
    cell.error = message.slice(0, 4000);
    this.#refreshStatuses();
  }

  /** Forgets a cell's result. */
  clear(id: string): void {
    const cell = this.cell(id);
    cell.output = null;
    cell.status = 'idle';
    cell.error = null;
    this.#refreshStatuses();
  }

  /** True when every input a cell needs has a current result. */
  inputsReady(id: string): boolean {
    const cell = this.cell(id);
    if (cell.inputs.length < cellKind(cell.type).requiredInputs) return false;
    return cell.inputs.every((input) => this.cell(input).status === 'done');
  }

  #deriveAndRefresh(candidates: readonly string[]): Propagation {
    const derived: string[] = [];
    for (const id of candidates) {
      const cell = this.cell(id);
      const kind = cellKind(cell.type);
      if (kind.derive === undefined || cell.status === 'running' || !this.inputsReady(id)) continue;
      const refs = kind.derive(cell.inputs.map((input) => this.cell(input)));
      if (refs === null) continue;
      const basedOn = this.#basedOn(cell);
      const unchanged =
        cell.output !== null &&
        cell.status === 'done' &&
        refsSignature(cell.output.refs) === refsSignature(refs) &&
        refsSignature(cell.output.basedOn) === refsSignature(basedOn);
      if (unchanged) continue;
      cell.output = { refs, basedOn, producedAt: this.#now().toISOString() };
      cell.status = 'done';
      cell.error = null;
      derived.push(id);
    }
    const before = new Map(this.#cells.map((c) => [c.id, c.status]));
    this.#refreshStatuses();
    const stale = this.#cells
      .filter((c) => c.status === 'stale' && before.get(c.id) !== 'stale')
      .map((c) => c.id);
    return { derived, stale };
  }

  /** Recomputes done/stale/idle in dependency order (running and error are kept). */
  #refreshStatuses(): void {
    for (const id of this.#graph.order) {
      const cell = this.cell(id);
      if (cell.status === 'running' || cell.status === 'error') continue;
      if (cell.output === null) {
        cell.status = 'idle';
        continue;
      }
      const basedOn = cell.output.basedOn;
      const consistent =
        Object.keys(basedOn).length === cell.inputs.length &&
        cell.inputs.every(
          (input) => this.cell(input).status === 'done' && basedOn[input] === this.signature(input),
        );
      cell.status = consistent ? 'done' : 'stale';
    }
  }
}
