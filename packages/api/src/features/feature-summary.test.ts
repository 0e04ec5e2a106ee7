import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import {
  findCustomer,
  saveCustomerFeatures,
  upsertCustomers,
} from '../customers/customer.repository.ts';
import { createReadiness } from '../health/readiness.ts';
import { JobRegistry } from '../jobs/job-registry.ts';
import { createMemoryLogger } from '../logger.ts';
import { createWorkspaceFixture, type WorkspaceFixture } from '../testing/fixtures.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import type { FeatureSummary } from './feature-summary.schema.ts';
import { summariseFeatures } from './feature-summary.service.ts';

for (const kind of testDatabaseKinds()) {
  describe(`feature summary on ${kind}`, () => {
    let database: TestDatabase;
    let acme: WorkspaceFixture;
    let app: ReturnType<typeof createApp>;
    const asOf = new Date('2026-01-31T00:00:00Z');

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      acme = await createWorkspaceFixture(database.db, 'acme');
      const db = database.db;
      const id = acme.workspace.id;
      await upsertCustomers(db, id, [
        { externalId: 'a', attributes: { plan: 'basic', seats: 1 } },
        { externalId: 'b', attributes: { plan: 'basic', seats: 1 } },
        { externalId: 'c', attributes: { plan: 'pro', seats: null } },
        { externalId: 'd', attributes: { plan: 'basic' } },
        { externalId: 'e', attributes: { plan: 'pro', seats: 5 } },
      ]);
      const updates = [];
      for (const [externalId, recency] of [
        ['a', 1],
        ['b', 2],
        ['c', 3],
        ['d', 4],
      ] as const) {
        const customer = await findCustomer(db, id, externalId);
        updates.push({ customerId: customer!.id, features: { recency_days: recency } });
      }
      await saveCustomerFeatures(db, id, updates, asOf, new Date(Date.now() + 60_000));
      app = createApp({
        db,
        logger: createMemoryLogger(),
        jobs: new JobRegistry(),
        readiness: createReadiness(),
      });
    });
    afterAll(() => database.destroy());

    const summary = async (key: string) => {
      const res = await app.request('/v1/workspaces/acme/features/summary', {
        headers: { authorization: `Bearer ${key}` },
      });
      return res;
    };

    it('gives counts, missing, moments, quantiles and a histogram per numeric column', async () => {
      const res = await summary(acme.keys.analyst);
      expect(res.status).toBe(200);
      const body = (await res.json()) as FeatureSummary;
      expect(body).toMatchObject({
        customers: 5,
        withFeatures: 4,
        staleFeatures: 1,
        featuresAsOf: asOf.toISOString(),
      });
      const recency = body.columns.find((c) => c.name === 'recency_days')!;
      expect(recency).toMatchObject({
        source: 'feature',
        kind: 'numeric',
        count: 4,
        missing: 1,
        min: 1,
        max: 4,
      });
      expect(recency.mean).toBeCloseTo(2.5, 12);
      expect(recency.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
      // Linear interpolation between order statistics (percentile_cont).
      expect(recency.quantiles!.p05).toBeCloseTo(1.15, 12);
      expect(recency.quantiles!.p25).toBeCloseTo(1.75, 12);
      expect(recency.quantiles!.p50).toBeCloseTo(2.5, 12);
      expect(recency.quantiles!.p75).toBeCloseTo(3.25, 12);
      expect(recency.quantiles!.p95).toBeCloseTo(3.85, 12);
      const counts = new Array<number>(20).fill(0);
      counts[0] = 1; // 1
      counts[6] = 1; // 2: (2-1)/3 of the way = bin 6 of 20
      counts[13] = 1; // 3
      counts[19] = 1; // 4: the maximum belongs to the last bin
      expect(recency.histogram).toEqual({ min: 1, max: 4, counts });

      const seats = body.columns.find((c) => c.name === 'seats')!;
      expect(seats).toMatchObject({
        source: 'attribute',
        kind: 'numeric',
        count: 3,
        missing: 2,
        min: 1,
        max: 5,
      });
      expect(seats.histogram!.counts[0]).toBe(2);
      expect(seats.histogram!.counts[19]).toBe(1);
    });

    it('gives the most frequent values of text columns', async () => {
      const body = (await (await summary(acme.keys.operator)).json()) as FeatureSummary;
      expect(body.columns.find((c) => c.name === 'plan')).toMatchObject({
        source: 'attribute',
        kind: 'categorical',
        count: 0,
        missing: 5,
        mean: null,
        quantiles: null,
        histogram: null,
        distinct: 2,
        categories: [
          { value: 'basic', count: 3 },
          { value: 'pro', count: 2 },
        ],
      });
      // Features first, then attributes, each by name.
      expect(body.columns.map((c) => c.name)).toEqual(['recency_days', 'plan', 'seats']);
    });

    it('summarises every k-th customer above the sample limit, and says so', async () => {
      const full = await summariseFeatures(database.db, acme.workspace);
      expect(full.sample).toBeNull();
      // 5 customers, at most 2 read: every 3rd internal id.
      const sampled = await summariseFeatures(database.db, acme.workspace, { sampleLimit: 2 });
      const rows = await database.db
        .selectFrom('customers')
        .select(['id', 'external_id'])
        .where('workspace_id', '=', acme.workspace.id)
        .execute();
      const inSample = rows.filter((r) => Number(r.id) % 3 === 0);
      expect(sampled.sample).toEqual({ customers: inSample.length, every: 3 });
      expect(sampled.customers).toBe(5);
      const withRecency = inSample.filter((r) => ['a', 'b', 'c', 'd'].includes(r.external_id));
      const recency = sampled.columns.find((c) => c.name === 'recency_days');
      expect(recency?.count ?? 0).toBe(withRecency.length);
      if (recency !== undefined) expect(recency.missing).toBe(inSample.length - withRecency.length);
    });

    it('is not for service keys', async () => {
      expect((await summary(acme.keys.service)).status).toBe(403);
    });
  });
}
