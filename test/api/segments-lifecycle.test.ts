import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob, sql, type ChangeRecord } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';
import {
  allPages,
  createSegmentTags,
  expectedMember,
  generateSegmentCustomers,
  storeSegmentCustomers,
  type MemberJson,
} from './segments-data.ts';
import { waitForJob, type JobJson } from './tagging-data.ts';
import { parseCsv } from '../support/parse-csv.ts';

interface SnapshotJson {
  id: string;
  takenAt: string;
  size: number;
  entered: number;
  left: number;
}

for (const kind of testDatabaseKinds()) {
  describe(`segments over HTTP on ${kind}`, () => {
    let t: TestServer;
    let analyst: string;
    let ids: Map<string, number>;
    const changes: ChangeRecord[] = [];
    const customers = generateSegmentCustomers(99, 120);
    const vips = customers.filter((c) => c.tags.includes('vip'));
    const url = '/v1/workspaces/acme/segments';

    beforeAll(async () => {
      t = await startTestServer(kind, {
        changeHooks: [
          async (_trx, change) => {
            changes.push(change);
          },
        ],
      });
      analyst = t.acme.keys.analyst;
      await createSegmentTags(t, 'acme', analyst);
      ids = await storeSegmentCustomers(t.database.db, t.acme.workspace.id, customers);
    }, 120_000);
    afterAll(() => t.close());

    const create = (body: unknown, key = analyst) => t.request(url, { key, json: body });
    const preview = (expression: unknown) =>
      t.request(`${url}/preview`, { key: t.acme.keys.operator, json: { expression } });

    it('rejects bad expressions with a 422 naming the path', async () => {
      const cases: [unknown, string][] = [
        [
          { all: [{ tag: 'vip' }, { churn: 'probability', op: '=', value: 0.5 }] },
          'expression.all.1.op',
        ],
        [{ any: [{ churn: 'probability', op: '<', value: 1.5 }] }, 'expression.any.0.value'],
        [{ not: { feature: 'plan', op: '<', value: 'gold' } }, 'expression.not.op'],
        [{ all: [{ tag: 'vip', feature: 'x' }] }, 'expression.all.0'],
        [{ all: [{ tag: 'vip', extra: 1 }] }, 'expression.all.0'],
        [{ any: { tag: 'vip' } }, 'expression.any'],
        [{ all: [{ churn: 'riskBand', op: '>', value: 'high' }] }, 'expression.all.0.op'],
        [{ nothing: true }, 'expression'],
        [{ all: [{ not: { tag: 'no-such-tag' } }] }, 'expression.all.0.not.tag'],
        [
          { any: [{ tag: 'vip' }, { feature: 'no_such_feature', op: '>', value: 1 }] },
          'expression.any.1.feature',
        ],
        [{ churn: 'riskBand', op: '==', value: 'severe' }, 'expression.value'],
      ];
      for (const [expression, path] of cases) {
        const problem = await expectProblem(await preview(expression), 422, 'validation-failed');
        expect(
          problem.errors?.map((e) => e.path),
          JSON.stringify(expression),
        ).toContain(path);
      }
      let deep: unknown = { tag: 'vip' };
      for (let i = 0; i < 9; i++) deep = { not: deep };
      const tooDeep = await expectProblem(await preview(deep), 422, 'validation-failed');
      expect(tooDeep.errors?.[0]?.path).toBe(`expression${'.not'.repeat(8)}`);
      const wide = { any: Array.from({ length: 300 }, () => ({ tag: 'vip' })) };
      const tooWide = await expectProblem(await preview(wide), 422, 'validation-failed');
      expect(tooWide.errors).toHaveLength(1);
      // Nothing was stored by any of them.
      expect(
        ((await (await t.request(url, { key: analyst })).json()) as { items: [] }).items,
      ).toEqual([]);
    });

    it('creates, reads, changes and deletes segments by slug with roles and naming checked', async () => {
      const bad = await expectProblem(
        await create({ slug: 'VIP Customers', name: 'VIPs', expression: { tag: 'vip' } }),
        422,
        'validation-failed',
      );
      expect(bad.errors?.[0]?.path).toBe('slug');
      expect(bad.errors?.[0]?.message).toContain('vip-customers');
      await expectProblem(
        await create(
          { slug: 'vips', name: 'VIPs', expression: { tag: 'vip' } },
          t.acme.keys.operator,
        ),
        403,
        'forbidden',
      );
      const res = await create({ slug: 'vips', name: 'VIPs', expression: { tag: 'vip' } });
      expect(res.status).toBe(201);
      const segment = (await res.json()) as Record<string, unknown>;
      expect(segment).toMatchObject({
        slug: 'vips',
        name: 'VIPs',
        description: '',
        expression: { tag: 'vip' },
        lastSnapshot: null,
      });
      await expectProblem(
        await create({ slug: 'vips', name: 'Again', expression: { tag: 'vip' } }),
        409,
        'conflict',
      );
      const got = await t.request(`${url}/vips`, { key: t.acme.keys.service });
      expect(await got.json()).toEqual(segment);
      await expectProblem(await t.request(`${url}/nope`, { key: analyst }), 404, 'not-found');
      // Other workspaces do not see it.
      await expectProblem(
        await t.request('/v1/workspaces/globex/segments/vips', { key: t.globex.keys.admin }),
        404,
        'not-found',
      );

      const patched = await t.request(`${url}/vips`, {
        key: analyst,
        method: 'PATCH',
        json: { description: 'High value', expression: { not: { tag: 'vip' } } },
      });
      expect(patched.status).toBe(200);
      expect(await patched.json()).toMatchObject({
        description: 'High value',
        expression: { not: { tag: 'vip' } },
      });
      const members = await allPages<MemberJson>(t, `${url}/vips/members`, analyst, 1000);
      expect(members).toHaveLength(customers.length - vips.length);
      const updated = changes.find((c) => c.action === 'segment.updated');
      expect(updated?.data).toMatchObject({
        changed: { expression: { to: { not: { tag: 'vip' } } } },
      });

      expect((await t.request(`${url}/vips`, { key: analyst, method: 'DELETE' })).status).toBe(204);
      await expectProblem(await t.request(`${url}/vips`, { key: analyst }), 404, 'not-found');
    });

    it('pages members by keyset, each exactly once, and refuses a forged cursor', async () => {
      await create({ slug: 'everyone', name: 'Everyone', expression: { all: [] } });
      const members = await allPages<MemberJson>(t, `${url}/everyone/members`, analyst, 7);
      expect(members).toEqual(customers.map(expectedMember));
      const first = await t.request(`${url}/everyone/members?limit=1000`, { key: analyst });
      expect(((await first.json()) as { nextCursor: string | null }).nextCursor).toBeNull();
      await expectProblem(
        await t.request(`${url}/everyone/members?cursor=bogus`, { key: analyst }),
        400,
        'invalid-parameters',
      );
      await expectProblem(
        await t.request(`${url}/everyone/members?limit=1001`, { key: analyst }),
        400,
        'invalid-parameters',
      );
    });

    it('exports members as a streamed CSV that parses back to the same set', async () => {
      const res = await t.request(`${url}/everyone/export.csv`, { key: t.acme.keys.service });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="everyone.csv"');
      const [header, ...rows] = parseCsv(await res.text());
      expect(header).toEqual(['external_id', 'churn_probability', 'risk_band', 'tags']);
      const parsed = rows.map(([externalId, probability, band, tags]) => ({
        externalId: externalId!,
        churnProbability: probability === '' ? null : Number(probability),
        riskBand: band === '' ? null : band!,
        tags: tags === '' ? [] : tags!.split(';'),
      }));
      expect(parsed).toEqual(customers.map(expectedMember));
      expect(parsed.some((m) => m.externalId.includes('"') && m.externalId.includes('\n'))).toBe(
        true,
      );
      await expectProblem(
        await t.request(`${url}/nope/export.csv`, { key: analyst }),
        404,
        'not-found',
      );
    });

    it('snapshots record size, who entered and who left, with webhook events', async () => {
      await create({ slug: 'vip-watch', name: 'VIP watch', expression: { tag: 'vip' } });
      const first = await t.request(`${url}/vip-watch/snapshots`, { key: analyst, method: 'POST' });
      expect(first.status).toBe(201);
      const s1 = (await first.json()) as SnapshotJson;
      expect(s1).toMatchObject({ size: vips.length, entered: vips.length, left: 0 });

      // Three VIPs lose the tag, two others gain it.
      const leaving = vips.slice(0, 3);
      const entering = customers.filter((c) => !c.tags.includes('vip')).slice(0, 2);
      const vipTag = await t.database.db
        .selectFrom('tags')
        .select('id')
        .where('workspace_id', '=', t.acme.workspace.id)
        .where('slug', '=', 'vip')
        .executeTakeFirstOrThrow();
      await sql`UPDATE customer_tags SET removed_at = now()
                 WHERE tag_id = ${vipTag.id} AND removed_at IS NULL
                   AND customer_id IN (${sql.join(leaving.map((c) => ids.get(c.externalId)!))})`.execute(
        t.database.db,
      );
      await t.database.db
        .insertInto('customer_tags')
        .values(
          entering.map((c) => ({
            workspace_id: t.acme.workspace.id,
            customer_id: ids.get(c.externalId)!,
            tag_id: vipTag.id,
            source: 'manual' as const,
          })),
        )
        .execute();

      changes.length = 0;
      const second = await t.request(`${url}/vip-watch/snapshots`, {
        key: analyst,
        method: 'POST',
      });
      const s2 = (await second.json()) as SnapshotJson;
      expect(s2).toMatchObject({ size: vips.length - 1, entered: 2, left: 3 });

      const listed = (await (
        await t.request(`${url}/vip-watch/snapshots`, { key: t.acme.keys.service })
      ).json()) as { items: SnapshotJson[] };
      expect(listed.items).toEqual([s1, s2]);
      const segment = (await (await t.request(`${url}/vip-watch`, { key: analyst })).json()) as {
        lastSnapshot: SnapshotJson;
      };
      expect(segment.lastSnapshot).toEqual(s2);

      const changed = async (snapshot: string, change: string) =>
        (
          await allPages<{ externalId: string }>(
            t,
            `${url}/vip-watch/snapshots/${snapshot}/changes?change=${change}`,
            analyst,
            2,
          )
        ).map((c) => c.externalId);
      expect(await changed(s2.id, 'entered')).toEqual(entering.map((c) => c.externalId));
      expect(await changed(s2.id, 'left')).toEqual(leaving.map((c) => c.externalId));
      expect(await changed(s1.id, 'entered')).toEqual(vips.map((c) => c.externalId));
      await expectProblem(
        await t.request(`${url}/vip-watch/snapshots/${s2.id}/changes?change=stayed`, {
          key: analyst,
        }),
        400,
        'invalid-parameters',
      );
      await expectProblem(
        await t.request(`${url}/everyone/snapshots/${s2.id}/changes?change=left`, { key: analyst }),
        404,
        'not-found',
      );

      const snapshotted = changes.filter((c) => c.action === 'segment.snapshotted');
      expect(snapshotted).toHaveLength(1);
      expect(snapshotted[0]).toMatchObject({
        resource: 'segment',
        workspaceId: t.acme.workspace.id,
        data: { size: s2.size, entered: 2, left: 3 },
      });
      const events = snapshotted[0]!.events.map((e) => [e.type, e.customerId, e.payload]);
      expect(events).toEqual([
        ...entering.map((c) => [
          'segment.entered',
          ids.get(c.externalId),
          { segment: 'vip-watch', snapshotId: s2.id },
        ]),
        ...leaving.map((c) => [
          'segment.left',
          ids.get(c.externalId),
          { segment: 'vip-watch', snapshotId: s2.id },
        ]),
      ]);
    });

    it('snapshots every segment from a segment-snapshot job, and refuses an unknown slug', async () => {
      const before = (await (await t.request(url, { key: analyst })).json()) as {
        items: { slug: string; lastSnapshot: SnapshotJson | null }[];
      };
      const queued = await t.request('/v1/workspaces/acme/jobs', {
        key: analyst,
        json: { kind: 'segment-snapshot', params: {} },
      });
      expect(queued.status).toBe(202);
      const job = await waitForJob(t, 'acme', ((await queued.json()) as JobJson).id, analyst);
      expect(job.status).toBe('succeeded');
      const after = (await (await t.request(url, { key: analyst })).json()) as typeof before;
      expect(after.items.map((s) => s.slug)).toEqual(before.items.map((s) => s.slug));
      for (const [i, segment] of after.items.entries()) {
        expect(segment.lastSnapshot).not.toBeNull();
        expect(segment.lastSnapshot!.id).not.toBe(before.items[i]!.lastSnapshot?.id);
      }
      const everyone = after.items.find((s) => s.slug === 'everyone')!.lastSnapshot!;
      expect(everyone).toMatchObject({
        size: customers.length,
        entered: customers.length,
        left: 0,
      });
      const vipWatch = after.items.find((s) => s.slug === 'vip-watch')!.lastSnapshot!;
      expect(vipWatch).toMatchObject({ entered: 0, left: 0 });

      const refused = await t.request('/v1/workspaces/acme/jobs', {
        key: analyst,
        json: { kind: 'segment-snapshot', params: { segments: ['everyone', 'ghost'] } },
      });
      const problem = await expectProblem(refused, 422, 'validation-failed');
      expect(problem.errors).toEqual([
        { path: 'params.segments.1', message: 'no segment "ghost"' },
      ]);
    });

    it('fails a queued snapshot whose segment is gone by the time it runs', async () => {
      // Queued straight into the table, as a job queued before its segment was deleted.
      const queued = await enqueueJob(t.database.db, {
        workspaceId: t.acme.workspace.id,
        kind: 'segment-snapshot',
        params: { segments: ['everyone', 'ghost'] },
      });
      const job = await waitForJob(t, 'acme', queued.id, analyst);
      expect(job).toMatchObject({ status: 'failed', attempts: 1 });
      expect(job.error?.message).toBe('some segments do not exist: no segment "ghost"');
    });

    it('keeps nothing about an erased customer in segment tables', async () => {
      const erased = ids.get(customers[0]!.externalId)!;
      const held = async () => {
        const { rows } = await sql<{ n: number }>`
          SELECT (SELECT count(*) FROM segment_members WHERE customer_id = ${erased})
               + (SELECT count(*) FROM segment_changes WHERE customer_id = ${erased}) AS n`.execute(
          t.database.db,
        );
        return Number(rows[0]!.n);
      };
      expect(await held()).toBeGreaterThan(0);
      await t.database.db.deleteFrom('customers').where('id', '=', erased).execute();
      expect(await held()).toBe(0);
    });
  });
}
