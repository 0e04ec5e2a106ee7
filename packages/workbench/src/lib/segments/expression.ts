/**
 * A segment's boolean expression as the analyst edits it, and its translation to the API's
 * form. The draft keeps what was typed (numbers as text, half-filled conditions) so nothing
 * is lost while editing; `toExpression` says which rows are not complete yet. As in the API,
 * an empty "all of" group matches everyone and an empty "any of" group no one.
 */

export const COMPARISONS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Comparison = (typeof COMPARISONS)[number];
export const EQUALITIES = ['==', '!='] as const;
export type Equality = (typeof EQUALITIES)[number];

/** The API's segment expression. */
export type Expression =
  | { all: Expression[] }
  | { any: Expression[] }
  | { not: Expression }
  | { tag: string }
  | { churn: 'probability'; op: Comparison; value: number }
  | { churn: 'riskBand'; op: Equality; value: string }
  | { feature: string; op: Comparison; value: number | string };

/** What a condition tests, with values as typed. */
export type DraftCondition =
  | { readonly type: 'tag'; readonly tag: string }
  | { readonly type: 'churn-probability'; readonly op: Comparison; readonly value: string }
  | { readonly type: 'churn-band'; readonly op: Equality; readonly value: string }
  | {
      readonly type: 'feature';
      readonly feature: string;
      readonly op: Comparison;
      readonly value: string;
      /** Numeric features compare numbers; text attributes compare text (== and != only). */
      readonly valueKind: 'number' | 'text';
    };
export type ConditionType = DraftCondition['type'];

export interface DraftGroup {
  readonly id: string;
  readonly kind: 'group';
  readonly mode: 'all' | 'any';
  readonly negated: boolean;
  readonly children: readonly DraftNode[];
}

export interface DraftConditionNode {
  readonly id: string;
  readonly kind: 'condition';
  readonly negated: boolean;
  readonly condition: DraftCondition;
}

export type DraftNode = DraftGroup | DraftConditionNode;

/** A row of the draft that cannot be sent yet, and why. */
export interface DraftProblem {
  readonly nodeId: string;
  readonly message: string;
}

export type Translation =
  | { readonly ok: true; readonly expression: Expression }
  | { readonly ok: false; readonly problems: readonly DraftProblem[] };

/** Hands out node ids that do not clash with the ids of an existing draft. */
export class NodeIds {
  #next: number;

  constructor(existing?: DraftNode) {
    let max = 0;
    if (existing !== undefined) {
      for (const node of walk(existing)) {
        const n = Number(node.id.replace(/^n/, ''));
        if (Number.isInteger(n)) max = Math.max(max, n);
      }
    }
    this.#next = max + 1;
  }

  next(): string {
    return `n${this.#next++}`;
  }
}

/** Every node of the draft, depth first, the root first. */
export function* walk(node: DraftNode): Generator<DraftNode> {
  yield node;
  if (node.kind === 'group') for (const child of node.children) yield* walk(child);
}

/** An empty "all of" group (everyone), the start of every new segment. */
export function emptyDraft(ids: NodeIds): DraftGroup {
  return { id: ids.next(), kind: 'group', mode: 'all', negated: false, children: [] };
}

/** A new condition of `type` with its defaults (the first option of each choice). */
export function newCondition(type: ConditionType): DraftCondition {
  switch (type) {
    case 'tag':
      return { type, tag: '' };
    case 'churn-probability':
      return { type, op: '>=', value: '0.5' };
    case 'churn-band':
      return { type, op: '==', value: '' };
    case 'feature':
      return { type, feature: '', op: '>', value: '', valueKind: 'number' };
  }
}

function parseNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

function conditionExpression(condition: DraftCondition): Expression | string {
  switch (condition.type) {
    case 'tag':
      return condition.tag === '' ? 'choose a tag' : { tag: condition.tag };
    case 'churn-probability': {
      const value = parseNumber(condition.value);
      if (value === undefined || value < 0 || value > 1)
        return 'churn probability must be a number from 0 to 1';
      return { churn: 'probability', op: condition.op, value };
    }
    case 'churn-band':
      return condition.value === ''
        ? 'choose a risk band'
        : { churn: 'riskBand', op: condition.op, value: condition.value };
    case 'feature': {
      if (condition.feature === '') return 'choose a feature';
      if (condition.valueKind === 'text') {
        if (!(EQUALITIES as readonly string[]).includes(condition.op))
          return `${condition.feature} is text: compare it with == or !=`;
        return { feature: condition.feature, op: condition.op, value: condition.value };
      }
      const value = parseNumber(condition.value);
      if (value === undefined) return `${condition.feature} needs a number to compare with`;
      return { feature: condition.feature, op: condition.op, value };
    }
  }
}

/**
 * The API expression of a draft, or every row that is not complete yet.
 *
 * @example
 * toExpression(root); // { ok: true, expression: { all: [{ tag: 'vip' }, { not: { tag: 'lapsed' } }] } }
 */
export function toExpression(root: DraftNode): Translation {
  const problems: DraftProblem[] = [];
  const translate = (node: DraftNode): Expression | undefined => {
    let inner: Expression | undefined;
    if (node.kind === 'group') {
      const children = node.children.map(translate);
      if (children.some((c) => c === undefined)) return undefined;
      inner =
        node.mode === 'all' ? { all: children as Expression[] } : { any: children as Expression[] };
    } else {
      const translated = conditionExpression(node.condition);
      if (typeof translated === 'string') {
        problems.push({ nodeId: node.id, message: translated });
        return undefined;
      }
      inner = translated;
    }
    return node.negated ? { not: inner } : inner;
  };
  const expression = translate(root);
  return expression === undefined || problems.length > 0
    ? { ok: false, problems }
    : { ok: true, expression };
}

