import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, type ChangeRecord, type ServiceContext } from '../audit/change-hooks.ts';
import { findCustomer } from '../customers/customer.repository.ts';
import { readCsvBody } from '../ingest/csv-body.ts';
import { ProblemError } from '../http/problem.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { countEvents, listCustomerEvents } from './event.repository.ts';
import { ingestEventBatch, ingestEventCsv } from './event.service.ts';
import type { EventInput } from './event.schema.ts';

const csv = (text: string) =>
  readCsvBody(
    new Request('http://localhost/', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: text,
    }),
    ['event_id', 'customer_id', 'occurred_at'],
  );

const order = (eventId: string, customerId: string, amount: number): EventInput => ({
  eventId,
  customerId,
  occurredAt: '2024-03-01T10:00:00Z',
  kind: 'purchase',
  amount,
});

async function rejection(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error('expected a ProblemError');
}

for (const kind of testDatabaseKinds()) {
  describe(`event ingest on ${kind}`, () => {
    let database: TestDatabase;
    let workspace: WorkspaceRow;
    let ctx: ServiceContext;
    const changes: ChangeRecord[] = [];
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      workspace = await createWorkspace(systemContext(database.db), { slug: 'shop' });
      ctx = {
        ...systemContext(database.db),
        changeHooks: [
          async (trx, change) => {
            // Runs in the write transaction: it sees the rows the batch inserted.
            const n = await countEvents(trx, workspace.id);
            changes.push({ ...change, data: { ...change.data, eventsVisible: n } });
          },
        ],
      };
    });
    afterAll(() => database.destroy());

    it('stores a batch, creates unknown customers and marks them stale', async () => {
      const result = await ingestEventBatch(ctx, workspace, [
        order('e1', 'c1', 10),
        order('e2', 'c1', 5),
        order('e3', 'c2', 7),
      ]);
      expect(result).toEqual({ received: 3, inserted: 3, duplicates: 0, customersCreated: 2 });
      expect((await findCustomer(database.db, workspace.id, 'c1'))?.features_stale).toBe(true);
      expect(changes.at(-1)).toMatchObject({
        action: 'events.ingested',
        workspaceId: workspace.id,
        data: { received: 3, inserted: 3, eventsVisible: 3 },
      });
    });

    it('treats a re-sent batch as a no-op', async () => {
      await database.db.updateTable('customers').set({ features_stale: false }).execute();
      const again = await ingestEventBatch(ctx, workspace, [
        order('e1', 'c1', 10),
        order('e3', 'c2', 7),
      ]);
      expect(again).toEqual({ received: 2, inserted: 0, duplicates: 2, customersCreated: 0 });
      expect(await countEvents(database.db, workspace.id)).toBe(3);
      expect((await findCustomer(database.db, workspace.id, 'c1'))?.features_stale).toBe(false);
    });

    it('rejects a batch with a duplicated event id and stores none of it', async () => {
      const problem = await rejection(
        ingestEventBatch(ctx, workspace, [
          order('n1', 'c9', 1),
          order('n2', 'c9', 1),
          order('n1', 'c9', 2),
        ]),
      );
      expect(problem.slug).toBe('batch-rejected');
      expect(problem.errors).toEqual([
        { path: 'events.2.eventId', message: 'duplicate of events.0 in this batch' },
      ]);
      expect(await countEvents(database.db, workspace.id)).toBe(3);
      expect(await findCustomer(database.db, workspace.id, 'c9')).toBeUndefined();
    });

    it('rolls the whole batch back when a change hook fails', async () => {
      const failing: ServiceContext = {
        ...ctx,
        changeHooks: [
          async () => {
            throw new Error('outbox unavailable');
          },
        ],
      };
      await expect(ingestEventBatch(failing, workspace, [order('h1', 'c8', 1)])).rejects.toThrow(
        'outbox unavailable',
      );
      expect(await countEvents(database.db, workspace.id)).toBe(3);
      expect(await findCustomer(database.db, workspace.id, 'c8')).toBeUndefined();
    });

    it('ingests CSV, putting unknown columns in the payload and reading times without offset as UTC', async () => {
      const result = await ingestEventCsv(
        ctx,
        workspace,
        csv(
          'event_id,customer_id,occurred_at,kind,amount,quantity,invoice,country\n' +
            'r1,c3,2010-12-01T08:26:00,purchase,15.3,6,536365,United Kingdom\n' +
            'r2,c3,2010-12-02 09:00,return,-2.5,,536366,\n',
        ),
      );
      expect(result).toEqual({ received: 2, inserted: 2, duplicates: 0, customersCreated: 1 });
      const c3 = (await findCustomer(database.db, workspace.id, 'c3'))!;
      const events = await listCustomerEvents(database.db, c3.id, { limit: 10 });
      expect(
        events.map((e) => [e.event_id, e.occurred_at.toISOString(), e.amount, e.quantity]),
      ).toEqual([
        ['r1', '2010-12-01T08:26:00.000Z', 15.3, 6],
        ['r2', '2010-12-02T09:00:00.000Z', -2.5, null],
      ]);
      expect(events[0]!.payload).toEqual({ country: 'United Kingdom' });
      expect(events[0]!.invoice).toBe('536365');
    });

    it('lists every bad CSV row by line and column, and stores nothing', async () => {
      const problem = await rejection(
        ingestEventCsv(
          ctx,
          workspace,
          csv(
            'event_id,customer_id,occurred_at,kind,amount\n' +
              'ok1,c4,2024-01-01T00:00:00Z,purchase,1\n' +
              'bad1,c4,yesterday,purchase,1\n' +
              'bad2,,2024-01-01T00:00:00Z,Purchase,abc\n' +
              'ok1,c4,2024-01-02T00:00:00Z,purchase,2\n',
          ),
        ),
      );
      expect(problem.slug).toBe('batch-rejected');
      expect(problem.detail).toBe('3 invalid rows (5 problems); nothing was stored');
      expect(problem.errors.map((e) => e.path)).toEqual([
        'line.3.occurred_at',
        'line.4.amount',
        'line.4.customer_id',
        'line.4.kind',
        'line.5.event_id',
      ]);
      expect(await findCustomer(database.db, workspace.id, 'c4')).toBeUndefined();
    });

    it('pages a customer’s events in time order with a keyset', async () => {
      const c1 = (await findCustomer(database.db, workspace.id, 'c1'))!;
      await ingestEventBatch(ctx, workspace, [
        { ...order('e0', 'c1', 1), occurredAt: '2024-02-01T00:00:00Z' },
      ]);
      const first = await listCustomerEvents(database.db, c1.id, { limit: 2 });
      const rest = await listCustomerEvents(database.db, c1.id, {
        limit: 2,
        afterId: first[1]!.id,
      });
      expect([...first, ...rest].map((e) => e.event_id)).toEqual(['e0', 'e1', 'e2']);
    });
  });
}
