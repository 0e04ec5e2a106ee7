import { describe, expect, it } from 'vitest';
import { NotebookError } from './cell.ts';
import { NotebookModel, refsSignature } from './notebook-model.ts';

const clock = () => {
  let t = Date.parse('2026-01-01T00:00:00Z');
  return () => new Date((t += 1000));
};

/** cluster → profiles → (nothing); churn → review */
function pipeline() {
  const model = new NotebookModel([], clock());
  const cluster = model.add('cluster');
  const profiles = model.add('profiles', { inputs: [cluster.id] });
  const churn = model.add('churn');
  const review = model.add('review', { inputs: [churn.id] });
  return { model, cluster: cluster.id, profiles: profiles.id, churn: churn.id, review: review.id };
}

const statuses = (model: NotebookModel) =>
  Object.fromEntries(model.cells.map((c) => [c.id, c.status]));

describe('NotebookModel', () => {
  it('adds cells with unique ids, default titles and configs, after a given cell', () => {
    const model = new NotebookModel([]);
    model.add('markdown');
    model.add('markdown');
    const data = model.add('data', { after: 'markdown-1' });
    expect(model.cells.map((c) => c.id)).toEqual(['markdown-1', 'data-1', 'markdown-2']);
    expect(data).toMatchObject({ title: 'Data summary', status: 'idle', output: null, inputs: [] });
    expect(model.cell('markdown-2').config).toEqual({ text: '' });
  });

  it('derives a profiles cell from its cluster run as soon as the run finishes', () => {
    const { model, cluster, profiles } = pipeline();
    expect(statuses(model)[profiles]).toBe('idle');
    model.start(cluster, { jobId: 'j1' });
    expect(model.cell(cluster).status).toBe('running');
    const propagation = model.finish(cluster, { jobId: 'j1', runId: 'r1' });
    expect(propagation).toEqual({ derived: [profiles], stale: [] });
    expect(model.cell(profiles).output).toMatchObject({
      refs: { runId: 'r1' },
      basedOn: { [cluster]: 'jobId=j1&runId=r1' },
    });
    expect(model.cell(profiles).status).toBe('done');
    // A re-run replaces the derived output.
    model.start(cluster, { jobId: 'j2' });
    expect(model.cell(profiles).status).toBe('stale');
    model.finish(cluster, { jobId: 'j2', runId: 'r2' });
    expect(model.cell(profiles).output?.refs).toEqual({ runId: 'r2' });
    expect(model.cell(profiles).status).toBe('done');
  });

  it('marks non-derived readers stale when their input changes, transitively', () => {
    const { model, churn, review } = pipeline();
    model.finish(churn, { modelId: 'm1' });
    model.finish(review, { modelId: 'm1' });
    expect(statuses(model)[review]).toBe('done');
    const propagation = model.finish(churn, { modelId: 'm2' });
    expect(propagation).toEqual({ derived: [], stale: [review] });
    expect(model.cell(review).status).toBe('stale');
    // Running it again against the new model makes it current.
    model.finish(review, { modelId: 'm2' });
    expect(model.cell(review).status).toBe('done');

    // a → b → c where b is stale: c is stale too, though b's own output did not change.
    const chain = new NotebookModel([cell('a', 'churn', []), cell('b', 'review', ['a'])]);
    chain.finish('a', { modelId: 'x' });
    chain.finish('b', {});
    chain.fail('a', 'training failed');
    expect(chain.cell('b').status).toBe('stale');
  });

  it('turns a reader stale when its input is removed or cleared', () => {
    const { model, churn, review } = pipeline();
    model.finish(churn, { modelId: 'm1' });
    model.finish(review, { modelId: 'm1' });
    model.clear(churn);
    expect(model.cell(review).status).toBe('stale');
    model.finish(churn, { modelId: 'm1' });
    expect(model.cell(review).status).toBe('done');
    model.remove(churn);
    expect(model.cell(review).inputs).toEqual([]);
    expect(model.cell(review).status).toBe('stale');
  });

  it('refuses cycles, wrong input types and too many inputs', () => {
    const model = new NotebookModel(
      [cell('a', 'review', []), cell('b', 'review', ['a'])].slice(0, 1),
    );
    const churn = model.add('churn');
    expect(() => model.setInputs('a', ['a'])).toThrow(NotebookError);
    const cluster = model.add('cluster');
    expect(() => model.setInputs('a', [cluster.id])).toThrow(
      'a Review cell cannot read a Cluster cell',
    );
    const churn2 = model.add('churn');
    expect(() => model.setInputs('a', [churn.id, churn2.id])).toThrow(
      'a Review cell reads at most 1 cell(s)',
    );
    expect(
      () => new NotebookModel([cell('x', 'review', ['y']), cell('y', 'review', ['x'])]),
    ).toThrow('read each other in a cycle');
  });

  it('moves cells up and down, stopping at the ends', () => {
    const model = new NotebookModel([]);
    for (const type of ['markdown', 'data', 'cluster'] as const) model.add(type);
    expect(model.move('cluster-1', -1)).toBe(true);
    expect(model.move('markdown-1', -1)).toBe(false);
    expect(model.move('data-1', 1)).toBe(false);
    expect(model.cells.map((c) => c.id)).toEqual(['markdown-1', 'cluster-1', 'data-1']);
  });

  it('round-trips through the stored JSON with the same statuses', () => {
    const { model, cluster, churn, review } = pipeline();
    model.finish(cluster, { runId: 'r1' });
    model.finish(churn, { modelId: 'm1' });
    model.finish(review, {});
    model.finish(churn, { modelId: 'm2' });
    model.setCollapsed(cluster, true);
    model.setConfig(cluster, { features: ['recency'], kMin: 2, kMax: 5 });
    const stored = JSON.parse(JSON.stringify(model.toJSON())) as ReturnType<
      NotebookModel['toJSON']
    >;
    const reopened = new NotebookModel(stored);
    expect(reopened.toJSON()).toEqual(model.toJSON());
    expect(statuses(reopened)).toEqual(statuses(model));
    expect(reopened.cell(review).status).toBe('stale');
    // The copy is independent of the stored array.
    stored[0]!.title = 'changed';
    expect(reopened.cell(cluster).title).toBe('Clustering');
  });

  it('keeps running and failed states (a reopened notebook resumes or shows the error)', () => {
    const { model, cluster, profiles } = pipeline();
    model.start(cluster, { jobId: 'j1' });
    const reopened = new NotebookModel(model.toJSON());
    expect(reopened.cell(cluster)).toMatchObject({
      status: 'running',
      output: { refs: { jobId: 'j1' } },
    });
    reopened.fail(cluster, 'k must be at most the number of customers');
    expect(reopened.cell(cluster)).toMatchObject({
      status: 'error',
      error: 'k must be at most the number of customers',
    });
    expect(reopened.cell(profiles).status).toBe('idle');
  });

  it('signs refs independently of key order', () => {
    expect(refsSignature({ b: '2', a: '1' })).toBe(refsSignature({ a: '1', b: '2' }));
  });
});

function cell(id: string, type: 'churn' | 'review', inputs: string[]) {
  return {
    id,
    type,
    title: id,
    collapsed: false,
    inputs,
    config: {},
    output: null,
    status: 'idle' as const,
    error: null,
  };
}
