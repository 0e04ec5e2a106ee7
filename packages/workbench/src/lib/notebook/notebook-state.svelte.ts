import { getContext, setContext } from 'svelte';
import { unwrap, type ApiClient, type components } from '../api/client.ts';
import { ApiProblem, messageOf } from '../api/problem.ts';
import { Autosaver, SaveConflict, type SaveState } from './autosave.ts';
import type { Cell, CellType } from './cell.ts';
import { NotebookModel, type Propagation } from './notebook-model.ts';

export type NotebookView = components['schemas']['Notebook'];

/** Transient progress of a running cell (not stored: the job holds it). */
export interface CellProgress {
  readonly fraction: number;
  readonly message: string | null;
}

/**
 * One open notebook: its cells (through `NotebookModel`), autosave with optimistic
 * concurrency, and the progress of running cells. Components call its methods and read its
 * fields; nothing else changes the notebook.
 */
export class NotebookState {
  readonly id: string;
  readonly workspace: string;
  title = $state('');
  cells = $state.raw<readonly Cell[]>([]);
  version = $state(1);
  updatedBy = $state<string | null>(null);
  updatedAt = $state('');
  saveState = $state<SaveState>({ kind: 'saved' });
  progress = $state<Record<string, CellProgress>>({});
  /** A change the notebook refused (a cycle, a wrong input), shown until the next change. */
  refusal = $state<string | null>(null);

  #model: NotebookModel;
  readonly #api: ApiClient;
  readonly #autosaver: Autosaver;

  constructor(
    view: NotebookView,
    workspace: string,
    api: ApiClient,
    options: { delayMs?: number } = {},
  ) {
    this.id = view.id;
    this.workspace = workspace;
    this.#api = api;
    this.#model = new NotebookModel(view.cells);
    this.#apply(view);
    this.#autosaver = new Autosaver({
      save: () => this.#save(),
      onState: (state) => (this.saveState = state),
      describe: messageOf,
      ...(options.delayMs === undefined ? {} : { delayMs: options.delayMs }),
    });
  }

  #apply(view: NotebookView): void {
    this.#model = new NotebookModel(view.cells);
    this.title = view.title;
    this.version = view.version;
    this.updatedBy = view.updatedBy;
    this.updatedAt = view.updatedAt;
    this.cells = this.#model.toJSON();
  }

  async #save(): Promise<void> {
    const body = { version: this.version, title: this.title, cells: this.#model.toJSON() };
    try {
      const saved = await unwrap(
        this.#api.PATCH('/v1/workspaces/{workspace}/notebooks/{notebookId}', {
          params: { path: { workspace: this.workspace, notebookId: this.id } },
          body,
        }),
      );
      this.version = saved.version;
      this.updatedBy = saved.updatedBy;
      this.updatedAt = saved.updatedAt;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409)
        throw new SaveConflict(error.readable);
      throw error;
    }
  }

  /** Runs a change on the model, publishes the new cells and schedules a save. */
  #change<T>(work: (model: NotebookModel) => T): T | undefined {
    try {
      const result = work(this.#model);
      this.refusal = null;
      this.cells = this.#model.toJSON();
      this.#autosaver.changed();
      return result;
    } catch (error) {
      this.refusal = messageOf(error);
      return undefined;
    }
  }

  cell(id: string): Cell | undefined {
    return this.cells.find((c) => c.id === id);
  }

  /** True when every input the cell needs has a current result. */
  inputsReady(id: string): boolean {
    return this.#model.inputsReady(id);
  }

  rename(title: string): void {
    const trimmed = title.trim();
    if (trimmed === '' || trimmed === this.title) return;
    this.title = trimmed.slice(0, 200);
    this.#autosaver.changed();
  }

  add(type: CellType, options: { after?: string; inputs?: string[] } = {}): Cell | undefined {
    return this.#change((model) => model.add(type, options));
  }

  remove(id: string): void {
    this.#change((model) => model.remove(id));
  }

  move(id: string, delta: -1 | 1): boolean {
    return this.#change((model) => model.move(id, delta)) ?? false;
  }

  setCollapsed(id: string, collapsed: boolean): void {
    this.#change((model) => model.setCollapsed(id, collapsed));
  }

  setTitle(id: string, title: string): void {
    this.#change((model) => model.setTitle(id, title));
  }

  setConfig(id: string, config: Record<string, unknown>): void {
    this.#change((model) => model.setConfig(id, config));
  }

  setInputs(id: string, inputs: string[]): void {
    this.#change((model) => model.setInputs(id, inputs));
  }

  start(id: string, refs: Record<string, string>): void {
    this.progress = { ...this.progress, [id]: { fraction: 0, message: null } };
    this.#change((model) => model.start(id, refs));
  }

  reportProgress(id: string, fraction: number, message: string | null): void {
    this.progress = { ...this.progress, [id]: { fraction, message } };
  }

  finish(id: string, refs: Record<string, string>): Propagation | undefined {
    this.#clearProgress(id);
    return this.#change((model) => model.finish(id, refs));
  }

  fail(id: string, error: unknown): void {
    this.#clearProgress(id);
    this.#change((model) => model.fail(id, messageOf(error)));
  }

  clear(id: string): void {
    this.#change((model) => model.clear(id));
  }

  #clearProgress(id: string): void {
    if (!(id in this.progress)) return;
    const rest = { ...this.progress };
    delete rest[id];
    this.progress = rest;
  }

  /** Saves pending changes now (before leaving the page). */
  flush(): Promise<void> {
    return this.#autosaver.flush();
  }

  get hasUnsavedChanges(): boolean {
    return this.#autosaver.dirty;
  }

  /** After a conflict: drop local changes and show the stored notebook. */
  async reloadStored(): Promise<void> {
    const view = await this.#fetch();
    this.#autosaver.discard();
    this.#apply(view);
  }

  /** After a conflict: keep local changes, written over the stored version. */
  async overwriteStored(): Promise<void> {
    const view = await this.#fetch();
    this.version = view.version;
    await this.#autosaver.resume();
  }

  #fetch(): Promise<NotebookView> {
    return unwrap(
      this.#api.GET('/v1/workspaces/{workspace}/notebooks/{notebookId}', {
        params: { path: { workspace: this.workspace, notebookId: this.id } },
      }),
    );
  }

  dispose(): void {
    this.#autosaver.dispose();
  }
}

const NOTEBOOK = Symbol('notebook');

export function setNotebook(notebook: NotebookState): NotebookState {
  return setContext(NOTEBOOK, notebook);
}

export function getNotebook(): NotebookState {
  const notebook = getContext<NotebookState | undefined>(NOTEBOOK);
  if (notebook === undefined) throw new Error('getNotebook() outside a notebook page');
  return notebook;
}
