import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../audit/change-hooks.ts';
import { ensureCustomers } from '../customers/customer.repository.ts';
import type { Db } from '../db/database.ts';
import { ensureTag } from '../tags/tag.repository.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { migrateDown, migrateToLatest, migrationStatus } from '../db/migrations/index.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import { findCustomerSuggestionsJson, insertSuggestions } from './suggestion.repository.ts';

/**
 * The views stored per customer (migration `20261125T0018-store-customer-suggestion-views`)
 * against the same views built on the spot from the suggestions, after every kind of change,
 * and, on the PostgreSQL server, with transactions that change the same customer or tag at once.
 */

const VIEWS_MIGRATION = '20261125T0018-store-customer-suggestion-views';

interface Drift {
  readonly customer_id: string;
  readonly stored: string | null;
  readonly built: string;
}

/** Customers whose stored view differs from the one their suggestions give now. */
async function viewsOutOfDate(db: Db): Promise<Drift[]> {
  const { rows } = await sql<Drift>`
    SELECT c.id AS customer_id, v.items AS stored,
           customer_suggestions_view_json(c.id, NULL, 1000) AS built
      FROM customers c LEFT JOIN customer_suggestion_views v ON v.customer_id = c.id
     WHERE coalesce(v.items, '[]') <> customer_suggestions_view_json(c.id, NULL, 1000)`.execute(db);
  return rows;
}

