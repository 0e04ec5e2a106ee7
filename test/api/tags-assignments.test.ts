import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';

interface HoldingJson {
  id: string;
  customer: string;
  tag: string;
  source: string;
  assignedBy: string | null;
  assignedAt: string;
  assignmentReason: string | null;
  removedAt: string | null;
  removedBy: string | null;
  removalReason: string | null;
}

interface HoldersJson {
  at: string;
  items: { externalId: string; assignedAt: string; removedAt: string | null; source: string }[];
  nextCursor: string | null;
}

/** Lets the clock move on, so a moment taken between two writes falls strictly between them. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

for (const kind of testDatabaseKinds()) {
  describe(`customer tag assignments and history over HTTP on ${kind}`, () => {
    let t: TestServer;
    let operator: string;
    const changes: ChangeRecord[] = [];
    const ws = '/v1/workspaces/acme';

    async function json<T>(response: Response, status: number): Promise<T> {
      const text = await response.text();
      if (response.status !== status) {
        throw new Error(`expected ${status}, got ${response.status}: ${text}`);
      }
      return JSON.parse(text) as T;
    }
    const assign = (customer: string, body: unknown, key = operator) =>
      t.request(`${ws}/customers/${customer}/tags`, { key, json: body });
    const remove = (customer: string, tag: string, query = '', key = operator) =>
      t.request(`${ws}/customers/${customer}/tags/${tag}${query}`, { key, method: 'DELETE' });

    /** Every holder at `at` (or now), following cursors `limit` at a time. */
    async function holders(tag: string, at: string | undefined, limit = 2): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const query = new URLSearchParams({ limit: String(limit) });
        if (at !== undefined) query.set('at', at);
        if (cursor !== null) query.set('cursor', cursor);
        const page: HoldersJson = await json(
          await t.request(`${ws}/tags/${tag}/holders?${query}`, { key: t.acme.keys.service }),
          200,
        );
        ids.push(...page.items.map((i) => i.externalId));
        cursor = page.nextCursor;
      } while (cursor !== null);
      return ids.sort();
    }

    beforeAll(async () => {
      t = await startTestServer(kind, {
        changeHooks: [
          async (_trx, change) => {
            changes.push(change);
          },
        ],
      });
      operator = t.acme.keys.operator;
      const analyst = t.acme.keys.analyst;
      await json(
        await t.request(`${ws}/customers`, {
          key: analyst,
          json: { customers: ['c1', 'c2', 'c3', 'c4', 'c5'].map((externalId) => ({ externalId })) },
        }),
        200,
      );
      for (const slug of ['vip', 'gold', 'retired']) {
        await json(
          await t.request(`${ws}/tags`, {
            key: analyst,
            json: { slug, displayName: slug.toUpperCase(), category: 'value' },
          }),
          201,
        );
      }
    });
    afterAll(() => t.close());

    it('assigns by hand with a reason (201, then 409) and records a tag.assigned event', async () => {
      const holding = await json<HoldingJson>(
        await assign('c1', { tag: 'vip', reason: 'met at the trade fair' }),
        201,
      );
      expect(holding).toMatchObject({
        customer: 'c1',
        tag: 'vip',
        source: 'manual',
        assignmentReason: 'met at the trade fair',
        removedAt: null,
      });
      expect(holding.assignedBy).not.toBeNull();
      await expectProblem(await assign('c1', { tag: 'vip' }), 409, 'conflict');
      const unknown = await expectProblem(
        await assign('c1', { tag: 'nope' }),
        422,
        'validation-failed',
      );
      expect(unknown.errors?.[0]?.path).toBe('tag');
      await expectProblem(await assign('zz', { tag: 'vip' }), 404, 'not-found');
      await expectProblem(
        await assign('c2', { tag: 'vip' }, t.acme.keys.service),
        403,
        'forbidden',
      );
      const recorded = changes.find(
        (c) => c.action === 'customer-tag.assigned' && c.resourceId === holding.id,
      );
      expect(recorded).toMatchObject({
        resource: 'customer-tag',
        actor: { role: 'operator' },
        data: { tag: 'vip', source: 'manual', reason: 'met at the trade fair' },
        events: [
          {
            type: 'tag.assigned',
            customerId: expect.any(Number) as unknown,
            payload: { tag: 'vip', source: 'manual' },
          },
        ],
      });
      const detail = await json<{ tags: { tag: string }[] }>(
        await t.request(`${ws}/customers/c1`, { key: operator }),
        200,
      );
      expect(detail.tags.map((h) => h.tag)).toEqual(['vip']);
    });

    it('removes by closing the holding (404 when not held) and records a tag.removed event', async () => {
      await json(await assign('c5', { tag: 'retired' }), 201);
      const closed = await json<HoldingJson>(
        await remove('c5', 'retired', '?reason=assigned%20by%20mistake'),
        200,
      );
      expect(closed).toMatchObject({
        customer: 'c5',
        tag: 'retired',
        removalReason: 'assigned by mistake',
      });
      expect(closed.removedBy).toBe(closed.assignedBy);
      expect(Date.parse(closed.removedAt!)).toBeGreaterThanOrEqual(Date.parse(closed.assignedAt));
      await expectProblem(await remove('c5', 'retired'), 404, 'not-found');
      await expectProblem(await remove('c5', 'nope'), 404, 'not-found');
      await expectProblem(await remove('c1', 'vip', '', t.acme.keys.service), 403, 'forbidden');
      expect(
        changes.find((c) => c.action === 'customer-tag.removed' && c.resourceId === closed.id),
      ).toMatchObject({
        data: { tag: 'retired', reason: 'assigned by mistake' },
        events: [
          { type: 'tag.removed', payload: { tag: 'retired', reason: 'assigned by mistake' } },
        ],
      });
      // A removed tag can be given again: history gets a second holding.
      const again = await json<HoldingJson>(await assign('c5', { tag: 'retired' }), 201);
      expect(await holders('retired', undefined)).toEqual(['c5']);

      // The customer's history lists both holdings, newest first, a page at a time.
      const history: HoldingJson[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: HoldingJson[]; nextCursor: string | null } = await json(
          await t.request(
            `${ws}/customers/c5/tags?limit=1${cursor === null ? '' : `&cursor=${cursor}`}`,
            { key: t.acme.keys.service },
          ),
          200,
        );
        history.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(history).toEqual([again, closed]);
      await expectProblem(
        await t.request(`${ws}/customers/zz/tags`, { key: operator }),
        404,
        'not-found',
      );
    });

    it('answers who held a tag at a moment, from assignments and removals at known times', async () => {
      const marks: string[] = [];
      const mark = async () => {
        await tick();
        marks.push(new Date().toISOString());
        await tick();
      };
      await mark(); // 0: before gold is given to anyone
      await json(await assign('c2', { tag: 'gold' }), 201);
      await mark(); // 1: c2
      await json(await assign('c3', { tag: 'gold' }), 201);
      await json(await assign('c4', { tag: 'gold' }), 201);
      await mark(); // 2: c2 c3 c4
      await json(await remove('c3', 'gold'), 200);
      await mark(); // 3: c2 c4
      expect(await holders('gold', marks[0])).toEqual([]);
      expect(await holders('gold', marks[1])).toEqual(['c2']);
      expect(await holders('gold', marks[2], 1)).toEqual(['c2', 'c3', 'c4']);
      expect(await holders('gold', marks[3])).toEqual(['c2', 'c4']);
      expect(await holders('gold', undefined)).toEqual(['c2', 'c4']);
      expect(await holders('gold', '2000-01-01')).toEqual([]);
      const page = await json<HoldersJson>(
        await t.request(`${ws}/tags/gold/holders?at=${marks[2]}`, { key: operator }),
        200,
      );
      expect(page.at).toBe(marks[2]);
      expect(page.items.find((i) => i.externalId === 'c3')).toMatchObject({
        source: 'manual',
        removedAt: expect.any(String) as unknown,
        confidence: null,
        assignedBy: { keyId: expect.any(String) as unknown, name: 'acme operator' },
      });
      await expectProblem(
        await t.request(`${ws}/tags/gold/holders?at=yesterday`, { key: operator }),
        400,
        'invalid-parameters',
      );
      await expectProblem(
        await t.request(`${ws}/tags/gold/holders?cursor=bogus`, { key: operator }),
        400,
        'invalid-parameters',
      );
    });

    it('reports holders on the tag; a deprecated tag keeps them but takes no new ones', async () => {
      const gold = await json<{ holders: number }>(
        await t.request(`${ws}/tags/gold`, { key: operator }),
        200,
      );
      expect(gold.holders).toBe(2);
      await json(
        await t.request(`${ws}/tags/retired`, {
          key: t.acme.keys.analyst,
          method: 'PATCH',
          json: { status: 'deprecated', message: 'replaced by lifecycle stages' },
        }),
        200,
      );
      const retired = await json<{ holders: number; status: string }>(
        await t.request(`${ws}/tags/retired`, { key: operator }),
        200,
      );
      expect(retired).toMatchObject({ holders: 1, status: 'deprecated' });
      const refused = await expectProblem(
        await assign('c1', { tag: 'retired' }),
        422,
        'validation-failed',
      );
      expect(refused.errors?.[0]).toEqual({
        path: 'tag',
        message: 'a deprecated tag takes no new holders',
      });
    });

    it('merges a tag into another: holders move, those holding both keep theirs, history stays', async () => {
      const beforeMerge = new Date().toISOString();
      await tick();
      changes.length = 0;
      // gold: c2, c4; vip: c1 and now c2 as well.
      await json(await assign('c2', { tag: 'vip' }), 201);
      const merged = await json<{
        tag: { slug: string; status: string; holders: number; version: number };
        into: { slug: string; holders: number };
        moved: number;
        alreadyHeld: number;
        supersededSuggestions: number;
      }>(
        await t.request(`${ws}/tags/gold/merge`, {
          key: t.acme.keys.analyst,
          json: { into: 'vip', message: 'one tag for top customers' },
        }),
        200,
      );
      expect(merged).toMatchObject({
        tag: { slug: 'gold', status: 'archived', holders: 0, version: 2 },
        into: { slug: 'vip', holders: 3 },
        moved: 1,
        alreadyHeld: 1,
        supersededSuggestions: 0,
      });
      expect(await holders('vip', undefined)).toEqual(['c1', 'c2', 'c4']);
      expect(await holders('gold', undefined)).toEqual([]);
      expect(await holders('gold', beforeMerge)).toEqual(['c2', 'c4']);

      const versions = await json<{ items: { message: string; changes: unknown[] }[] }>(
        await t.request(`${ws}/tags/gold/versions`, { key: operator }),
        200,
      );
      expect(versions.items[0]).toEqual(
        expect.objectContaining({
          message: 'merged into vip: one tag for top customers',
          changes: [{ field: 'status', from: 'active', to: 'archived' }],
        }),
      );
      const closed = await t.database.db
        .selectFrom('customer_tags as ct')
        .innerJoin('tags as tg', 'tg.id', 'ct.tag_id')
        .select(['ct.removal_reason', 'ct.removed_at'])
        .where('tg.slug', '=', 'gold')
        .where('ct.removed_at', 'is not', null)
        .where('ct.removal_reason', '=', 'merged into vip')
        .execute();
      expect(closed).toHaveLength(2);

      expect(changes.map((c) => c.action)).toEqual([
        'customer-tag.assigned',
        'customer-tags.merged',
        'tag.merged',
      ]);
      const moved = changes[1]!;
      expect(moved.events.map((e) => [e.type, e.payload.tag]).sort()).toEqual([
        ['tag.assigned', 'vip'],
        ['tag.removed', 'gold'],
        ['tag.removed', 'gold'],
      ]);
      expect(changes[2]!.data).toMatchObject({
        slug: 'gold',
        into: 'vip',
        moved: 1,
        alreadyHeld: 1,
        changed: { status: { from: 'active', to: 'archived' } },
      });
    });

    it('refuses merges that make no sense', async () => {
      const merge = (slug: string, body: unknown, key = t.acme.keys.analyst) =>
        t.request(`${ws}/tags/${slug}/merge`, { key, json: body });
      const self = await expectProblem(
        await merge('vip', { into: 'vip' }),
        422,
        'validation-failed',
      );
      expect(self.errors?.[0]?.path).toBe('into');
      const unknown = await expectProblem(
        await merge('vip', { into: 'nope' }),
        422,
        'validation-failed',
      );
      expect(unknown.errors?.[0]?.path).toBe('into');
      await expectProblem(await merge('gold', { into: 'vip' }), 409, 'conflict');
      await expectProblem(await merge('vip', { into: 'gold' }), 409, 'conflict');
      await expectProblem(await merge('nope', { into: 'vip' }), 404, 'not-found');
      await expectProblem(await merge('retired', { into: 'vip' }, operator), 403, 'forbidden');
    });
  });
}
