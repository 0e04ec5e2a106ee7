import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';

interface TagJson {
  slug: string;
  displayName: string;
  kind: string;
  category: string;
  definition: string;
  usageNote: string;
  owner: string;
  status: string;
  autoAccept: boolean;
  source: Record<string, unknown> | null;
  holders: number;
  version: number;
  warnings?: { type: string; slug: string; displayName: string; reason: string }[];
}

interface VersionJson {
  version: number;
  createdAt: string;
  actor: { keyId: string; name: string } | null;
  message: string | null;
  changes: { field: string; from: unknown; to: unknown }[];
  snapshot?: Record<string, unknown>;
}

/** The definition fields a version snapshot holds, read from a tag. */
const definitionOf = (tag: TagJson) => ({
  slug: tag.slug,
  displayName: tag.displayName,
  kind: tag.kind,
  category: tag.category,
  definition: tag.definition,
  usageNote: tag.usageNote,
  owner: tag.owner,
  status: tag.status,
  autoAccept: tag.autoAccept,
  source: tag.source,
});

for (const kind of testDatabaseKinds()) {
  describe(`tag taxonomy and history over HTTP on ${kind}`, () => {
    let t: TestServer;
    let analyst: string;
    const changes: ChangeRecord[] = [];
    const tags = '/v1/workspaces/acme/tags';

    async function json<T>(response: Response, status: number): Promise<T> {
      const text = await response.text();
      if (response.status !== status) {
        throw new Error(`expected ${status}, got ${response.status}: ${text}`);
      }
      return JSON.parse(text) as T;
    }
    const create = (body: unknown, key = analyst) => t.request(tags, { key, json: body });
    const patch = (slug: string, body: unknown, key = analyst) =>
      t.request(`${tags}/${slug}`, { key, method: 'PATCH', json: body });
    const rollback = (slug: string, body: unknown, key = analyst) =>
      t.request(`${tags}/${slug}/rollback`, { key, json: body });

    async function allVersions(slug: string, limit: number): Promise<VersionJson[]> {
      const items: VersionJson[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: VersionJson[]; nextCursor: string | null } = await json(
          await t.request(
            `${tags}/${slug}/versions?limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`,
            { key: t.acme.keys.service },
          ),
          200,
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== null);
      return items;
    }

    beforeAll(async () => {
      t = await startTestServer(kind, {
        changeHooks: [
          async (_trx, change) => {
            changes.push(change);
          },
        ],
      });
      analyst = t.acme.keys.analyst;
    });
    afterAll(() => t.close());

    it('creates a tag only under the naming standard, proposing a slug in the 422', async () => {
      const bad = await expectProblem(
        await create({ slug: 'High Value', displayName: '高价值客户', category: 'value' }),
        422,
        'validation-failed',
      );
      expect(bad.errors).toEqual([
        { path: 'slug', message: expect.stringContaining('try "high-value"') as unknown as string },
      ]);
      const reserved = await expectProblem(
        await create({ slug: 'check', displayName: 'Check', category: 'value' }),
        422,
        'validation-failed',
      );
      expect(reserved.errors?.[0]?.message).toMatch(/reserved.*try "check-tag"/);

      const created = await json<TagJson>(
        await create({
          slug: 'high-value',
          displayName: '高价值客户',
          kind: 'fact',
          category: 'value',
          definition: 'Customers the key-account team looks after',
          usageNote: 'Use for service routing, not for discounts',
          owner: 'key accounts',
        }),
        201,
      );
      expect(created).toMatchObject({
        slug: 'high-value',
        displayName: '高价值客户',
        owner: 'key accounts',
        status: 'active',
        source: { type: 'manual' },
        holders: 0,
        version: 1,
        warnings: [],
      });
      await expectProblem(
        await create({ slug: 'high-value', displayName: 'Other', category: 'value' }),
        409,
        'conflict',
      );
    });

    it('warns about near-duplicates on create and answers live checks', async () => {
      const lookalike = await json<TagJson>(
        await create({ slug: 'highvalue', displayName: '高价值 客户！', category: 'value' }),
        201,
      );
      expect(lookalike.warnings).toEqual([
        {
          type: 'near-duplicate',
          slug: 'high-value',
          displayName: '高价值客户',
          status: 'active',
          reason: expect.stringMatching(
            /slug "high-value".*; display name "高价值客户"/,
          ) as unknown,
        },
      ]);
      const byName = await json<TagJson>(
        await create({ slug: 'big-spenders', displayName: 'Big spenders', category: 'value' }),
        201,
      );
      expect(byName.warnings).toEqual([]);
      const sameName = await json<TagJson>(
        await create({ slug: 'top-buyers', displayName: 'big  SPENDERS.', category: 'value' }),
        201,
      );
      expect(sameName.warnings?.map((w) => [w.slug, w.reason])).toEqual([
        ['big-spenders', expect.stringMatching(/^display name "Big spenders" differs/)],
      ]);

      const check = (query: string) =>
        t.request(`${tags}/check?${query}`, { key: t.acme.keys.operator });
      expect(
        await json(await check(`slug=${encodeURIComponent('High Value!')}&displayName=x`), 200),
      ).toEqual({
        slugProblem: expect.stringMatching(/lower-case/) as unknown,
        proposedSlug: 'high-value',
        slugTaken: false,
        nearDuplicates: [
          expect.objectContaining({ slug: 'high-value' }),
          expect.objectContaining({ slug: 'highvalue' }),
        ],
      });
      expect(await json(await check('slug=high-value'), 200)).toEqual({
        slugProblem: null,
        proposedSlug: null,
        slugTaken: true,
        nearDuplicates: [expect.objectContaining({ slug: 'highvalue' })],
      });
      const byDisplayName = await json<{ proposedSlug: string; nearDuplicates: unknown[] }>(
        await check(`displayName=${encodeURIComponent('高价值客户')}`),
        200,
      );
      expect(byDisplayName.proposedSlug).toBe('tag');
      expect(byDisplayName.nearDuplicates).toHaveLength(2);
      await expectProblem(await check(''), 400, 'invalid-parameters');
    });

    it('renames under the same standard: 422 proposing a slug, 409 for a taken one', async () => {
      const bad = await expectProblem(
        await patch('highvalue', { slug: 'High__Value 2' }),
        422,
        'validation-failed',
      );
      expect(bad.errors?.[0]).toEqual({
        path: 'slug',
        message: expect.stringContaining('try "high-value-2"') as unknown as string,
      });
      await expectProblem(await patch('highvalue', { slug: 'high-value' }), 409, 'conflict');
      const renamed = await json<TagJson>(
        await patch('highvalue', { slug: 'high-value-2', message: 'one hyphenated style' }),
        200,
      );
      expect(renamed).toMatchObject({ slug: 'high-value-2', version: 2 });
      // The old slug leads to the tag under its new one.
      const viaOldSlug = await t.request(`${tags}/highvalue`, { key: analyst });
      expect(await json<TagJson>(viaOldSlug, 200)).toMatchObject({ slug: 'high-value-2' });
      // Two tags renamed to one slug at once: one wins, the other gets a 409, never a 500.
      const racing = await Promise.all(
        ['high-value-2', 'big-spenders'].map((slug) => patch(slug, { slug: 'top-tier' })),
      );
      expect(racing.map((r) => r.status).sort()).toEqual([200, 409]);
      await Promise.all(racing.map((r) => r.text()));
    });

    it('takes a source only of the kind of the tag', async () => {
      const wrong = await expectProblem(
        await patch('high-value', {
          source: { type: 'rule', ruleTable: 'lifecycle', rule: 'new' },
        }),
        422,
        'validation-failed',
      );
      expect(wrong.errors?.[0]?.path).toBe('source.type');
      const predictive = await json<TagJson>(
        await create({
          slug: 'churn-watch',
          displayName: 'Churn watch',
          kind: 'predictive',
          category: 'lifecycle',
          source: { type: 'model', modelKind: 'churn', threshold: 0.7 },
        }),
        201,
      );
      expect(predictive.source).toEqual({ type: 'model', modelKind: 'churn', threshold: 0.7 });
      const unknownTable = await expectProblem(
        await create({
          slug: 'rule-x',
          displayName: 'Rule x',
          kind: 'rule',
          category: 'value',
          source: { type: 'rule', ruleTable: 'nope', rule: 'rule-x' },
        }),
        422,
        'validation-failed',
      );
      expect(unknownTable.errors?.[0]?.path).toBe('source.ruleTable');
      const model = await expectProblem(
        await create({
          slug: 'cluster-x',
          displayName: 'Cluster x',
          kind: 'model',
          category: 'value',
          source: { type: 'cluster', runId: 'r', cluster: 0 },
        }),
        422,
        'validation-failed',
      );
      expect(model.errors?.[0]?.message).toMatch(/clusters\/\{cluster\}\/tag/);
    });

    it('keeps every version: N edits make N+1 versions, each retrievable, newest first', async () => {
      const first = await json<TagJson>(
        await create({ slug: 'loyal', displayName: 'Loyal', category: 'behaviour' }),
        201,
      );
      const edits = [
        { displayName: 'Loyal customers', message: 'clearer name' },
        { definition: 'Bought in each of the last 6 months' },
        { usageNote: 'For thank-you campaigns', owner: 'CRM team', message: 'who and when' },
        { category: 'lifecycle', message: 'it is a stage' },
        { autoAccept: true, message: 'trusted' },
      ];
      const states = [first];
      for (const edit of edits) states.push(await json<TagJson>(await patch('loyal', edit), 200));
      expect(states.map((s) => s.version)).toEqual([1, 2, 3, 4, 5, 6]);
      // Equal values change nothing and make no version.
      const same = await json<TagJson>(await patch('loyal', { owner: 'CRM team' }), 200);
      expect(same.version).toBe(6);

      const versions = await allVersions('loyal', 2);
      expect(versions.map((v) => v.version)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(versions[0]).toMatchObject({
        actor: { name: 'acme analyst' },
        message: 'trusted',
        changes: [{ field: 'autoAccept', from: false, to: true }],
      });
      expect(versions[2]!.changes).toEqual([
        { field: 'usageNote', from: '', to: 'For thank-you campaigns' },
        { field: 'owner', from: '', to: 'CRM team' },
      ]);
      expect(versions[5]!.changes.map((c) => c.field)).toContain('slug');
      expect(versions[5]!.changes.every((c) => c.from === null)).toBe(true);
      for (const [index, state] of states.entries()) {
        const version = await json<VersionJson>(
          await t.request(`${tags}/loyal/versions/${index + 1}`, { key: t.acme.keys.operator }),
          200,
        );
        expect(version.snapshot).toEqual(definitionOf(state));
        expect(version.actor?.name).toBe('acme analyst');
      }
      await expectProblem(
        await t.request(`${tags}/loyal/versions/7`, { key: analyst }),
        404,
        'not-found',
      );
      for (const notAVersion of ['x', '2147483648']) {
        await expectProblem(
          await t.request(`${tags}/loyal/versions/${notAVersion}`, { key: analyst }),
          400,
          'invalid-parameters',
        );
      }
    });

    it('rolls back as a new version equal to the old definition; the current one is a 409', async () => {
      const before = await allVersions('loyal', 100);
      const v2 = await json<VersionJson>(
        await t.request(`${tags}/loyal/versions/2`, { key: analyst }),
        200,
      );
      const restored = await json<TagJson>(
        await rollback('loyal', { version: 2, message: 'back to the plain definition' }),
        200,
      );
      expect(definitionOf(restored)).toEqual(v2.snapshot);
      expect(restored.version).toBe(7);
      const after = await allVersions('loyal', 100);
      expect(after).toHaveLength(before.length + 1);
      expect(after.slice(1)).toEqual(before);
      expect(after[0]).toMatchObject({
        version: 7,
        message: 'back to the plain definition',
        changes: expect.arrayContaining([
          { field: 'category', from: 'lifecycle', to: 'behaviour' },
          { field: 'autoAccept', from: true, to: false },
        ]) as unknown,
      });
      // Version 2's definition is the current one again: nothing to restore.
      await expectProblem(await rollback('loyal', { version: 2 }), 409, 'conflict');
      await expectProblem(await rollback('loyal', { version: 7 }), 409, 'conflict');
      await expectProblem(await rollback('loyal', { version: 70 }), 404, 'not-found');
      const beyondAnyVersion = await expectProblem(
        await rollback('loyal', { version: 2_147_483_648 }),
        422,
        'validation-failed',
      );
      expect(beyondAnyVersion.errors?.map((error) => error.path)).toEqual(['version']);
      // Rolling back a rename restores the old slug.
      await json(await patch('loyal', { slug: 'loyal-customers' }), 200);
      // A link to the old slug still reaches the tag; a change through it says where it went.
      const moved = await fetch(`${t.url}${tags}/loyal`, {
        headers: { authorization: `Bearer ${analyst}` },
        redirect: 'manual',
      });
      expect(moved.status).toBe(308);
      expect(moved.headers.get('location')).toBe(`${tags}/loyal-customers`);
      const followed = await json<TagJson>(await t.request(`${tags}/loyal`, { key: analyst }), 200);
      expect(followed.slug).toBe('loyal-customers');
      const stale = await expectProblem(
        await patch('loyal', { definition: 'x' }),
        404,
        'not-found',
      );
      expect(stale.detail).toBe('tag "loyal" (renamed to "loyal-customers") was not found');
      const back = await json<TagJson>(await rollback('loyal-customers', { version: 7 }), 200);
      expect(back).toMatchObject({ slug: 'loyal', version: 9 });
      expect((await allVersions('loyal', 100)).map((v) => v.version)).toEqual([
        9, 8, 7, 6, 5, 4, 3, 2, 1,
      ]);
    });

    it('lets only analysts and admins change the taxonomy, and records each change', async () => {
      await expectProblem(
        await patch('loyal', { definition: 'x' }, t.acme.keys.operator),
        403,
        'forbidden',
      );
      await expectProblem(
        await rollback('loyal', { version: 1 }, t.acme.keys.service),
        403,
        'forbidden',
      );
      await expectProblem(
        await create({ slug: 'svc', displayName: 'S', category: 'value' }, t.acme.keys.operator),
        403,
        'forbidden',
      );
      const ofLoyal = changes.filter((c) => c.resource === 'tag' && c.data.slug === 'loyal');
      expect(ofLoyal.map((c) => c.action)).toEqual([
        'tag.created',
        'tag.updated',
        'tag.updated',
        'tag.updated',
        'tag.updated',
        'tag.updated',
        'tag.auto-accept-enabled',
        'tag.rolled-back',
        'tag.auto-accept-disabled',
        // the rename is recorded under the new slug, its rollback under the restored one
        'tag.rolled-back',
      ]);
      const rolledBack = ofLoyal.find((c) => c.action === 'tag.rolled-back')!;
      expect(rolledBack).toMatchObject({
        actor: { role: 'analyst' },
        requestId: expect.any(String) as unknown,
        data: {
          version: 7,
          restoredVersion: 2,
          message: 'back to the plain definition',
          changed: { category: { from: 'lifecycle', to: 'behaviour' } },
        },
      });
    });
  });
}
