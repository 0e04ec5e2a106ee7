import { describe, expect, it } from 'vitest';
import { latestResultsCells, opensLatestResults, type LatestResults } from './latest-results.ts';

const run: NonNullable<LatestResults['run']> = {
  id: 'run-1',
  jobId: 'job-run',
  status: 'active',
  featureNames: ['recency_days', 'frequency'],
  scaling: 'log1p',
  kRequested: { min: 2, max: 8 },
  seed: 7,
  customerCount: 100,
  featuresAsOf: null,
  k: 4,
  inertia: 12.5,
  converged: true,
  previousRunId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
};

const model = {
  id: 'model-1',
  jobId: 'job-model',
  label: { kind: 'time-split', asOf: '2011-09-01T00:00:00.000Z', horizonDays: 90 },
} as NonNullable<LatestResults['model']>;

describe('latestResultsCells', () => {
  it('opens the run with its profiles and the active model, set up as they were computed', () => {
    const cells = latestResultsCells({ run, model })!;
    expect(cells.map((c) => [c.type, c.status])).toEqual([
      ['markdown', 'idle'],
      ['cluster', 'done'],
      ['profiles', 'done'],
      ['churn', 'done'],
      ['review', 'idle'],
    ]);
    const [, cluster, profiles, churn, review] = cells;
    expect(cluster!.config).toEqual({
      features: ['recency_days', 'frequency'],
      scaling: 'log1p',
      kMin: 2,
      kMax: 8,
      seed: 7,
    });
    expect(cluster!.output!.refs).toEqual({ runId: 'run-1', jobId: 'job-run' });
    expect(profiles!.inputs).toEqual([cluster!.id]);
    expect(profiles!.output!.refs).toEqual({ runId: 'run-1' });
    expect(churn!.config).toEqual({ label: 'time-split', asOf: '2011-09-01', horizonDays: 90 });
    expect(churn!.output!.refs).toEqual({ modelId: 'model-1', jobId: 'job-model' });
    expect(review!.inputs).toEqual([churn!.id]);
  });

  it('keeps a label column and a single k, and leaves out what the workspace lacks', () => {
    const cells = latestResultsCells({
      run: null,
      model: {
        ...model,
        jobId: null,
        label: { kind: 'column', column: 'churn', positive: 'Yes', negative: 'No' },
      },
    })!;
    expect(cells.map((c) => c.type)).toEqual(['markdown', 'churn', 'review']);
    expect(cells[1]!.config).toEqual({ label: 'column', column: 'churn', positive: 'Yes' });
    expect(cells[1]!.output!.refs).toEqual({ modelId: 'model-1' });

    const onlyRun = latestResultsCells({ run: { ...run, kRequested: 3 }, model: null })!;
    expect(onlyRun.map((c) => c.type)).toEqual(['markdown', 'cluster', 'profiles', 'review']);
    expect(onlyRun[1]!.config).toMatchObject({ kMin: 3, kMax: 3 });
    expect(onlyRun[3]!.inputs).toEqual([]);
  });

  it('has nothing to open in a workspace without a run or a model', () => {
    expect(latestResultsCells({ run: null, model: null })).toBeNull();
  });
});

describe('opensLatestResults', () => {
  it('knows a notebook that already opens the same run and model', () => {
    const cells = latestResultsCells({ run, model })!;
    expect(opensLatestResults(cells, { run, model })).toBe(true);
    expect(opensLatestResults(cells, { run, model: null })).toBe(true);
  });

  it('does not take a notebook on another run or model, or without them, for it', () => {
    const cells = latestResultsCells({ run, model })!;
    expect(opensLatestResults(cells, { run: { ...run, id: 'run-2' }, model })).toBe(false);
    expect(
      opensLatestResults(cells, { run, model: { ...model, id: 'model-2' } as typeof model }),
    ).toBe(false);
    expect(opensLatestResults(latestResultsCells({ run, model: null })!, { run, model })).toBe(
      false,
    );
    expect(opensLatestResults([], { run: null, model: null })).toBe(false);
  });
});
