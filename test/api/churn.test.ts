import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob, sql, type ChangeRecord } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { createRng, tfMemory } from '@tagwise/engine';
import { churnSuggestionProvider } from '../../packages/api/src/churn/churn-suggestions.ts';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';

interface JobJson {
  id: string;
  status: string;
  attempts: number;
  result: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  message: string | null;
}

interface ModelJson {
  id: string;
  version: number;
  status: string;
  label: Record<string, unknown>;
  heldout: { metric: string; value: number };
  crossValidation: Record<string, { mean: number; sd: number }>;
  activation: { mode: string; reason: string; previousModelId: string | null } | null;
  activatedBy: string | null;
}

interface ModelDetailJson extends ModelJson {
  inputs: { name: string; from: string; kind: string }[];
  behaviouralSource: string;
  importance: { feature: string; meanAbsContribution: number }[];
  riskBands: { thresholds: number[]; labels: string[] };
  evaluation: {
    folds: number;
    pooled: { rocAuc: number; prAuc: number; brier: number; logLoss: number; ece: number };
    reliability: { bin: number; count: number; meanPredicted: number | null }[];
    roc: unknown[];
    precisionRecall: unknown[];
    liftByDecile: { group: number; lift: number }[];
    baseline: { summary: { rocAuc: { mean: number } } };
  };
}

interface Factor {
  feature: string;
  value: unknown;
  contribution: number;
}

interface PredictJson {
  model: { id: string; version: number };
  items: {
    customerId?: string;
    row?: number;
    probability: number;
    riskBand: string;
    factors: Factor[];
    source: string;
  }[];
  notFound: string[];
  notScored: { customerId: string; reason: string }[];
}

