import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../audit/change-hooks.ts';
import { findCustomer, upsertCustomers } from '../customers/customer.repository.ts';
import { ingestEventBatch } from '../events/event.service.ts';
import { findJob } from '../jobs/job.repository.ts';
import { createJobRegistry } from '../jobs/job-handlers.ts';
import { createJob } from '../jobs/job.service.ts';
import { createWorker } from '../jobs/worker.ts';
import { createMemoryLogger } from '../logger.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';

for (const kind of testDatabaseKinds()) {
  describe(`feature-refresh job on ${kind}`, () => {
    let database: TestDatabase;
    let workspace: WorkspaceRow;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      const ctx = systemContext(database.db);
      workspace = await createWorkspace(ctx, { slug: 'retail' });
      await upsertCustomers(database.db, workspace.id, [
        { externalId: 'quiet', attributes: { plan: 'basic' } },
      ]);
      await ingestEventBatch(ctx, workspace, [
        {
          eventId: '1',
          customerId: 'c1',
          occurredAt: '2024-01-01T00:00:00Z',
          kind: 'purchase',
          amount: 10,
          invoice: 'i1',
        },
        {
          eventId: '2',
          customerId: 'c1',
          occurredAt: '2024-01-11T00:00:00Z',
          kind: 'purchase',
          amount: 30,
          invoice: 'i2',
        },
        {
          eventId: '3',
          customerId: 'c1',
          occurredAt: '2024-01-21T00:00:00Z',
          kind: 'return',
          amount: -5,
          invoice: 'i3',
        },
        // After the cut-off: must not count.
        {
          eventId: '4',
          customerId: 'c1',
          occurredAt: '2024-02-05T00:00:00Z',
          kind: 'purchase',
          amount: 99,
          invoice: 'i4',
        },
      ]);
    });
    afterAll(() => database.destroy());

    it('computes features of stale customers as of the cut-off and clears their stale flag', async () => {
      const registry = createJobRegistry();
      const job = await createJob(systemContext(database.db), registry, workspace, {
        kind: 'feature-refresh',
        params: { asOf: '2024-01-31T00:00:00Z', windowDays: 30 },
      });
      const worker = createWorker({ db: database.db, registry, logger: createMemoryLogger() });
      expect(await worker.runOnce()).toBe(true);
      const done = (await findJob(database.db, workspace.id, job.id))!;
      expect(done.status).toBe('succeeded');
      expect(done.result).toEqual({
        customers: 2,
        withEvents: 1,
        asOf: '2024-01-31T00:00:00.000Z',
        scope: 'stale',
      });

      const c1 = (await findCustomer(database.db, workspace.id, 'c1'))!;
      expect(c1.features_stale).toBe(false);
      expect(c1.features_as_of?.toISOString()).toBe('2024-01-31T00:00:00.000Z');
      expect(c1.features).toMatchObject({
        recency_days: 20, // last purchase 2024-01-11
        frequency: 2, // invoices i1, i2
        monetary: 35, // 10 + 30 - 5
        avg_order_value: 20, // 40 gross / 2 orders
        tenure_days: 30, // first event 2024-01-01
        return_rate: 0.125, // 5 / 40
        orders_last_30: 2,
        orders_prev_30: 0,
      });
      const quiet = (await findCustomer(database.db, workspace.id, 'quiet'))!;
      expect(quiet.features).toBeNull();
      expect(quiet.features_stale).toBe(false);
    });

    it('rejects unknown params when the job is created', async () => {
      await expect(
        createJob(systemContext(database.db), createJobRegistry(), workspace, {
          kind: 'feature-refresh',
          params: { asOf: 'tomorrow', extra: 1 },
        }),
      ).rejects.toMatchObject({ slug: 'validation-failed' });
    });
  });
}
