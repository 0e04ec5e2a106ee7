import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { startTestServer, type TestServer } from './harness.ts';
import { insertChurnModel, insertScoring as insertCurrentScoring } from './churn-rows.ts';
import { getReport, insertCustomers, insertTag } from './reports-data.ts';

const DAY = 86_400_000;
const T = '2024-01-01T00:00:00.000Z';
const WINDOW_END = '2024-01-31T00:00:00.000Z';

interface ShareBin {
  from: number;
  to: number;
  share: number;
}

interface Drift {
  clusters: {
    runId: string;
    previousRunId: string;
    customers: number;
    compared: number;
    moved: number;
    movedShare: number;
    featureSet: string;
    byCluster: Record<string, unknown>[];
  }[];
  churn: {
    modelId: string;
    modelVersion: number;
    training: { rows: number; bins: ShareBin[] };
    current: { scoringJobId: string; asOf: string; customers: number; bins: ShareBin[] } | null;
    psi: number | null;
    backtest: {
      asOf: string;
      horizonDays: number;
      windowEnd: string;
      due: boolean;
      pendingReason: string | null;
      customers: number;
      predictedRate: number | null;
      realisedRate: number | null;
      weightedMeanAbsoluteGap: number | null;
      bins: {
        from: number;
        to: number;
        meanPredicted: number | null;
        realisedRate: number | null;
        count: number;
      }[];
    } | null;
  } | null;
}