/** The churn source only reads: a write fails the test. */
const candidateContext = (t: TestServer) => ({
  db: t.database.db,
  workspaceId: t.acme.workspace.id,
  signal: new AbortController().signal,
  write: () => Promise.reject(new Error('the churn source stores nothing')),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function body<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

const PLANS = ['basic', 'pro', 'max'] as const;
const REGIONS = ['north', 'south', 'east', 'west'] as const;

/**
 * Customers whose churn depends on tenure, plan and monthly charges (plus noise); `region`
 * and `noise` are unrelated to it.
 */
function labelledCustomers(count: number) {
  const rng = createRng(11);
  return Array.from({ length: count }, (_, i) => {
    const tenure = 1 + rng.nextInt(72);
    const plan = PLANS[rng.nextInt(3)]!;
    const monthly = Math.round((20 + rng.nextFloat() * 80) * 100) / 100;
    const z =
      1.5 -
      tenure / 12 +
      (plan === 'basic' ? 1.2 : plan === 'max' ? -0.8 : 0) +
      (monthly - 60) / 25 +
      rng.nextNormal() * 0.6;
    return {
      externalId: `c${String(i).padStart(4, '0')}`,
      attributes: {
        tenure,
        plan,
        monthly,
        region: REGIONS[rng.nextInt(4)]!,
        noise: Math.round(rng.nextFloat() * 1000) / 1000,
        churn: z > 0 ? 'yes' : 'no',
      },
    };
  });
}

const DAY = 86_400_000;
const NO_PURCHASE = 'no purchase before the cut-off (the model scores active customers only)';
const T = Date.UTC(2024, 6, 1);

/**
 * Purchases from January to mid-September 2024: loyal customers buy every 10–25 days
 * throughout; churners stop at a random day between February and late June (before T).
 */
function timeSplitEvents(customers: number) {
  const rng = createRng(5);
  const events: {
    eventId: string;
    customerId: string;
    occurredAt: string;
    kind: string;
    amount: number;
  }[] = [];
  for (let c = 0; c < customers; c++) {
    const churner = rng.nextFloat() < 0.4;
    const stop = churner ? Date.UTC(2024, 1, 15) + rng.nextInt(125) * DAY : Date.UTC(2024, 8, 15);
    let time = Date.UTC(2024, 0, 1) + rng.nextInt(20) * DAY;
    const gap = 10 + rng.nextInt(16);
    let n = 0;
    while (time < stop) {
      events.push({
        eventId: `g${c}-${n++}`,
        customerId: `g${String(c).padStart(3, '0')}`,
        occurredAt: new Date(time).toISOString(),
        kind: 'purchase',
        amount: 10 + rng.nextInt(90),
      });
      time += (gap + rng.nextInt(7) - 3) * DAY;
    }
  }
  return events;
}

/** Purchases unrelated to churn, for stored behavioural features. */
function unrelatedEvents(customers: number) {
  const rng = createRng(9);
  const events: {
    eventId: string;
    customerId: string;
    occurredAt: string;
    kind: string;
    amount: number;
  }[] = [];
  for (let c = 0; c < customers; c += 2) {
    const orders = 1 + rng.nextInt(6);
    for (let n = 0; n < orders; n++) {
      events.push({
        eventId: `a${c}-${n}`,
        customerId: `c${String(c).padStart(4, '0')}`,
        occurredAt: new Date(Date.UTC(2024, 0, 1) + rng.nextInt(300) * DAY).toISOString(),
        kind: 'purchase',
        amount: 5 + rng.nextInt(200),
      });
    }
  }
  return events;
}

const goodModel = {
  label: { kind: 'column', column: 'churn', positive: 'yes' },
  features: { behavioural: [], attributes: ['tenure', 'plan', 'monthly'] },
  model: 'logistic',
  folds: 3,
};

for (const kind of testDatabaseKinds()) {
  describe(`churn over HTTP on ${kind}`, () => {
    let t: TestServer;
    const changes: ChangeRecord[] = [];
    const customers = labelledCustomers(300);
    let v1: ModelJson;
    let v2: ModelJson;

    const post = (workspace: string, path: string, key: string, json: unknown) =>
      t.request(`/v1/workspaces/${workspace}${path}`, { key, json });

    async function runJob(
      workspace: string,
      key: string,
      job: Response | Promise<Response>,
    ): Promise<JobJson> {
      const { id } = await body<JobJson>(await job);
      for (;;) {
        const state = await body<JobJson>(
          await t.request(`/v1/workspaces/${workspace}/jobs/${id}`, { key }),
        );
        if (['succeeded', 'failed', 'cancelled'].includes(state.status)) return state;
        await sleep(50);
      }
    }

    const train = (workspace: string, params: unknown, key = t.acme.keys.analyst) =>
      runJob(workspace, key, post(workspace, '/churn/train', key, params));

    beforeAll(async () => {
      t = await startTestServer(kind, {
        changeHooks: [
          async (_trx, change) => {
            changes.push(change);
          },
        ],
      });
      await body(await post('acme', '/customers', t.acme.keys.analyst, { customers }));
      await body(
        await post('acme', '/events', t.acme.keys.analyst, { events: unrelatedEvents(300) }),
      );
      const refresh = await runJob(
        'acme',
        t.acme.keys.analyst,
        await post('acme', '/jobs', t.acme.keys.analyst, {
          kind: 'feature-refresh',
          params: { asOf: '2025-01-01T00:00:00Z' },
        }),
      );
      expect(refresh.status).toBe('succeeded');
      await body(
        await post('globex', '/events', t.globex.keys.analyst, { events: timeSplitEvents(150) }),
      );
    });
    afterAll(() => t.close());

    it('rejects training requests that do not fit the data, naming each field', async () => {
      const threeValued = await expectProblem(
        await post('acme', '/churn/train', t.acme.keys.analyst, {
          label: { kind: 'column', column: 'region' },
        }),
        422,
        'validation-failed',
      );
      expect(threeValued.errors).toContainEqual({
        path: 'label.column',
        message: expect.stringMatching(/exactly two values.*it has 4/) as unknown as string,
      });
      const names = await expectProblem(
        await post('acme', '/churn/train', t.acme.keys.analyst, {
          label: { kind: 'column', column: 'churn', positive: 'maybe' },
          features: { behavioural: ['frequency', 'shoe_size'], attributes: ['tenure', 'churn'] },
        }),
        422,
        'validation-failed',
      );
      expect(names.errors?.map((e) => e.path).sort()).toEqual([
        'features.attributes.1',
        'features.behavioural.1',
        'label.positive',
      ]);
      expect(names.errors?.find((e) => e.path === 'features.behavioural.1')?.message).toMatch(
        /unknown stored feature "shoe_size"; available: .*frequency/,
      );
      const window = await expectProblem(
        await post('globex', '/churn/train', t.globex.keys.analyst, {
          label: { kind: 'time-split', asOf: '2024-09-01T00:00:00Z', horizonDays: 60 },
        }),
        422,
        'validation-failed',
      );
      expect(window.errors?.[0]?.path).toBe('label.horizonDays');
      await expectProblem(
        await post('acme', '/churn/train', t.acme.keys.service, goodModel),
        403,
        'forbidden',
      );
    });

    it('fails a training job at once (no retry) when the label is not two-valued', async () => {
      const job = await runJob(
        'acme',
        t.acme.keys.analyst,
        await post('acme', '/jobs', t.acme.keys.analyst, {
          kind: 'churn-train',
          params: {
            label: { kind: 'column', column: 'plan' },
            features: { attributes: ['tenure'] },
          },
        }),
      );
      expect(job).toMatchObject({ status: 'failed', attempts: 1 });
      expect(job.error?.code).toBe('engine:invalid_argument');
      expect(job.error?.message).toMatch(/label column "plan" must have exactly two values/);
    });

    it('trains the first model with cross-validated metrics and activates it', async () => {
      const noModel = await expectProblem(
        await post('acme', '/churn/predict', t.acme.keys.service, { customerIds: ['c0001'] }),
        409,
        'conflict',
      );
      expect(noModel.detail).toMatch(/no active churn model/);
      const job = await train('acme', goodModel);
      expect(job.status).toBe('succeeded');
      expect(job.result).toMatchObject({ version: 1, activated: true, rows: 300 });
      const list = await body<{ items: ModelJson[] }>(
        await t.request('/v1/workspaces/acme/churn/models', { key: t.acme.keys.service }),
      );
      expect(list.items).toHaveLength(1);
      v1 = list.items[0]!;
      expect(v1).toMatchObject({
        version: 1,
        status: 'active',
        label: { kind: 'column', column: 'churn', positive: 'yes', negative: 'no' },
        activation: { mode: 'auto', previousModelId: null },
      });
      const detail = await body<ModelDetailJson>(
        await t.request(`/v1/workspaces/acme/churn/models/${v1.id}`, { key: t.acme.keys.operator }),
      );
      expect(detail.heldout.metric).toBe('roc_auc');
      expect(detail.heldout.value).toBeGreaterThan(0.85);
      expect(detail.heldout.value).toBe(detail.crossValidation.rocAuc!.mean);
      for (const name of ['rocAuc', 'prAuc', 'brier', 'logLoss', 'ece', 'topDecileLift']) {
        expect(Number.isFinite(detail.crossValidation[name]!.mean), name).toBe(true);
        expect(detail.crossValidation[name]!.sd, name).toBeGreaterThanOrEqual(0);
      }
      expect(detail.evaluation.folds).toBe(3);
      expect(detail.evaluation.reliability).toHaveLength(10);
      expect(detail.evaluation.reliability.reduce((n, bin) => n + bin.count, 0)).toBe(300);
      expect(detail.evaluation.liftByDecile).toHaveLength(10);
      expect(detail.evaluation.roc.length).toBeGreaterThan(2);
      expect(detail.evaluation.precisionRecall.length).toBeGreaterThan(2);
      // A constant prediction ranks nothing: ROC-AUC 0.5 in every fold.
      expect(detail.evaluation.baseline.summary.rocAuc.mean).toBe(0.5);
      expect(detail.evaluation.pooled.brier).toBeLessThan(0.2);
      expect(detail.inputs).toEqual([
        { name: 'tenure', from: 'attribute', kind: 'numeric' },
        { name: 'plan', from: 'attribute', kind: 'categorical' },
        { name: 'monthly', from: 'attribute', kind: 'numeric' },
      ]);
      expect(detail.importance.map((i) => i.feature).sort()).toEqual(['monthly', 'plan', 'tenure']);
      expect(detail.riskBands.labels).toEqual(['low', 'medium', 'high']);
    });

    it('keeps a worse second model (stored features and noise) trained, not active', async () => {
      const job = await train('acme', {
        label: { kind: 'column', column: 'churn' },
        features: { behavioural: ['frequency', 'monetary'], attributes: ['region', 'noise'] },
        model: 'logistic',
        folds: 3,
      });
      expect(job.status).toBe('succeeded');
      expect(job.result).toMatchObject({ version: 2, activated: false });
      expect(String(job.result?.activation)).toMatch(/does not beat the active model v1/);
      const list = await body<{ items: ModelJson[] }>(
        await t.request('/v1/workspaces/acme/churn/models', { key: t.acme.keys.analyst }),
      );
      expect(list.items.map((m) => [m.version, m.status])).toEqual([
        [2, 'trained'],
        [1, 'active'],
      ]);
      v2 = list.items[0]!;
      expect(v2.heldout.value).toBeLessThan(v1.heldout.value);
      const detail = await body<ModelDetailJson>(
        await t.request(`/v1/workspaces/acme/churn/models/${v2.id}`, { key: t.acme.keys.analyst }),
      );
      expect(detail.behaviouralSource).toBe('stored');
      expect(detail.inputs.map((i) => `${i.name}:${i.from}`)).toEqual([
        'frequency:feature',
        'monetary:feature',
        'region:attribute',
        'noise:attribute',
      ]);
    });

    it('activates a worse model only with an audited override, atomically', async () => {
      const activate = (id: string, key: string, json: unknown) =>
        post('acme', `/churn/models/${id}/activate`, key, json);
      const refused = await expectProblem(
        await activate(v2.id, t.acme.keys.analyst, {}),
        409,
        'conflict',
      );
      expect(refused.detail).toMatch(/does not beat the active model v1.*override/);
      await expectProblem(await activate(v2.id, t.acme.keys.operator, {}), 403, 'forbidden');
      const noReason = await expectProblem(
        await activate(v2.id, t.acme.keys.analyst, { override: true }),
        422,
        'validation-failed',
      );
      expect(noReason.errors?.[0]?.path).toBe('reason');
      changes.length = 0;
      const forced = await body<ModelJson>(
        await activate(v2.id, t.acme.keys.analyst, {
          override: true,
          reason: 'A/B test of behavioural inputs',
        }),
      );
      expect(forced).toMatchObject({
        status: 'active',
        activation: {
          mode: 'override',
          reason: 'A/B test of behavioural inputs',
          previousModelId: v1.id,
        },
      });
      expect(forced.activatedBy).not.toBeNull();
      const audit = changes.filter((c) => c.action === 'churn-model.activated');
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        resource: 'churn-model',
        resourceId: v2.id,
        actor: { role: 'analyst', keyId: forced.activatedBy },
        data: { override: true, reason: 'A/B test of behavioural inputs', previousVersion: 1 },
      });
      const statuses = await body<{ items: ModelJson[] }>(
        await t.request('/v1/workspaces/acme/churn/models', { key: t.acme.keys.analyst }),
      );
      expect(statuses.items.map((m) => [m.version, m.status])).toEqual([
        [2, 'active'],
        [1, 'retired'],
      ]);
      // v1 beats the active v2 on held-out ROC-AUC: no override needed to go back.
      const back = await body<ModelJson>(await activate(v1.id, t.acme.keys.admin, {}));
      expect(back).toMatchObject({ status: 'active', activation: { mode: 'manual' } });
      expect(back.activation?.reason).toMatch(/beats the active model v2/);
    });

    it('scores every customer in a job without leaking tensors; GET churn returns the prediction', async () => {
      const before = await expectProblem(
        await t.request('/v1/workspaces/acme/customers/c0001/churn', { key: t.acme.keys.service }),
        404,
        'not-found',
      );
      expect(before.detail).toMatch(/no churn prediction yet: no churn scoring has completed/);
      const tensorsBefore = tfMemory().numTensors;
      const job = await runJob(
        'acme',
        t.acme.keys.analyst,
        await post('acme', '/churn/score', t.acme.keys.analyst, {}),
      );
      expect(job.status).toBe('succeeded');
      expect(tfMemory().numTensors).toBe(tensorsBefore);
      expect(job.result).toMatchObject({ version: 1, scored: 300, skipped: 0 });
      const bands = job.result?.bandCounts as Record<string, number>;
      expect(bands.low! + bands.medium! + bands.high!).toBe(300);

      const churn = await body<{
        customerId: string;
        probability: number;
        riskBand: string;
        model: { id: string; version: number; active: boolean };
        scoredAt: string;
        factors: Factor[];
        explanation: string;
      }>(
        await t.request('/v1/workspaces/acme/customers/c0001/churn', { key: t.acme.keys.service }),
      );
      expect(churn.customerId).toBe('c0001');
      expect(churn.probability).toBeGreaterThanOrEqual(0);
      expect(churn.probability).toBeLessThanOrEqual(1);
      const expectedBand =
        churn.probability < 0.3 ? 'low' : churn.probability < 0.6 ? 'medium' : 'high';
      expect(churn.riskBand).toBe(expectedBand);
      expect(churn.model).toEqual({ id: v1.id, version: 1, active: true });
      expect(Date.parse(churn.scoredAt)).not.toBeNaN();
      expect(churn.factors).toHaveLength(3);
      expect(churn.factors.map((f) => f.feature).sort()).toEqual(['monthly', 'plan', 'tenure']);
      const attributes = customers[1]!.attributes;
      for (const factor of churn.factors) {
        expect(factor.value).toEqual(attributes[factor.feature as keyof typeof attributes]);
      }
      expect(churn.explanation).toMatch(
        new RegExp(`^Churn risk ${churn.riskBand} \\(\\d+%, model v1\\): `),
      );
      await expectProblem(
        await t.request('/v1/workspaces/acme/customers/nobody/churn', { key: t.acme.keys.service }),
        404,
        'not-found',
      );
    });

    it('predicts by customer ids (stored, else live) and by raw rows with the active model', async () => {
      await body(
        await post('acme', '/customers', t.acme.keys.analyst, {
          customers: [
            { externalId: 'late-1', attributes: { tenure: 2, plan: 'basic', monthly: 97.5 } },
          ],
        }),
      );
      const late = await expectProblem(
        await t.request('/v1/workspaces/acme/customers/late-1/churn', { key: t.acme.keys.service }),
        404,
        'not-found',
      );
      expect(late.detail).toMatch(/ran before this customer was added/);
      const stored = await body<{ probability: number }>(
        await t.request('/v1/workspaces/acme/customers/c0002/churn', { key: t.acme.keys.service }),
      );
      const byIds = await body<PredictJson>(
        await post('acme', '/churn/predict', t.acme.keys.service, {
          customerIds: ['late-1', 'c0002', 'ghost', 'c0002'],
        }),
      );
      expect(byIds.model).toMatchObject({ id: v1.id, version: 1 });
      expect(byIds.items.map((i) => [i.customerId, i.source])).toEqual([
        ['late-1', 'live'],
        ['c0002', 'stored'],
      ]);
      expect(byIds.items[1]!.probability).toBe(stored.probability);
      expect(byIds.items[0]!.probability).toBeGreaterThan(0.6);
      expect(byIds.notFound).toEqual(['ghost']);

      const { tenure, plan, monthly } = customers[2]!.attributes;
      const tensors = tfMemory().numTensors;
      const byRows = await body<PredictJson>(
        await post('acme', '/churn/predict', t.acme.keys.operator, {
          rows: [
            { tenure, plan, monthly },
            { tenure: 70, plan: 'max', monthly: 22 },
          ],
        }),
      );
      expect(tfMemory().numTensors).toBe(tensors); // the cached model is reused, nothing new is kept
      expect(byRows.items.map((i) => [i.row, i.source])).toEqual([
        [0, 'live'],
        [1, 'live'],
      ]);
      expect(byRows.items[0]!.probability).toBeCloseTo(stored.probability, 10);
      expect(byRows.items[1]!.probability).toBeLessThan(0.1);
      expect(byRows.items[1]!.riskBand).toBe('low');
    });

    it('rejects rows that do not match the model, naming the columns, and batches over the limit', async () => {
      const mismatch = await expectProblem(
        await post('acme', '/churn/predict', t.acme.keys.service, {
          rows: [
            { tenure: 3, monthly: 50, colour: 'red' },
            { tenure: 3, plan: 'pro', monthly: 50 },
          ],
        }),
        422,
        'validation-failed',
      );
      expect(mismatch.detail).toMatch(/missing column\(s\): plan; unexpected column\(s\): colour/);
      expect(mismatch.detail).toMatch(/expects exactly: tenure, plan, monthly/);
      expect(mismatch.errors?.map((e) => e.path)).toEqual(['rows.0.plan', 'rows.0.colour']);
      const tooMany = await expectProblem(
        await post('acme', '/churn/predict', t.acme.keys.service, {
          customerIds: Array.from({ length: 1001 }, (_, i) => `c${i}`),
        }),
        422,
        'validation-failed',
      );
      expect(tooMany.errors?.[0]?.path).toBe('customerIds');
      const both = await expectProblem(
        await post('acme', '/churn/predict', t.acme.keys.service, {
          customerIds: ['c0001'],
          rows: [{ tenure: 1, plan: 'pro', monthly: 1 }],
        }),
        422,
        'validation-failed',
      );
      expect(both.errors?.[0]?.message).toMatch(/either customerIds or rows/);
    });

    it('offers likely-to-churn suggestions from the active model', async () => {
      const batches = [];
      for await (const batch of churnSuggestionProvider.candidates(candidateContext(t))) {
        batches.push(...batch);
      }
      expect(batches).toHaveLength(300);
      const stored = await body<{ probability: number; riskBand: string }>(
        await t.request('/v1/workspaces/acme/customers/c0002/churn', { key: t.acme.keys.service }),
      );
      const mine = batches.find((c) => c.confidence === stored.probability);
      expect(mine).toMatchObject({
        tagSlug: 'likely-to-churn',
        source: 'churn',
        sourceVersion: v1.id,
      });
      expect(mine?.factors).toHaveLength(3);
      expect(mine?.explanation).toContain(`Churn risk ${stored.riskBand}`);
      const tag = await t.database.db
        .selectFrom('tags')
        .select(['kind', 'category'])
        .where('workspace_id', '=', t.acme.workspace.id)
        .where('slug', '=', 'likely-to-churn')
        .executeTakeFirst();
      expect(tag).toEqual({ kind: 'predictive', category: 'lifecycle' });
      // The suggest job stores them, routed by the default policy (review from 0.5).
      const generated = await runJob(
        'acme',
        t.acme.keys.analyst,
        await post('acme', '/suggestions/generate', t.acme.keys.analyst, { sources: ['churn'] }),
      );
      expect(generated.status).toBe('succeeded');
      const queue = await body<{
        items: {
          customer: string;
          tag: string;
          sourceVersion: string;
          confidence: number;
          explanation: { text: string };
        }[];
      }>(
        await t.request('/v1/workspaces/acme/suggestions?source=churn&limit=1000', {
          key: t.acme.keys.operator,
        }),
      );
      const likely = batches.filter((c) => c.confidence >= 0.5);
      expect(likely.length).toBeGreaterThan(20);
      expect(queue.items).toHaveLength(likely.length);
      expect(new Set(queue.items.map((s) => s.tag))).toEqual(new Set(['likely-to-churn']));
      expect(queue.items.every((s) => s.sourceVersion === v1.id)).toBe(true);
      const high = queue.items[0]!;
      const highChurn = await body<{ probability: number; explanation: string }>(
        await t.request(`/v1/workspaces/acme/customers/${high.customer}/churn`, {
          key: t.acme.keys.service,
        }),
      );
      expect(high.confidence).toBe(highChurn.probability);
      expect(high.explanation.text).toBe(highChurn.explanation);
      // Predictions of another model than the active one are not offered.
      await body(
        await post('acme', `/churn/models/${v2.id}/activate`, t.acme.keys.analyst, {
          override: true,
          reason: 'check that stale predictions are not suggested',
        }),
      );
      const stale = churnSuggestionProvider.candidates(candidateContext(t));
      expect((await stale[Symbol.asyncIterator]().next()).done).toBe(true);
    });

    it('predicts with the newly activated model at once, disposing the one it replaces', async () => {
      // v2 is active now (previous test); the cache still held v1 from earlier predictions.
      const predict = (rows: unknown) =>
        post('acme', '/churn/predict', t.acme.keys.service, { rows }).then((r) =>
          body<PredictJson>(r),
        );
      const withV2 = await predict([{ frequency: 3, monetary: 120, region: 'north', noise: 0.5 }]);
      expect(withV2.model).toMatchObject({ id: v2.id, version: 2 });
      const withCachedModel = tfMemory().numTensors;
      // Activation here invalidates the cache: v2 is disposed at once (no request is using it).
      await body(await post('acme', `/churn/models/${v1.id}/activate`, t.acme.keys.analyst, {}));
      expect(tfMemory().numTensors).toBeLessThan(withCachedModel);
      const withV1 = await predict([{ tenure: 5, plan: 'pro', monthly: 70 }]);
      expect(withV1.model).toMatchObject({ id: v1.id, version: 1 });
      // Both are 3-member logistic ensembles: one cached model's worth of tensors either way.
      expect(tfMemory().numTensors).toBe(withCachedModel);
      await expectProblem(
        await post('acme', '/churn/predict', t.acme.keys.service, {
          rows: [{ frequency: 3, monetary: 120, region: 'north', noise: 0.5 }],
        }),
        422,
        'validation-failed',
      );
    });

    it('swaps a new scoring in whole and drops superseded and abandoned prediction sets', async () => {
      const db = t.database.db;
      const workspaceId = t.acme.workspace.id;
      const current = await body<{ probability: number }>(
        await t.request('/v1/workspaces/acme/customers/c0001/churn', { key: t.acme.keys.service }),
      );
      // A scoring whose job failed after writing some rows: never visible, removed at the next swap.
      const failed = await enqueueJob(db, { workspaceId, kind: 'churn-score', params: {} });
      await sql`UPDATE jobs SET status = 'failed' WHERE id = ${failed.id}`.execute(db);
      const c0001 = await db
        .selectFrom('customers')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('external_id', '=', 'c0001')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('churn_scorings')
        .values({
          job_id: failed.id,
          workspace_id: workspaceId,
          model_id: v1.id,
          as_of: new Date(),
        })
        .execute();
      await db
        .insertInto('churn_predictions')
        .values({
          scoring_job_id: failed.id,
          workspace_id: workspaceId,
          customer_id: c0001.id,
          model_id: v1.id,
          probability: 0.999,
          risk_band: 'high',
          factors: '[]',
          scored_at: new Date(),
        })
        .execute();
      const unchanged = await body<{ probability: number }>(
        await t.request('/v1/workspaces/acme/customers/c0001/churn', { key: t.acme.keys.service }),
      );
      expect(unchanged.probability).toBe(current.probability);

      const job = await runJob(
        'acme',
        t.acme.keys.analyst,
        await post('acme', '/churn/score', t.acme.keys.analyst, {}),
      );
      expect(job.result).toMatchObject({ scored: 301, skipped: 0 });
      const late = await body<{ riskBand: string }>(
        await t.request('/v1/workspaces/acme/customers/late-1/churn', { key: t.acme.keys.service }),
      );
      expect(late.riskBand).toBe('high');
      const scorings = await db
        .selectFrom('churn_scorings')
        .select(['job_id', 'is_current', 'scored'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('started_at')
        .execute();
      expect(scorings.map((s) => [s.is_current, s.scored])).toEqual([
        [false, 300],
        [true, 301],
      ]);
      const rows = await db
        .selectFrom('churn_predictions')
        .select(['scoring_job_id', sql<number>`count(*)::int`.as('n')])
        .where('workspace_id', '=', workspaceId)
        .groupBy('scoring_job_id')
        .execute();
      expect(rows).toEqual([{ scoring_job_id: job.id, n: 301 }]);
    });

    it('trains on a time split of events, scores active customers only, and keeps workspaces apart', async () => {
      const job = await train(
        'globex',
        {
          label: { kind: 'time-split', asOf: new Date(T).toISOString(), horizonDays: 60 },
          model: 'logistic',
          folds: 3,
        },
        t.globex.keys.analyst,
      );
      expect(job.status).toBe('succeeded');
      expect(job.result).toMatchObject({ version: 1, activated: true });
      const [model] = (
        await body<{ items: ModelDetailJson[] }>(
          await t.request('/v1/workspaces/globex/churn/models', { key: t.globex.keys.service }),
        )
      ).items;
      expect(model!.label).toEqual({
        kind: 'time-split',
        asOf: '2024-07-01T00:00:00.000Z',
        horizonDays: 60,
      });
      expect(model!.heldout.value).toBeGreaterThan(0.9);
      const detail = await body<ModelDetailJson>(
        await t.request(`/v1/workspaces/globex/churn/models/${model!.id}`, {
          key: t.globex.keys.service,
        }),
      );
      expect(detail.behaviouralSource).toBe('events');
      expect(detail.inputs.map((i) => i.name)).toContain('recency_days');
      expect(detail.inputs.every((i) => i.from === 'feature')).toBe(true);

      // Known from attributes only: a time-split model cannot score a customer with no purchase.
      await body(
        await post('globex', '/customers', t.globex.keys.analyst, {
          customers: [{ externalId: 'g-new', attributes: { plan: 'pro' } }],
        }),
      );
      const scored = await runJob(
        'globex',
        t.globex.keys.analyst,
        await post('globex', '/churn/score', t.globex.keys.analyst, {
          asOf: '2024-07-01T00:00:00Z',
        }),
      );
      expect(scored.status).toBe('succeeded');
      expect(scored.result).toMatchObject({
        scored: 150,
        skipped: 1,
        skipReasons: { [NO_PURCHASE]: 1 },
      });
      expect(scored.message).toBe(
        `scored 150 customers with churn model v1; 1 skipped — ${NO_PURCHASE}`,
      );
      const ids = Array.from({ length: 150 }, (_, c) => `g${String(c).padStart(3, '0')}`);
      const predictions = await body<PredictJson>(
        await post('globex', '/churn/predict', t.globex.keys.service, {
          customerIds: [...ids, 'g-new'],
        }),
      );
      expect(predictions.items).toHaveLength(150);
      expect(predictions.items.every((i) => i.source === 'stored')).toBe(true);
      expect(predictions.notScored).toEqual([{ customerId: 'g-new', reason: NO_PURCHASE }]);
      // Churners stopped buying months before T: their risk is higher on average.
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const high = predictions.items.filter((i) => i.riskBand === 'high');
      const low = predictions.items.filter((i) => i.riskBand === 'low');
      expect(high.length).toBeGreaterThan(10);
      expect(low.length).toBeGreaterThan(10);
      expect(mean(high.map((i) => i.probability))).toBeGreaterThan(0.6);

      // Isolation: acme keys see none of it; acme's predictions use acme's model.
      await expectProblem(
        await t.request(`/v1/workspaces/acme/churn/models/${model!.id}`, {
          key: t.acme.keys.admin,
        }),
        404,
        'not-found',
      );
      await expectProblem(
        await t.request('/v1/workspaces/globex/churn/models', { key: t.acme.keys.admin }),
        404,
        'not-found',
      );
      const crossed = await body<PredictJson>(
        await post('acme', '/churn/predict', t.acme.keys.service, { customerIds: ['g001'] }),
      );
      expect(crossed).toMatchObject({ model: { id: v1.id }, items: [], notFound: ['g001'] });
      await expectProblem(
        await t.request('/v1/workspaces/acme/customers/g001/churn', { key: t.acme.keys.admin }),
        404,
        'not-found',
      );
    });
  });
}
