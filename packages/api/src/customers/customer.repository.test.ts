import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../audit/change-hooks.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import {
  countCustomers,
  ensureCustomers,
  findCustomer,
  listCustomers,
  markCustomersStale,
  saveCustomerFeatures,
  streamCustomers,
  upsertCustomers,
} from './customer.repository.ts';

for (const kind of testDatabaseKinds()) {
  describe(`customer repository on ${kind}`, () => {
    let database: TestDatabase;
    let acme: WorkspaceRow;
    let other: WorkspaceRow;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      acme = await createWorkspace(systemContext(database.db), { slug: 'acme' });
      other = await createWorkspace(systemContext(database.db), { slug: 'other' });
    });
    afterAll(() => database.destroy());

    it('upserts by external id: inserts, replaces changed attributes, leaves equal ones untouched', async () => {
      const db = database.db;
      expect(
        await upsertCustomers(db, acme.id, [
          { externalId: 'a', attributes: { plan: 'basic', seats: 2 } },
          { externalId: 'b', attributes: {} },
        ]),
      ).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
      await db.updateTable('customers').set({ features_stale: false }).execute();

      expect(
        await upsertCustomers(db, acme.id, [
          { externalId: 'a', attributes: { seats: 2, plan: 'basic' } }, // same, other key order
          { externalId: 'b', attributes: { plan: 'pro' } },
          { externalId: 'c', attributes: { plan: 'pro' } },
        ]),
      ).toEqual({ inserted: 1, updated: 1, unchanged: 1 });
      expect((await findCustomer(db, acme.id, 'a'))?.features_stale).toBe(false);
      expect((await findCustomer(db, acme.id, 'b'))?.features_stale).toBe(true);
      expect((await findCustomer(db, acme.id, 'b'))?.attributes).toEqual({ plan: 'pro' });
      // Same external id in another workspace is another customer.
      expect(await upsertCustomers(db, other.id, [{ externalId: 'a', attributes: {} }])).toEqual({
        inserted: 1,
        updated: 0,
        unchanged: 0,
      });
      expect(await countCustomers(db, acme.id)).toEqual({ total: 3, stale: 2 });
    });

    it('ensures customers named by events and reports how many were new', async () => {
      const { ids, created } = await ensureCustomers(database.db, acme.id, ['a', 'x', 'y', 'x']);
      expect(created).toBe(2);
      expect([...ids.keys()].sort()).toEqual(['a', 'x', 'y']);
      expect(ids.get('a')).toBe((await findCustomer(database.db, acme.id, 'a'))?.id);
    });

    it('pages by external id and streams by id in small batches, each customer once', async () => {
      const db = database.db;
      const first = await listCustomers(db, acme.id, { limit: 2 });
      const second = await listCustomers(db, acme.id, {
        limit: 2,
        afterExternalId: first[1]!.external_id,
      });
      const third = await listCustomers(db, acme.id, {
        limit: 2,
        afterExternalId: second[1]!.external_id,
      });
      expect([...first, ...second, ...third].map((c) => c.external_id)).toEqual([
        'a',
        'b',
        'c',
        'x',
        'y',
      ]);

      const batches: number[] = [];
      const seen: string[] = [];
      for await (const batch of streamCustomers(db, acme.id, { batchSize: 2 })) {
        batches.push(batch.length);
        seen.push(...batch.map((c) => c.external_id));
      }
      expect(batches).toEqual([2, 2, 1]);
      expect(seen.sort()).toEqual(['a', 'b', 'c', 'x', 'y']);
    });

    it('keeps a customer stale when it changed after the feature computation started', async () => {
      const db = database.db;
      const a = (await findCustomer(db, acme.id, 'a'))!;
      const b = (await findCustomer(db, acme.id, 'b'))!;
      const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db);
      const computedFrom = rows[0]!.now;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await markCustomersStale(db, [b.id]); // an event arrives while features are computed
      const asOf = new Date('2024-01-01T00:00:00Z');
      await saveCustomerFeatures(
        db,
        acme.id,
        [
          { customerId: a.id, features: { frequency: 3 } },
          { customerId: b.id, features: null },
        ],
        asOf,
        computedFrom,
      );
      const savedA = (await findCustomer(db, acme.id, 'a'))!;
      const savedB = (await findCustomer(db, acme.id, 'b'))!;
      expect(savedA.features).toEqual({ frequency: 3 });
      expect(savedA.features_as_of?.toISOString()).toBe(asOf.toISOString());
      expect(savedA.features_stale).toBe(false);
      expect(savedB.features).toBeNull();
      expect(savedB.features_stale).toBe(true);
      const stale = await listCustomers(db, acme.id, { limit: 10, onlyStale: true });
      expect(stale.map((c) => c.external_id)).not.toContain('a');
    });
  });
}