/** A cluster run with only what the drift report reads filled in meaningfully. */
async function insertRun(
  db: Db,
  workspaceId: string,
  fields: {
    k: number;
    customers: number;
    previousRunId?: string;
    matching?: unknown;
    movement?: unknown;
  },
): Promise<string> {
  const empty = JSON.stringify([]);
  const row = await db
    .insertInto('cluster_runs')
    .values({
      workspace_id: workspaceId,
      status: fields.previousRunId === undefined ? 'superseded' : 'active',
      feature_names: JSON.stringify(['frequency', 'monetary']),
      feature_set: 'frequency,monetary',
      scaling: JSON.stringify('standard'),
      k_requested: JSON.stringify(fields.k),
      seed: 1,
      n_init: 1,
      customer_count: fields.customers,
      k: fields.k,
      centroids: empty,
      scaler: JSON.stringify({}),
      membership: JSON.stringify({}),
      profiles: JSON.stringify({}),
      inertia: 0,
      iterations: 1,
      converged: true,
      previous_run_id: fields.previousRunId ?? null,
      matching: fields.matching === undefined ? null : JSON.stringify(fields.matching),
      movement: fields.movement === undefined ? null : JSON.stringify(fields.movement),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A time-split churn model whose cross-validation put `counts[b]` rows in probability bin b. */
function insertModel(db: Db, workspaceId: string, counts: number[], horizonDays: number) {
  const reliability = counts.map((count, b) => ({
    bin: b,
    lower: b / 10,
    upper: (b + 1) / 10,
    meanPredicted: null,
    observedRate: null,
    count,
  }));
  return insertChurnModel(db, workspaceId, {
    label: { kind: 'time-split', asOf: '2023-10-01T00:00:00.000Z', horizonDays },
    metrics: { crossValidation: { pooled: { reliability } } },
    trainingRows: counts.reduce((x, y) => x + y, 0),
  });
}

/** The current scoring as of `asOf`: customer id → probability, banded at 0.5. */
function insertScoring(
  db: Db,
  workspaceId: string,
  modelId: string,
  asOf: Date,
  probabilities: Map<number, number>,
): Promise<string> {
  return insertCurrentScoring(db, workspaceId, modelId, {
    asOf,
    current: true,
    predictions: [...probabilities].map(([customerId, probability]) => ({
      customerId,
      probability,
      riskBand: probability < 0.5 ? 'low' : 'high',
    })),
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`drift report over HTTP on ${kind}`, () => {
    let t: TestServer;
    let ids: Map<string, number>;
    let runs: { first: string; second: string };
    let modelId: string;

    beforeAll(async () => {
      t = await startTestServer(kind);
      const db = t.database.db;
      const ws = t.acme.workspace.id;
      const customers = Array.from({ length: 10 }, (_, i) => `c${i}`);
      ids = await insertCustomers(db, ws, customers);

      // Run 1 clustered c0..c3: c0, c1 in 0; c2, c3 in 1. Run 2 swapped the numbering (its 0
      // continues 1, its 1 continues 0): c2 stayed (now 0), c3 moved to 1, c0 and c1 stayed
      // (now 1), and c4 (new) joined 0 and c5 (new) joined 1.
      const first = await insertRun(db, ws, { k: 2, customers: 4 });
      const second = await insertRun(db, ws, {
        k: 2,
        customers: 6,
        previousRunId: first,
        matching: { previousOf: [1, 0], centroidShift: [0.2, 0.5] },
        movement: {
          compared: 4,
          moved: 1,
          movedShare: 0.25,
          flows: [
            [0, 2],
            [1, 1],
          ],
        },
      });
      runs = { first, second };
      const assign = (runId: string, customer: string, cluster: number) => ({
        run_id: runId,
        customer_id: ids.get(customer)!,
        cluster,
        confidence: 0.9,
      });
      await db
        .insertInto('cluster_assignments')
        .values([
          assign(first, 'c0', 0),
          assign(first, 'c1', 0),
          assign(first, 'c2', 1),
          assign(first, 'c3', 1),
          assign(second, 'c2', 0),
          assign(second, 'c4', 0),
          assign(second, 'c0', 1),
          assign(second, 'c1', 1),
          assign(second, 'c3', 1),
          assign(second, 'c5', 1),
        ])
        .execute();
      const loyal = await insertTag(db, ws, 'loyal', { kind: 'model', category: 'behaviour' });
      await db
        .insertInto('cluster_tags')
        .values({ run_id: second, cluster: 1, tag_id: loyal })
        .execute();
    });
    afterAll(() => t.close());

    it('reports no cluster runs and no churn section for an empty workspace', async () => {
      const drift = await getReport<Drift>(
        t,
        '/v1/workspaces/globex/reports/drift',
        t.globex.keys.service,
      );
      expect(drift).toEqual({ clusters: [], churn: null });
    });

    it('counts membership movement per cluster between runs', async () => {
      const drift = await getReport<Drift>(
        t,
        '/v1/workspaces/acme/reports/drift',
        t.acme.keys.service,
      );
      expect(drift.clusters).toHaveLength(1);
      expect(drift.clusters[0]).toMatchObject({
        runId: runs.second,
        previousRunId: runs.first,
        featureSet: 'frequency,monetary',
        customers: 6,
        compared: 4,
        moved: 1,
        movedShare: 0.25,
      });
      expect(drift.clusters[0]!.byCluster).toEqual([
        {
          cluster: 0,
          tag: null,
          previousCluster: 1,
          centroidShift: 0.2,
          customers: 2,
          stayed: 1,
          movedIn: 0,
          movedOut: 1,
          newCustomers: 1,
        },
        {
          cluster: 1,
          tag: 'loyal',
          previousCluster: 0,
          centroidShift: 0.5,
          customers: 4,
          stayed: 2,
          movedIn: 1,
          movedOut: 0,
          newCustomers: 1,
        },
      ]);
    });

    it('compares scores with training (PSI) and backtests a scoring whose window has passed', async () => {
      const db = t.database.db;
      const ws = t.acme.workspace.id;
      // Training: 60 % of out-of-fold scores in [0.1, 0.2), 40 % in [0.7, 0.8).
      const counts = new Array<number>(10).fill(0);
      counts[1] = 60;
      counts[7] = 40;
      modelId = await insertModel(db, ws, counts, 30);
      // Now: c0..c4 at 0.1, c5..c9 at 0.7, scored as of T.
      const probabilities = new Map(
        [...ids].map(([external, id]) => [id, Number(external.slice(1)) < 5 ? 0.1 : 0.7]),
      );
      await insertScoring(db, ws, modelId, new Date(T), probabilities);
      // Purchases in [T, T + 30 d): four of the 0.1 group (c0 at T exactly), one of the 0.7
      // group. c4 only visits (still churned), c9 buys exactly at T + 30 d (outside: churned).
      const event = (customer: string, at: string, eventKind = 'purchase') => ({
        workspace_id: ws,
        event_id: `${customer}-${at}-${eventKind}`,
        customer_id: ids.get(customer)!,
        occurred_at: new Date(at),
        kind: eventKind,
        amount: 10,
      });
      await db
        .insertInto('events')
        .values([
          event('c0', T),
          event('c1', '2024-01-05T00:00:00Z'),
          event('c2', '2024-01-10T00:00:00Z'),
          event('c3', '2024-01-30T23:59:59Z'),
          event('c4', '2024-01-15T00:00:00Z', 'visit'),
          event('c5', '2023-12-31T23:59:59Z'),
          event('c6', '2024-01-20T00:00:00Z'),
          event('c9', WINDOW_END),
        ])
        .execute();

      const { churn } = await getReport<Drift>(
        t,
        '/v1/workspaces/acme/reports/drift',
        t.acme.keys.operator,
      );
      expect(churn).not.toBeNull();
      expect(churn!.modelId).toBe(modelId);
      expect(churn!.training.rows).toBe(100);
      expect(churn!.training.bins[1]!.share).toBe(0.6);
      expect(churn!.current!.customers).toBe(10);
      expect(churn!.current!.asOf).toBe(T);
      expect(churn!.current!.bins.map((b) => b.share)).toEqual([0, 0.5, 0, 0, 0, 0, 0, 0.5, 0, 0]);
      // Empty bins on both sides contribute (floor − floor)·ln 1 = 0.
      expect(churn!.psi).toBeCloseTo(-0.1 * Math.log(0.5 / 0.6) + 0.1 * Math.log(0.5 / 0.4), 12);

      const backtest = churn!.backtest!;
      expect(backtest).toMatchObject({
        asOf: T,
        horizonDays: 30,
        windowEnd: WINDOW_END,
        due: true,
        pendingReason: null,
        customers: 10,
      });
      expect(backtest.predictedRate).toBeCloseTo(0.4, 12);
      // Churned: c4 (visit only) of the 0.1 group; c5 (bought before T), c7, c8, c9 of the 0.7 group.
      expect(backtest.realisedRate).toBe(0.5);
      expect(backtest.bins[1]).toMatchObject({ count: 5, realisedRate: 0.2 });
      expect(backtest.bins[1]!.meanPredicted).toBeCloseTo(0.1, 12);
      expect(backtest.bins[7]).toMatchObject({ count: 5, realisedRate: 0.8 });
      expect(backtest.bins[0]).toEqual({
        from: 0,
        to: 0.1,
        meanPredicted: null,
        realisedRate: null,
        count: 0,
      });
      expect(backtest.weightedMeanAbsoluteGap).toBeCloseTo(0.1, 12);
    });

    it('says a backtest is not due while the window is open or its events are missing', async () => {
      const db = t.database.db;
      const ws = t.globex.workspace.id;
      const globexIds = await insertCustomers(db, ws, ['g1', 'g2']);
      const model = await insertModel(db, ws, [0, 0, 0, 0, 0, 1, 0, 0, 0, 0], 30);
      const scoring = await insertScoring(
        db,
        ws,
        model,
        new Date(T),
        new Map([...globexIds.values()].map((id) => [id, 0.55])),
      );
      const read = async () =>
        (await getReport<Drift>(t, '/v1/workspaces/globex/reports/drift', t.globex.keys.analyst))
          .churn!;
      // The window has passed, but no event reaches its end: everyone would look churned.
      const missing = await read();
      expect(missing.psi).toBeCloseTo(0, 12);
      expect(missing.backtest).toMatchObject({ due: false, customers: 2, realisedRate: null });
      expect(missing.backtest!.pendingReason).toBe(
        'no event of a scored customer reaches 2024-01-31 00:00 UTC yet: load the events up to the end of the window',
      );
      expect(missing.backtest!.bins[5]).toMatchObject({
        count: 2,
        meanPredicted: 0.55,
        realisedRate: null,
      });

      const recent = new Date(Date.now() - 5 * DAY);
      await sql`UPDATE churn_scorings SET as_of = ${recent} WHERE job_id = ${scoring}`.execute(db);
      const open = await read();
      expect(open.backtest).toMatchObject({
        due: false,
        asOf: recent.toISOString(),
        windowEnd: new Date(recent.getTime() + 30 * DAY).toISOString(),
        realisedRate: null,
        weightedMeanAbsoluteGap: null,
        predictedRate: 0.55,
      });
      expect(open.backtest!.pendingReason).toContain('outcome window ends');
    });
  });
}