async function staleMarksLeft(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM customer_suggestion_views_stale)::int
         + (SELECT count(*) FROM suggestion_tags_renamed)::int AS n`.execute(db);
  return rows[0]!.n;
}

/** Resolves once `release` is called: holds a transaction open at a chosen point. */
function gate(): { wait: Promise<void>; release: () => void } {
  let release!: () => void;
  const wait = new Promise<void>((resolve) => (release = resolve));
  return { wait, release };
}

/**
 * Starts a transaction that inserts `rows` and stays open until `commit` is called; resolves
 * once the rows are inserted. `committed` settles when the transaction has ended.
 */
async function insertAndHoldOpen(
  db: Db,
  rows: Parameters<typeof insertSuggestions>[1],
): Promise<{ commit: () => void; committed: Promise<void> }> {
  const open = gate();
  const inserted = gate();
  const committed = db.transaction().execute(async (trx) => {
    await insertSuggestions(trx, rows);
    inserted.release();
    await open.wait;
  });
  await inserted.wait;
  return { commit: open.release, committed };
}

for (const kind of testDatabaseKinds()) {
  describe(`customer suggestion views on ${kind}`, () => {
    let database: TestDatabase;
    let workspaceId: string;
    let customers: Map<string, number>;
    let tagIds: { steady: string; fading: string };

    const suggestion = (customer: string, tagId: string, sourceVersion: string) => ({
      workspace_id: workspaceId,
      customer_id: customers.get(customer)!,
      tag_id: tagId,
      source: 'cluster' as const,
      source_version: sourceVersion,
      confidence: 0.7,
      explanation: JSON.stringify({ factors: [{ feature: 'recency_days', value: 3 }], text: 'x' }),
    });
    const items = async (customer: string) =>
      JSON.parse((await findCustomerSuggestionsJson(database.db, workspaceId, customer))!) as {
        id: string;
        tagDisplayName: string;
        status: string;
        sourceVersion: string;
      }[];

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      const workspace = await createWorkspace(systemContext(database.db), { slug: 'acme' });
      workspaceId = workspace.id;
      customers = (await ensureCustomers(database.db, workspaceId, ['c1', 'c2', 'c3', 'quiet']))
        .ids;
      const tag = (slug: string, displayName: string) =>
        ensureTag(database.db, workspaceId, {
          slug,
          displayName,
          kind: 'model',
          category: 'behaviour',
          definition: '',
        });
      tagIds = {
        steady: (await tag('steady-buyers', 'Steady buyers')).id,
        fading: (await tag('fading-buyers', 'Fading buyers')).id,
      };
    });
    afterAll(() => database.destroy());

    it('stay equal to the views built on the spot through every kind of change', async () => {
      const db = database.db;
      await insertSuggestions(db, [
        suggestion('c1', tagIds.steady, 'run-1'),
        suggestion('c1', tagIds.fading, 'run-1'),
        suggestion('c2', tagIds.steady, 'run-1'),
      ]);
      expect((await items('c1')).map((s) => s.tagDisplayName).sort()).toEqual([
        'Fading buyers',
        'Steady buyers',
      ]);
      expect(await items('quiet')).toEqual([]);

      const changes: [string, () => Promise<unknown>][] = [
        [
          'a decision',
          () =>
            db
              .updateTable('suggestions')
              .set({ status: 'accepted' })
              .where('customer_id', '=', customers.get('c1')!)
              .where('tag_id', '=', tagIds.steady)
              .execute(),
        ],
        [
          'a tag renamed',
          () =>
            db
              .updateTable('tags')
              .set({ display_name: 'Loyal buyers', slug: 'loyal-buyers' })
              .where('id', '=', tagIds.steady)
              .execute(),
        ],
        ['a second run', () => insertSuggestions(db, [suggestion('c2', tagIds.fading, 'run-2')])],
        [
          'a transaction of several statements',
          () =>
            db.transaction().execute(async (trx) => {
              await insertSuggestions(trx, [suggestion('c3', tagIds.fading, 'run-2')]);
              await trx
                .updateTable('suggestions')
                .set({ status: 'rejected' })
                .where('source_version', '=', 'run-2')
                .execute();
              await trx
                .updateTable('tags')
                .set({ display_name: 'Lapsing buyers' })
                .where('id', '=', tagIds.fading)
                .execute();
            }),
        ],
        [
          'a suggestion deleted',
          () =>
            db
              .deleteFrom('suggestions')
              .where('customer_id', '=', customers.get('c2')!)
              .where('source_version', '=', 'run-1')
              .execute(),
        ],
        ['a tag deleted', () => db.deleteFrom('tags').where('id', '=', tagIds.fading).execute()],
        [
          'a customer deleted',
          () => db.deleteFrom('customers').where('external_id', '=', 'c3').execute(),
        ],
      ];
      for (const [change, apply] of changes) {
        await apply();
        expect({ change, outOfDate: await viewsOutOfDate(db) }).toEqual({ change, outOfDate: [] });
        expect(await staleMarksLeft(db)).toBe(0);
      }
      expect((await items('c1')).map((s) => [s.tagDisplayName, s.status])).toEqual([
        ['Loyal buyers', 'accepted'],
      ]);
      expect(await items('c2')).toEqual([]);
    });

    it('are built for the suggestions a database held before it was migrated to them', async () => {
      const upgraded = await createTestDatabase(kind);
      try {
        const applied = async () =>
          (await migrationStatus(upgraded.db)).find((m) => m.name === VIEWS_MIGRATION)
            ?.executedAt !== undefined;
        while (await applied()) await migrateDown(upgraded.db);
        const other = await createWorkspace(systemContext(upgraded.db), { slug: 'acme' });
        const ids = (await ensureCustomers(upgraded.db, other.id, ['c1', 'c2'])).ids;
        const tag = await ensureTag(upgraded.db, other.id, {
          slug: 'steady-buyers',
          displayName: 'Steady buyers',
          kind: 'model',
          category: 'behaviour',
          definition: '',
        });
        await insertSuggestions(
          upgraded.db,
          ['c1', 'c2'].map((customer) => ({
            ...suggestion(customer, tag.id, 'run-1'),
            workspace_id: other.id,
            customer_id: ids.get(customer)!,
          })),
        );
        await migrateToLatest(upgraded.db);
        expect(await viewsOutOfDate(upgraded.db)).toEqual([]);
        const stored = await findCustomerSuggestionsJson(upgraded.db, other.id, 'c2');
        expect(JSON.parse(stored!)).toMatchObject([{ customer: 'c2', tag: 'steady-buyers' }]);
      } finally {
        await upgraded.destroy();
      }
    });

    it('are left as they were by a transaction that rolls back', async () => {
      const before = await findCustomerSuggestionsJson(database.db, workspaceId, 'c1');
      await expect(
        database.db.transaction().execute(async (trx) => {
          await insertSuggestions(trx, [suggestion('c1', tagIds.steady, 'run-rolled-back')]);
          throw new Error('give up');
        }),
      ).rejects.toThrow('give up');
      expect(await findCustomerSuggestionsJson(database.db, workspaceId, 'c1')).toBe(before);
      expect(await staleMarksLeft(database.db)).toBe(0);
    });

    // One PGlite handle runs one transaction at a time: concurrency needs the server.
    it.runIf(kind === 'postgres')(
      'hold what both of two concurrent transactions on one customer committed',
      async () => {
        const db = database.db;
        const first = await insertAndHoldOpen(db, [
          suggestion('c1', tagIds.steady, 'concurrent-1'),
        ]);
        await insertSuggestions(db, [suggestion('c1', tagIds.steady, 'concurrent-2')]);
        first.commit();
        await first.committed;
        expect(await viewsOutOfDate(db)).toEqual([]);
        expect((await items('c1')).map((s) => s.sourceVersion)).toEqual(
          expect.arrayContaining(['concurrent-1', 'concurrent-2']),
        );
      },
    );

    it.runIf(kind === 'postgres')(
      'rename a tag only once transactions inserting its suggestions commit, showing the new name on theirs too',
      async () => {
        const db = database.db;
        const inserting = await insertAndHoldOpen(db, [
          suggestion('c2', tagIds.steady, 'during-rename'),
        ]);
        const finished: string[] = [];
        const renaming = db
          .updateTable('tags')
          .set({ display_name: 'Regular buyers' })
          .where('id', '=', tagIds.steady)
          .execute()
          .then(() => finished.push('rename'));
        setTimeout(() => {
          finished.push('insert');
          inserting.commit();
        }, 200);
        await Promise.all([inserting.committed, renaming]);
        // Had the rename not waited, it could have read the tag's customers before the
        // insert committed, and the insert its tag's name before the rename did.
        expect(finished).toEqual(['insert', 'rename']);
        expect(await viewsOutOfDate(db)).toEqual([]);
        expect((await items('c2')).map((s) => [s.sourceVersion, s.tagDisplayName])).toEqual([
          ['during-rename', 'Regular buyers'],
        ]);
      },
    );
  });
}
