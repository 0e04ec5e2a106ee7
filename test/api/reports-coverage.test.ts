import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';
import { getReport, insertCustomers, insertTag } from './reports-data.ts';

const DAY = 86_400_000;
const R1 = '2024-01-10T00:00:00.000Z';
const R2 = '2024-02-10T00:00:00.000Z';

interface Coverage {
  customers: number;
  tagged: number;
  byCategory: { category: string; customers: number; share: number }[];
  tags: { slug: string; category: string; kind: string; status: string; holders: number }[];
  trend: { at: string; jobId: string; tagged: number; byTag: Record<string, number> }[];
}

interface UnusedTags {
  days: number;
  tags: {
    slug: string;
    status: string;
    holders: number;
    lastAssignedAt: string | null;
    lastReadAt: string | null;
    reason: string;
  }[];
}

/**
 * A finished job of `kind` (only succeeded `suggest` jobs mark refreshes), inserted finished:
 * a queued one would be claimed and run by the test server's worker.
 */
async function finishedJob(
  db: Db,
  workspaceId: string,
  kind: string,
  status: 'succeeded' | 'failed',
  at: string,
): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({ workspace_id: workspaceId, kind, params: '{}', status, finished_at: new Date(at) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

for (const kind of testDatabaseKinds()) {
  describe(`coverage and unused-tag reports over HTTP on ${kind}`, () => {
    let t: TestServer;
    let refreshes: string[];
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);

    beforeAll(async () => {
      t = await startTestServer(kind);
      const db = t.database.db;
      const ws = t.acme.workspace.id;
      const ids = await insertCustomers(db, ws, ['c1', 'c2', 'c3', 'c4', 'c5']);
      const big = await insertTag(db, ws, 'big-spender', { category: 'value' });
      const risk = await insertTag(db, ws, 'at-risk', {
        category: 'lifecycle',
        kind: 'predictive',
      });
      await insertTag(db, ws, 'newsletter', { category: 'interest' });
      const vip = await insertTag(db, ws, 'vip', { category: 'value' });
      const old = await insertTag(db, ws, 'old-tag', { status: 'archived' });
      const hold = (customer: string, tagId: string, from: Date, to: Date | null = null) => ({
        workspace_id: ws,
        customer_id: ids.get(customer)!,
        tag_id: tagId,
        source: 'manual' as const,
        assigned_at: from,
        removed_at: to,
      });
      await db
        .insertInto('customer_tags')
        .values([
          hold('c1', big, new Date('2024-01-01T00:00:00Z')),
          hold('c2', big, new Date('2024-01-05T00:00:00Z'), new Date('2024-02-01T00:00:00Z')),
          hold('c3', big, new Date('2024-02-05T00:00:00Z')),
          hold('c3', risk, new Date('2024-01-20T00:00:00Z')),
          // Removed exactly at the first refresh: not held then (removed_at > t is false).
          hold('c4', risk, new Date('2024-01-09T00:00:00Z'), new Date(R1)),
          hold('c5', vip, day(40)),
          hold('c1', old, new Date('2024-01-01T00:00:00Z'), new Date('2024-01-02T00:00:00Z')),
        ])
        .execute();
      // vip was last read 40 days ago.
      await db
        .insertInto('tag_reads')
        .values({ tag_id: vip, day: day(40).toISOString().slice(0, 10), reads: 3 })
        .execute();
      refreshes = [
        await finishedJob(db, ws, 'suggest', 'succeeded', R1),
        await finishedJob(db, ws, 'suggest', 'succeeded', R2),
      ];
      // Neither a failed suggest job nor another kind of job is a refresh.
      await finishedJob(db, ws, 'suggest', 'failed', '2024-01-15T00:00:00Z');
      await finishedJob(db, ws, 'feature-refresh', 'succeeded', '2024-01-16T00:00:00Z');
      // Another workspace's data stays out.
      const globexTag = await insertTag(db, t.globex.workspace.id, 'big-spender');
      const globexIds = await insertCustomers(db, t.globex.workspace.id, ['g1']);
      await db
        .insertInto('customer_tags')
        .values({
          workspace_id: t.globex.workspace.id,
          customer_id: globexIds.get('g1')!,
          tag_id: globexTag,
          source: 'manual',
          assigned_at: new Date('2024-01-01T00:00:00Z'),
        })
        .execute();
      await finishedJob(db, t.globex.workspace.id, 'suggest', 'succeeded', R1);
    });
    afterAll(() => t.close());

    it('counts holders now, per category and per tag', async () => {
      const report = await getReport<Coverage>(
        t,
        '/v1/workspaces/acme/reports/coverage',
        t.acme.keys.service,
      );
      // Held now: c1 and c3 big-spender, c3 at-risk, c5 vip.
      expect(report.customers).toBe(5);
      expect(report.tagged).toBe(3);
      expect(report.byCategory).toEqual([
        { category: 'attribute', customers: 0, share: 0 },
        { category: 'behaviour', customers: 0, share: 0 },
        { category: 'interest', customers: 0, share: 0 },
        { category: 'lifecycle', customers: 1, share: 0.2 },
        { category: 'value', customers: 3, share: 0.6 },
      ]);
      expect(report.tags.map((tag) => [tag.slug, tag.holders])).toEqual([
        ['big-spender', 2],
        ['at-risk', 1],
        ['vip', 1],
        ['newsletter', 0],
        ['old-tag', 0],
      ]);
      expect(report.tags[1]).toMatchObject({
        category: 'lifecycle',
        kind: 'predictive',
        status: 'active',
      });
    });

    it('counts holders at each refresh from the tag history', async () => {
      const report = await getReport<Coverage>(
        t,
        '/v1/workspaces/acme/reports/coverage',
        t.acme.keys.operator,
      );
      expect(report.trend).toEqual([
        // At R1: c1 and c2 hold big-spender; c4's at-risk ended at R1; old-tag ended before.
        { at: R1, jobId: refreshes[0], tagged: 2, byTag: { 'big-spender': 2 } },
        // At R2: c2 gave big-spender up, c3 took it and at-risk.
        { at: R2, jobId: refreshes[1], tagged: 2, byTag: { 'big-spender': 2, 'at-risk': 1 } },
      ]);
    });

    it('lists tags nobody was given or nobody read, and forgets them once read', async () => {
      const path = '/v1/workspaces/acme/reports/unused-tags';
      const before = await getReport<UnusedTags>(t, path, t.acme.keys.analyst);
      expect(before.days).toBe(30);
      expect(before.tags.map((tag) => [tag.slug, tag.reason, tag.holders, tag.lastReadAt])).toEqual(
        [
          ['newsletter', 'no-assignments', 0, null],
          ['at-risk', 'no-reads', 1, null],
          ['big-spender', 'no-reads', 2, null],
          ['vip', 'no-reads', 1, day(40).toISOString().slice(0, 10)],
        ],
      );
      expect(before.tags.find((tag) => tag.slug === 'big-spender')!.lastAssignedAt).toBe(
        '2024-02-05T00:00:00.000Z',
      );
      // vip was given and read 40 days ago: inside a 60-day window.
      const wider = await getReport<UnusedTags>(t, `${path}?days=60`, t.acme.keys.analyst);
      expect(wider.tags.map((tag) => tag.slug)).toEqual(['newsletter', 'at-risk', 'big-spender']);

      // Reading c3 reads big-spender and at-risk; reading c1 reads big-spender again.
      for (const customer of ['c3', 'c1']) {
        const res = await t.request(`/v1/workspaces/acme/customers/${customer}`, {
          key: t.acme.keys.service,
        });
        expect(res.status).toBe(200);
      }
      const today = new Date().toISOString().slice(0, 10);
      const after = await getReport<UnusedTags>(t, path, t.acme.keys.analyst);
      expect(after.tags.map((tag) => [tag.slug, tag.reason])).toEqual([
        ['newsletter', 'no-assignments'],
        ['vip', 'no-reads'],
      ]);
      const reads = await sql<{ slug: string; day: string; reads: number }>`
        SELECT t.slug, to_char(r.day, 'YYYY-MM-DD') AS day, r.reads::int AS reads
          FROM tag_reads r JOIN tags t ON t.id = r.tag_id
         WHERE t.workspace_id = ${t.acme.workspace.id} AND r.day = ${today}::date
         ORDER BY t.slug`.execute(t.database.db);
      expect(reads.rows).toEqual([
        { slug: 'at-risk', day: today, reads: 1 },
        { slug: 'big-spender', day: today, reads: 2 },
      ]);
    });

    it('names the offending query parameter', async () => {
      const problem = await expectProblem(
        await t.request('/v1/workspaces/acme/reports/unused-tags?days=0', {
          key: t.acme.keys.analyst,
        }),
        400,
        'invalid-parameters',
      );
      expect(problem.errors?.map((e) => e.path)).toEqual(['query.days']);
      await expectProblem(
        await t.request('/v1/workspaces/acme/reports/coverage'),
        401,
        'unauthenticated',
      );
    });
  });
}
