import { describe, expect, it } from 'vitest';
import {
  addChild,
  emptyDraft,
  fromExpression,
  newCondition,
  NodeIds,
  nodeAtPath,
  placeFieldErrors,
  removeNode,
  sameExpression,
  toExpression,
  updateNode,
  walk,
  withRootGroup,
  type DraftNode,
  type Expression,
} from './expression.ts';

const childrenOf = (node: DraftNode) => (node.kind === 'group' ? node.children : []);

const vipNotLapsedHighRisk: Expression = {
  all: [
    { tag: 'vip' },
    { not: { tag: 'lapsed' } },
    {
      any: [
        { churn: 'probability', op: '>=', value: 0.7 },
        { churn: 'riskBand', op: '==', value: 'high' },
      ],
    },
    { feature: 'monetary', op: '>', value: 250 },
    { not: { feature: 'plan', op: '==', value: 'basic' } },
  ],
};

describe('segment expression drafts', () => {
  it('round-trips an API expression through the draft', () => {
    const ids = new NodeIds();
    const draft = fromExpression(vipNotLapsedHighRisk, ids);
    expect(toExpression(draft)).toEqual({ ok: true, expression: vipNotLapsedHighRisk });
    // New ids never clash with the loaded ones.
    const used = new Set([...walk(draft)].map((n) => n.id));
    expect(used.has(new NodeIds(draft).next())).toBe(false);
  });

  it('lists every incomplete row instead of sending a half-built expression', () => {
    const ids = new NodeIds();
    let root: DraftNode = emptyDraft(ids);
    expect(toExpression(root)).toEqual({ ok: true, expression: { all: [] } });
    const tag = { id: ids.next(), kind: 'condition' as const, negated: false };
    root = addChild(root, root.id, { ...tag, condition: newCondition('tag') });
    const feature = ids.next();
    root = addChild(root, root.id, {
      id: feature,
      kind: 'condition',
      negated: false,
      condition: {
        type: 'feature',
        feature: 'monetary',
        op: '>',
        value: '12x',
        valueKind: 'number',
      },
    });
    const probability = ids.next();
    root = addChild(root, root.id, {
      id: probability,
      kind: 'condition',
      negated: false,
      condition: { type: 'churn-probability', op: '>', value: '1.5' },
    });
    expect(toExpression(root)).toEqual({
      ok: false,
      problems: [
        { nodeId: tag.id, message: 'choose a tag' },
        { nodeId: feature, message: 'monetary needs a number to compare with' },
        { nodeId: probability, message: 'churn probability must be a number from 0 to 1' },
      ],
    });
  });

  it('compares text attributes as text and refuses an ordering on them', () => {
    const draft = (op: '==' | '<') =>
      addChild(emptyDraft(new NodeIds()), 'n1', {
        id: 'n9',
        kind: 'condition',
        negated: false,
        condition: { type: 'feature', feature: 'plan', op, value: '42', valueKind: 'text' },
      });
    expect(toExpression(draft('=='))).toEqual({
      ok: true,
      expression: { all: [{ feature: 'plan', op: '==', value: '42' }] },
    });
    expect(toExpression(draft('<'))).toMatchObject({
      ok: false,
      problems: [{ nodeId: 'n9', message: 'plan is text: compare it with == or !=' }],
    });
  });

  it('negates groups and switches all/any without touching the other nodes', () => {
    const ids = new NodeIds();
    const draft = fromExpression({ all: [{ tag: 'a' }, { any: [{ tag: 'b' }] }] }, ids);
    const inner = childrenOf(draft)[1]!;
    const changed = updateNode(draft, inner.id, (n) =>
      n.kind === 'group' ? { ...n, mode: 'all', negated: true } : n,
    );
    expect(toExpression(changed)).toEqual({
      ok: true,
      expression: { all: [{ tag: 'a' }, { not: { all: [{ tag: 'b' }] } }] },
    });
    expect(childrenOf(changed)[0]).toBe(childrenOf(draft)[0]);
  });

  it('removes a node anywhere in the tree but never the root', () => {
    const ids = new NodeIds();
    const draft = fromExpression(
      { any: [{ tag: 'a' }, { all: [{ tag: 'b' }, { tag: 'c' }] }] },
      ids,
    );
    const b = childrenOf(childrenOf(draft)[1]!)[0]!;
    expect(toExpression(removeNode(draft, b.id))).toEqual({
      ok: true,
      expression: { any: [{ tag: 'a' }, { all: [{ tag: 'c' }] }] },
    });
    expect(removeNode(draft, draft.id)).toBe(draft);
  });

  it('finds the row an API error path points at, through negations', () => {
    const ids = new NodeIds();
    const draft = fromExpression(vipNotLapsedHighRisk, ids);
    const children = childrenOf(draft);
    expect(nodeAtPath(draft, 'expression.all.3.value')).toBe(children[3]!.id);
    expect(nodeAtPath(draft, 'expression.all.4.not.value')).toBe(children[4]!.id);
    const band = childrenOf(children[2]!)[1]!;
    expect(nodeAtPath(draft, 'expression.all.2.any.1.value')).toBe(band.id);
    expect(nodeAtPath(draft, 'expression')).toBe(draft.id);
    expect(nodeAtPath(draft, 'expression.all.9')).toBe(draft.id);
  });

  it('puts a group at the top of a stored expression without changing who matches', () => {
    expect(withRootGroup({ tag: 'vip' })).toEqual({ all: [{ tag: 'vip' }] });
    expect(withRootGroup({ not: { tag: 'vip' } })).toEqual({ all: [{ not: { tag: 'vip' } }] });
    const any = { any: [{ tag: 'a' }] };
    expect(withRootGroup(any)).toBe(any);
  });

  it('compares expressions whatever their key order', () => {
    const echoed = JSON.parse(
      '{"all":[{"value":250,"op":">","feature":"monetary"},{"tag":"vip"}]}',
    ) as Expression;
    expect(
      sameExpression(echoed, {
        all: [{ feature: 'monetary', op: '>', value: 250 }, { tag: 'vip' }],
      }),
    ).toBe(true);
    expect(sameExpression({ tag: 'vip' }, { all: [{ tag: 'vip' }] })).toBe(true);
    expect(sameExpression(echoed, { all: [{ tag: 'vip' }] })).toBe(false);
  });

  it('places the API field errors on their rows and keeps the others for the form', () => {
    const draft = fromExpression(vipNotLapsedHighRisk, new NodeIds());
    const [vip, lapsed] = childrenOf(draft);
    expect(
      placeFieldErrors(draft, [
        { path: 'expression.all.0.tag', message: 'no tag "vip" in this workspace' },
        { path: 'expression.all.1.not.tag', message: 'no tag "lapsed" in this workspace' },
        { path: 'expression.all.1.not', message: 'and another' },
        { path: 'slug', message: 'taken' },
      ]),
    ).toEqual({
      byNode: {
        [vip!.id]: 'no tag "vip" in this workspace',
        [lapsed!.id]: 'no tag "lapsed" in this workspace; and another',
      },
      unplaced: ['slug: taken'],
    });
  });
});
