import { SvelteSet } from 'svelte/reactivity';
import { ApiProblem, messageOf } from '../api/problem.ts';
import { DebouncedCall } from '../debounced-call.ts';
import {
  addChild,
  emptyDraft,
  fromExpression,
  newCondition,
  NodeIds,
  placeFieldErrors,
  removeNode,
  toExpression,
  updateNode,
  type ConditionType,
  type DraftCondition,
  type DraftGroup,
  type DraftNode,
  type Expression,
  type Translation,
  withRootGroup,
} from './expression.ts';

/** What the live preview shows: how many customers match and a few of them. */
export interface PreviewResult<M> {
  readonly count: number;
  readonly sample: readonly M[];
}

export interface SegmentEditorOptions<M> {
  /** The draft to start from (a cell's saved config), else an empty "all of" group. */
  readonly initial?: DraftGroup | undefined;
  /** Counts the expression (the API's preview); aborts when `signal` does. */
  readonly preview: (expression: Expression, signal: AbortSignal) => Promise<PreviewResult<M>>;
  /** Every edit, to store the draft with the notebook. */
  readonly onChange?: (root: DraftGroup) => void;
  readonly previewDelayMs?: number;
}

/**
 * A segment expression being edited, with its live count: each edit translates the draft
 * (`toExpression`) and, once it is complete, asks for a debounced preview. Problems appear
 * on the row that caused them, whether found here (an empty value) or by the API (a 422
 * naming `expression.all.1.value`); others show for the whole expression.
 */
export class SegmentEditor<M> {
  root: DraftGroup;
  readonly translation: Translation;
  preview = $state.raw<PreviewResult<M> | null>(null);
  previewing = $state(false);
  /** Problems the API found, by draft node id. */
  serverProblems = $state.raw<Record<string, string>>({});
  /** A failed preview that names no row. */
  problem = $state<string | null>(null);
  /** Conditions just added and not yet edited or left: what they lack is not an error yet. */
  readonly untouched = new SvelteSet<string>();

  #ids: NodeIds;
  readonly #onChange: ((root: DraftGroup) => void) | undefined;
  readonly #previewCall: DebouncedCall<Expression, PreviewResult<M>>;

  constructor(options: SegmentEditorOptions<M>) {
    // One id source for the root and every node added later, so ids never repeat.
    this.#ids = new NodeIds(options.initial);
    this.root = $state.raw(options.initial ?? emptyDraft(this.#ids));
    this.translation = $derived(toExpression(this.root));
    this.#onChange = options.onChange;
    this.#previewCall = new DebouncedCall({
      run: options.preview,
      delayMs: options.previewDelayMs ?? 400,
      onStart: () => (this.previewing = true),
      onResult: (result) => {
        this.previewing = false;
        this.preview = result;
      },
      onError: (error) => {
        this.previewing = false;
        this.preview = null;
        this.#showProblem(error);
      },
    });
  }

  /** The API expression when the draft is complete, else undefined. */
  get expression(): Expression | undefined {
    return this.translation.ok ? this.translation.expression : undefined;
  }

  /**
   * The problem to show on a row: the local one first (once the row was edited or left),
   * then the API's.
   */
  problemOf(nodeId: string): string | undefined {
    if (!this.translation.ok && !this.untouched.has(nodeId)) {
      const local = this.translation.problems.find((p) => p.nodeId === nodeId);
      if (local !== undefined) return local.message;
    }
    return this.serverProblems[nodeId];
  }

  /** Asks for a new count (after an edit, or to recount after the data changed). */
  refresh(): void {
    this.serverProblems = {};
    this.problem = null;
    const expression = this.expression;
    if (expression === undefined) {
      this.#previewCall.cancel();
      this.previewing = false;
      this.preview = null;
      return;
    }
    this.#previewCall.request(expression);
  }

  /** Replaces the whole draft (a saved segment was opened). */
  load(expression: Expression): void {
    this.#ids = new NodeIds();
    this.untouched.clear();
    this.#set(fromExpression(withRootGroup(expression), this.#ids));
  }

  addCondition(groupId: string, type: ConditionType): string {
    const id = this.#ids.next();
    this.#set(
      addChild(this.root, groupId, {
        id,
        kind: 'condition',
        negated: false,
        condition: newCondition(type),
      }),
    );
    this.untouched.add(id);
    return id;
  }

  addGroup(groupId: string): string {
    const id = this.#ids.next();
    const mode = 'any';
    this.#set(
      addChild(this.root, groupId, { id, kind: 'group', mode, negated: false, children: [] }),
    );
    return id;
  }

  remove(nodeId: string): void {
    this.#set(removeNode(this.root, nodeId));
  }

  setMode(groupId: string, mode: 'all' | 'any'): void {
    this.#set(updateNode(this.root, groupId, (n) => (n.kind === 'group' ? { ...n, mode } : n)));
  }

  /** The user edited or left a condition: from now on what it lacks shows on it. */
  touch(nodeId: string): void {
    this.untouched.delete(nodeId);
  }

  setNegated(nodeId: string, negated: boolean): void {
    this.touch(nodeId);
    this.#set(updateNode(this.root, nodeId, (n) => ({ ...n, negated })));
  }

  setCondition(nodeId: string, condition: DraftCondition): void {
    this.touch(nodeId);
    this.#set(
      updateNode(this.root, nodeId, (n) => (n.kind === 'condition' ? { ...n, condition } : n)),
    );
  }

  dispose(): void {
    this.#previewCall.cancel();
  }

  #set(root: DraftNode): void {
    // Every edit keeps the top group a group (only its children come and go).
    if (root === this.root || root.kind !== 'group') return;
    this.root = root;
    this.#onChange?.(root);
    this.refresh();
  }

  #showProblem(error: unknown): void {
    if (!(error instanceof ApiProblem) || (error.problem.errors ?? []).length === 0) {
      this.problem = messageOf(error);
      return;
    }
    const placed = placeFieldErrors(this.root, error.problem.errors ?? []);
    this.serverProblems = placed.byNode;
    this.problem = [error.problem.detail, ...placed.unplaced].join('\n');
  }
}
