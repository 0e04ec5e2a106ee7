import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../audit/change-hooks.ts';
import { ensureCustomers } from '../customers/customer.repository.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import { customerLookupBatches } from './customer-lookup-batches.ts';
import type { Db } from './database.ts';

const customerIdOf = customerLookupBatches<{ id: number }>(
  'test_customer_id_batches',
  `SELECT id FROM customers
    WHERE workspace_id = key.workspace_id AND external_id = key.external_id`,
);

/** A handle on the same connections that counts the queries sent through it. */
function countingQueries(db: Db): { db: Db; sent: () => number } {
  let sent = 0;
  const counter: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: (args) => {
      sent++;
      return Promise.resolve(args.result);
    },
  };
  return { db: db.withPlugin(counter), sent: () => sent };
}

/**
 * Holds the customers table locked in a transaction until `release`: on the PostgreSQL server
 * every read of it waits for the lock, on PGlite for the one connection the transaction holds.
 */
async function holdCustomersLocked(db: Db): Promise<{ release: () => Promise<void> }> {
  let unlock!: () => void;
  const unlocked = new Promise<void>((resolve) => (unlock = resolve));
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const done = db.transaction().execute(async (trx) => {
    await sql`LOCK TABLE customers IN ACCESS EXCLUSIVE MODE`.execute(trx);
    locked();
    await unlocked;
  });
  await isLocked;
  return {
    release: () => {
      unlock();
      return done;
    },
  };
}

/** Settles after the callbacks queued so far (a batch with a free slot dispatches then). */
const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));

for (const kind of testDatabaseKinds()) {
  describe(`customer lookups in batches on ${kind}`, () => {
    let database: TestDatabase;
    const workspaces: string[] = [];
    /** `${workspace index}/${external id}` → customer id. */
    const ids = new Map<string, number>();

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      for (const slug of ['north', 'south']) {
        const workspace = await createWorkspace(systemContext(database.db), { slug, name: slug });
        const created = await ensureCustomers(
          database.db,
          workspace.id,
          Array.from({ length: 300 }, (_, c) => `c${c}`),
        );
        for (const [externalId, id] of created.ids) {
          ids.set(`${workspaces.length}/${externalId}`, id);
        }
        workspaces.push(workspace.id);
      }
    }, 60_000);
    afterAll(() => database.destroy());

    it('answers each of many concurrent lookups with its own customer, across workspaces', async () => {
      const keys = Array.from({ length: 700 }, (_, n) => ({
        workspace: n % 2,
        // Every 7th id is unknown: no row, so no customer.
        externalId: n % 7 === 0 ? `unknown${n}` : `c${(n * 37) % 300}`,
      }));
      const answers = await Promise.all(
        keys.map((key) => customerIdOf(database.db, workspaces[key.workspace]!, key.externalId)),
      );
      expect(answers.map((answer) => answer?.id)).toEqual(
        keys.map((key) => ids.get(`${key.workspace}/${key.externalId}`)),
      );
    });

    it('sends the lookups that wait together as one query, at most 256 keys each', async () => {
      const { db, sent } = countingQueries(database.db);
      const lookup = (c: number) => customerIdOf(db, workspaces[0]!, `c${c}`);
      await Promise.all(Array.from({ length: 600 }, (_, c) => lookup(c % 300)));
      expect(sent()).toBe(3); // 256 + 256 + 88

      // Two batches in flight, held there by a lock; the lookups arriving meanwhile wait and
      // go out together once a batch is answered.
      const lock = await holdCustomersLocked(database.db);
      const first = lookup(1);
      await nextTick();
      const second = lookup(2);
      await nextTick();
      const waiting = Array.from({ length: 50 }, (_, c) => lookup(c));
      await nextTick();
      expect(sent()).toBe(3);
      await lock.release();
      const answers = await Promise.all([first, second, ...waiting]);
      expect(sent()).toBe(6);
      expect(answers.map((answer) => answer?.id)).toEqual(
        [1, 2, ...Array.from({ length: 50 }, (_, c) => c)].map((c) => ids.get(`0/c${c}`)),
      );
    });

    it('fails only the lookups of a failing batch, and answers the next ones', async () => {
      // A handle of its own, so these two lookups make a batch of their own.
      const { db } = countingQueries(database.db);
      const batch = [
        customerIdOf(db, workspaces[0]!, 'c1'),
        // Text PostgreSQL cannot hold fails the query the key travels in.
        customerIdOf(db, workspaces[0]!, 'c\u0000'),
      ];
      const settled = await Promise.allSettled(batch);
      expect(settled.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
      const after = await Promise.all(
        Array.from({ length: 5 }, (_, c) => customerIdOf(db, workspaces[1]!, `c${c}`)),
      );
      expect(after.map((answer) => answer?.id)).toEqual(
        Array.from({ length: 5 }, (_, c) => ids.get(`1/c${c}`)),
      );
    });
  });
}