/** The draft of a stored expression (a saved segment, an older notebook). */
export function fromExpression(expression: Expression, ids: NodeIds): DraftNode {
  const build = (e: Expression, negated: boolean): DraftNode => {
    if ('not' in e) return build(e.not, !negated);
    if ('all' in e || 'any' in e) {
      const mode = 'all' in e ? 'all' : 'any';
      const children = 'all' in e ? e.all : e.any;
      return {
        id: ids.next(),
        kind: 'group',
        mode,
        negated,
        children: children.map((c) => build(c, false)),
      };
    }
    const condition: DraftCondition =
      'tag' in e
        ? { type: 'tag', tag: e.tag }
        : 'churn' in e
          ? e.churn === 'probability'
            ? { type: 'churn-probability', op: e.op, value: String(e.value) }
            : { type: 'churn-band', op: e.op, value: e.value }
          : {
              type: 'feature',
              feature: e.feature,
              op: e.op,
              value: String(e.value),
              valueKind: typeof e.value === 'number' ? 'number' : 'text',
            };
    return { id: ids.next(), kind: 'condition', negated, condition };
  };
  return build(expression, false);
}

/**
 * The expression with a group at the top, as the editor shows it: `{ tag: 'vip' }` becomes
 * `{ all: [{ tag: 'vip' }] }` (the same customers).
 */
export function withRootGroup(
  expression: Expression,
): { all: Expression[] } | { any: Expression[] } {
  return 'all' in expression || 'any' in expression ? expression : { all: [expression] };
}

/**
 * True when two expressions select the same customers by the same conditions, however their
 * keys are ordered and whether or not a lone condition is wrapped in a group (the API may
 * echo an expression with its keys in another order).
 */
export function sameExpression(a: Expression, b: Expression): boolean {
  const canonical = (e: Expression) => {
    const translation = toExpression(fromExpression(withRootGroup(e), new NodeIds()));
    return translation.ok ? JSON.stringify(translation.expression) : undefined;
  };
  const left = canonical(a);
  return left !== undefined && left === canonical(b);
}

/** The draft with `update` applied to the node `id` (the others are shared, not copied). */
export function updateNode(root: DraftNode, id: string, update: (node: DraftNode) => DraftNode) {
  const visit = (node: DraftNode): DraftNode => {
    if (node.id === id) return update(node);
    if (node.kind !== 'group') return node;
    const children = node.children.map(visit);
    return children.every((c, i) => c === node.children[i]) ? node : { ...node, children };
  };
  return visit(root);
}

/** Appends `child` to the group `groupId`. */
export function addChild(root: DraftNode, groupId: string, child: DraftNode): DraftNode {
  return updateNode(root, groupId, (node) =>
    node.kind === 'group' ? { ...node, children: [...node.children, child] } : node,
  );
}

/** Removes the node `id` (the root stays). */
export function removeNode(root: DraftNode, id: string): DraftNode {
  const visit = (node: DraftNode): DraftNode => {
    if (node.kind !== 'group') return node;
    const kept = node.children.filter((c) => c.id !== id);
    const children = kept.map(visit);
    return kept.length === node.children.length && children.every((c, i) => c === kept[i])
      ? node
      : { ...node, children };
  };
  return visit(root);
}

/**
 * The id of the draft node an API error path points into, e.g. `expression.all.1.not.value`
 * → the second child of the root (paths follow the expression `toExpression` sent).
 */
export function nodeAtPath(root: DraftNode, path: string): string {
  const segments = path.split('.');
  if (segments[0] === 'expression') segments.shift();
  let node: DraftNode = root;
  let negationPending = node.negated;
  for (const segment of segments) {
    if (negationPending) {
      if (segment !== 'not') break;
      negationPending = false;
    } else if (node.kind === 'group' && segment === node.mode) {
      continue;
    } else if (node.kind === 'group' && /^\d+$/.test(segment)) {
      const child: DraftNode | undefined = node.children[Number(segment)];
      if (child === undefined) break;
      node = child;
      negationPending = child.negated;
    } else {
      break;
    }
  }
  return node.id;
}

/** Field errors of an API problem, placed on the draft rows they name. */
export interface PlacedErrors {
  /** Messages by draft node id (several on one row joined by "; "). */
  readonly byNode: Readonly<Record<string, string>>;
  /** Errors about something other than the expression, as `path: message`. */
  readonly unplaced: readonly string[];
}

/**
 * Puts each error under `expression…` on the row its path names (see `nodeAtPath`); the rest
 * stay for the whole form.
 *
 * @example
 * placeFieldErrors(root, [{ path: 'expression.all.0.tag', message: 'no tag "vip"' }]);
 * // { byNode: { n2: 'no tag "vip"' }, unplaced: [] }
 */
export function placeFieldErrors(
  root: DraftNode,
  errors: readonly { readonly path: string; readonly message: string }[],
): PlacedErrors {
  const byNode: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const error of errors) {
    if (error.path !== 'expression' && !error.path.startsWith('expression.')) {
      unplaced.push(`${error.path}: ${error.message}`);
      continue;
    }
    const nodeId = nodeAtPath(root, error.path);
    byNode[nodeId] =
      byNode[nodeId] === undefined ? error.message : `${byNode[nodeId]}; ${error.message}`;
  }
  return { byNode, unplaced };
}
