import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';
import {
  allSuggestions,
  clusterRun,
  generateSuggestions,
  groupOf,
  loadCustomers,
  waitForJob,
  type SuggestionJson,
} from './tagging-data.ts';

for (const kind of testDatabaseKinds()) {
  describe(`review over HTTP on ${kind}`, () => {
    let t: TestServer;
    let analyst: string;
    let operator: string;
    let runId: string;
    let pending: SuggestionJson[];
    beforeAll(async () => {
      t = await startTestServer(kind);
      analyst = t.acme.keys.analyst;
      operator = t.acme.keys.operator;
      await loadCustomers(t, 'acme', analyst, 50);
      runId = await clusterRun(t, 'acme', analyst, 1);
      // Name every cluster after the group most of its members come from.
      for (let cluster = 0; cluster < 3; cluster++) {
        const res = await t.request(
          `/v1/workspaces/acme/cluster-runs/${runId}/clusters/${cluster}/members?limit=1`,
          { key: analyst },
        );
        const group = groupOf(
          ((await res.json()) as { items: { externalId: string }[] }).items[0]!.externalId,
        );
        await t.request(`/v1/workspaces/acme/cluster-runs/${runId}/clusters/${cluster}/tag`, {
          key: analyst,
          json: { slug: `${group}-customers`, displayName: `${group} customers` },
        });
      }
      await generateSuggestions(t, 'acme', analyst, ['cluster']);
      pending = await allSuggestions(t, 'acme', operator, 'status=pending');
    }, 120_000);
    afterAll(() => t.close());

    it('queues 150 suggestions by confidence with a keyset cursor and filters', async () => {
      expect(pending).toHaveLength(150);
      expect(new Set(pending.map((s) => s.id)).size).toBe(150);
      const confidences = pending.map((s) => s.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
      const page = await t.request('/v1/workspaces/acme/suggestions?status=pending&limit=7', {
        key: t.acme.keys.service,
      });
      const body = (await page.json()) as { items: SuggestionJson[]; nextCursor: string };
      expect(body.items.map((s) => s.id)).toEqual(pending.slice(0, 7).map((s) => s.id));
      const next = await t.request(
        `/v1/workspaces/acme/suggestions?status=pending&limit=7&cursor=${body.nextCursor}`,
        { key: t.acme.keys.service },
      );
      expect(((await next.json()) as { items: SuggestionJson[] }).items.map((s) => s.id)).toEqual(
        pending.slice(7, 14).map((s) => s.id),
      );
      const threshold = pending[60]!.confidence;
      const ranged = await allSuggestions(
        t,
        'acme',
        operator,
        `status=pending&tag=big-customers&min_confidence=${threshold}&max_confidence=1`,
      );
      expect(ranged.length).toBeGreaterThan(0);
      expect(ranged.every((s) => s.tag === 'big-customers' && s.confidence >= threshold)).toBe(
        true,
      );
      expect(await allSuggestions(t, 'acme', operator, 'tag=no-such-tag')).toEqual([]);

      // The count of a filter is the length of all its pages.
      const count = async (query: string) => {
        const res = await t.request(`/v1/workspaces/acme/suggestions/count?${query}`, {
          key: t.acme.keys.service,
        });
        expect(res.status).toBe(200);
        return ((await res.json()) as { count: number }).count;
      };
      expect(await count('status=pending')).toBe(150);
      expect(
        await count(
          `status=pending&tag=big-customers&min_confidence=${threshold}&max_confidence=1`,
        ),
      ).toBe(ranged.length);
      expect(await count('status=accepted')).toBe(0);
      expect(await count('tag=no-such-tag')).toBe(0);
      await expectProblem(
        await t.request('/v1/workspaces/acme/suggestions/count?min_confidence=2', {
          key: operator,
        }),
        400,
        'invalid-parameters',
      );
      await expectProblem(
        await t.request('/v1/workspaces/acme/suggestions?cursor=bogus', { key: operator }),
        400,
        'invalid-parameters',
      );
    });

    it('50 parallel accepts of one suggestion: exactly one 200, 49 conflicts naming the winner', async () => {
      const target = pending.find((s) => s.tag === 'regular-customers')!;
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          t.request(`/v1/workspaces/acme/suggestions/${target.id}/accept`, {
            key: i % 2 === 0 ? operator : t.acme.keys.admin,
            json: { reason: `operator ${i}` },
          }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(49);
      const winner = (await responses[statuses.indexOf(200)]!.json()) as SuggestionJson;
      expect(winner.status).toBe('accepted');
      expect(winner.decidedBy).toMatch(/^[0-9a-f-]{36}$/);
      for (const res of responses.filter((r) => r.status === 409)) {
        const problem = (await expectProblem(res, 409, 'conflict')) as unknown as {
          decision: { status: string; decidedBy: string; decidedAt: string; reason: string };
        };
        expect(problem.decision).toEqual({
          status: 'accepted',
          decidedBy: winner.decidedBy,
          decidedAt: winner.decidedAt,
          reason: winner.reason,
        });
      }
      // The customer holds the tag once.
      const detail = await t.request(`/v1/workspaces/acme/customers/${target.customer}`, {
        key: t.acme.keys.service,
      });
      const tags = ((await detail.json()) as { tags: { tag: string }[] }).tags;
      expect(tags.filter((tag) => tag.tag === 'regular-customers')).toHaveLength(1);
      // A later reject of the decided suggestion conflicts too.
      await expectProblem(
        await t.request(`/v1/workspaces/acme/suggestions/${target.id}/reject`, {
          key: operator,
          method: 'POST',
        }),
        409,
        'conflict',
      );
    });

    it('undoes a decision: pending again, and an accept takes back only the tag it gave', async () => {
      const [accepted, rejected, heldBefore] = pending
        .filter((s) => s.tag === 'regular-customers' && s.status === 'pending')
        .slice(1, 4) as [SuggestionJson, SuggestionJson, SuggestionJson];
      const decide = (s: SuggestionJson, decision: string) =>
        t.request(`/v1/workspaces/acme/suggestions/${s.id}/${decision}`, {
          key: operator,
          method: 'POST',
        });
      const reopen = (s: SuggestionJson) => decide(s, 'reopen');
      const holds = async (s: SuggestionJson) => {
        const res = await t.request(`/v1/workspaces/acme/customers/${s.customer}`, {
          key: t.acme.keys.service,
        });
        return ((await res.json()) as { tags: { tag: string }[] }).tags.some(
          (tag) => tag.tag === s.tag,
        );
      };

      expect((await decide(accepted, 'accept')).status).toBe(200);
      expect(await holds(accepted)).toBe(true);
      const undone = (await (await reopen(accepted)).json()) as SuggestionJson;
      expect(undone).toMatchObject({
        id: accepted.id,
        status: 'pending',
        decidedBy: null,
        tagTakenBack: true,
        tagHeld: false,
      });
      expect(await holds(accepted)).toBe(false);
      // Nothing left to undo; deciding it again works as the first time.
      const twice = await expectProblem(await reopen(accepted), 409, 'conflict');
      expect(twice.detail).toMatch(/is pending: there is no decision to undo/);
      expect((await decide(accepted, 'accept')).status).toBe(200);
      expect(await holds(accepted)).toBe(true);

      expect((await decide(rejected, 'reject')).status).toBe(200);
      expect(((await (await reopen(rejected)).json()) as SuggestionJson).status).toBe('pending');
      const queue = await allSuggestions(
        t,
        'acme',
        operator,
        'status=pending&tag=regular-customers',
      );
      expect(queue.map((s) => s.id)).toContain(rejected.id);

      // A tag the customer held before the accept is not the accept's to take back.
      const given = await t.request(`/v1/workspaces/acme/customers/${heldBefore.customer}/tags`, {
        key: t.acme.keys.admin,
        json: { tag: heldBefore.tag, reason: 'known regular' },
      });
      expect(given.status).toBe(201);
      expect((await decide(heldBefore, 'accept')).status).toBe(200);
      expect(await (await reopen(heldBefore)).json()).toMatchObject({
        status: 'pending',
        tagTakenBack: false,
        tagHeld: true,
      });
      expect(await holds(heldBefore)).toBe(true);

      for (const role of ['analyst', 'service'] as const) {
        await expectProblem(
          await t.request(`/v1/workspaces/acme/suggestions/${accepted.id}/reopen`, {
            key: t.acme.keys[role],
            method: 'POST',
          }),
          403,
          'forbidden',
        );
      }
    });

    it('lets only operators and admins decide', async () => {
      const target = pending.find((s) => s.tag === 'lapsed-customers')!;
      for (const role of ['analyst', 'service'] as const) {
        await expectProblem(
          await t.request(`/v1/workspaces/acme/suggestions/${target.id}/reject`, {
            key: t.acme.keys[role],
            method: 'POST',
          }),
          403,
          'forbidden',
        );
      }
      await expectProblem(
        await t.request(
          '/v1/workspaces/acme/suggestions/00000000-0000-4000-8000-000000000000/accept',
          {
            key: operator,
            method: 'POST',
          },
        ),
        404,
        'not-found',
      );
    });

    it('bulk-decides by filter after a preview count', async () => {
      const filter = { tag: 'lapsed-customers', minConfidence: 0.5 };
      const expected = (
        await allSuggestions(
          t,
          'acme',
          operator,
          'status=pending&tag=lapsed-customers&min_confidence=0.5',
        )
      ).length;
      expect(expected).toBeGreaterThan(0);
      const preview = await t.request('/v1/workspaces/acme/suggestions/decide', {
        key: operator,
        json: { decision: 'reject', filter, dryRun: true },
      });
      expect(await preview.json()).toEqual({
        dryRun: true,
        matched: expected,
        decided: 0,
        tagsAssigned: 0,
      });
      // The preview changed nothing.
      expect(
        (await allSuggestions(t, 'acme', operator, 'status=pending&tag=lapsed-customers')).length,
      ).toBeGreaterThanOrEqual(expected);
      const done = await t.request('/v1/workspaces/acme/suggestions/decide', {
        key: operator,
        json: { decision: 'reject', filter, reason: 'campaign over' },
      });
      expect(await done.json()).toEqual({
        dryRun: false,
        matched: expected,
        decided: expected,
        tagsAssigned: 0,
      });
      const rejected = await allSuggestions(
        t,
        'acme',
        operator,
        'status=rejected&tag=lapsed-customers',
      );
      expect(rejected).toHaveLength(expected);
      expect(rejected.every((s) => s.reason === 'campaign over')).toBe(true);

      const accept = await t.request('/v1/workspaces/acme/suggestions/decide', {
        key: t.acme.keys.admin,
        json: { decision: 'accept', filter: { tag: 'big-customers', source: 'cluster' } },
      });
      const accepted = (await accept.json()) as { decided: number; tagsAssigned: number };
      expect(accepted.decided).toBe(50);
      expect(accepted.tagsAssigned).toBe(50);
      await expectProblem(
        await t.request('/v1/workspaces/acme/suggestions/decide', {
          key: operator,
          json: { decision: 'accept', filter: {} },
        }),
        422,
        'validation-failed',
      );
      await expectProblem(
        await t.request('/v1/workspaces/acme/suggestions/decide', {
          key: operator,
          json: { decision: 'accept', filter: { tag: 'nope-nope' } },
        }),
        422,
        'validation-failed',
      );
      // Rejected suggestions stay rejected when suggestions are generated again.
      const again = await generateSuggestions(t, 'acme', analyst, ['cluster']);
      expect(again).toMatchObject({ outcome: { created: 0 } });
      expect(
        await allSuggestions(t, 'acme', operator, 'status=pending&tag=lapsed-customers'),
      ).toHaveLength(50 - expected);
    });

    it('routes by the workspace policy: below reviewFrom nothing is suggested', async () => {
      const put = await t.request('/v1/workspaces/acme/suggestion-policy', {
        key: t.acme.keys.admin,
        method: 'PUT',
        json: { reviewFrom: 0.9, autoAcceptFrom: 0.99 },
      });
      expect(await put.json()).toMatchObject({
        reviewFrom: 0.9,
        autoAcceptFrom: 0.99,
        customised: true,
      });
      await expectProblem(
        await t.request('/v1/workspaces/acme/suggestion-policy', {
          key: t.acme.keys.admin,
          method: 'PUT',
          json: { reviewFrom: 0.9, autoAcceptFrom: 0.5 },
        }),
        422,
        'validation-failed',
      );
      await expectProblem(
        await t.request('/v1/workspaces/acme/suggestion-policy', {
          key: t.acme.keys.analyst,
          method: 'PUT',
          json: { reviewFrom: 0.5, autoAcceptFrom: 0.9 },
        }),
        403,
        'forbidden',
      );
      // k = 4 splits one group in two: members near the split get low membership confidence.
      const job = await t.request('/v1/workspaces/acme/cluster-runs', {
        key: analyst,
        json: {
          featureNames: ['recency_days', 'frequency', 'monetary'],
          scaling: 'log1p',
          k: 4,
          seed: 2,
        },
      });
      const run = await waitForJob(t, 'acme', ((await job.json()) as { id: string }).id, analyst);
      const split = (run.result as { runId: string }).runId;
      const result = await generateSuggestions(t, 'acme', analyst, ['cluster']);
      const counts = (
        result.sources as { cluster: { candidates: number; belowReviewThreshold: number } }
      ).cluster;
      expect(counts.belowReviewThreshold).toBeGreaterThan(0);
      const fresh = (await allSuggestions(t, 'acme', operator, 'source=cluster')).filter(
        (s) => s.sourceVersion === split,
      );
      expect(fresh.length).toBeGreaterThan(0);
      expect(fresh.every((s) => s.confidence >= 0.9)).toBe(true);
      const policy = await t.request('/v1/workspaces/acme/suggestion-policy', {
        key: t.acme.keys.service,
      });
      expect(await policy.json()).toMatchObject({ reviewFrom: 0.9, autoAcceptFrom: 0.99 });
    });

    it('validates rule-table edits with paths and stores a new version', async () => {
      const bad = await t.request('/v1/workspaces/acme/rule-tables/rfm-segments', {
        key: analyst,
        method: 'PUT',
        json: {
          rules: [
            { tag: 'vip', label: 'VIP', when: { feature: 'monetary', op: '=>', value: 1000 } },
          ],
        },
      });
      const problem = await expectProblem(bad, 422, 'validation-failed');
      expect(problem.errors?.[0]?.path).toBe('rules[0].when.op');
      const unknownFeature = await t.request('/v1/workspaces/acme/rule-tables/rfm-segments', {
        key: analyst,
        method: 'PUT',
        json: {
          rules: [{ tag: 'vip', label: 'VIP', when: { feature: 'shoe_size', op: '>', value: 1 } }],
        },
      });
      expect(
        (await expectProblem(unknownFeature, 422, 'validation-failed')).errors?.[0]?.path,
      ).toBe('rules[0].when.feature');
      const good = await t.request('/v1/workspaces/acme/rule-tables/rfm-segments', {
        key: analyst,
        method: 'PUT',
        json: {
          rules: [
            { tag: 'vip', label: 'VIP', when: { feature: 'monetary', op: '>=', value: 1000 } },
          ],
        },
      });
      expect(await good.json()).toMatchObject({ name: 'rfm-segments', version: 2 });
      const tag = await t.request('/v1/workspaces/acme/tags/vip', { key: operator });
      expect(await tag.json()).toMatchObject({ kind: 'rule', category: 'value' });
      const result = await generateSuggestions(t, 'acme', analyst, ['rule']);
      expect(result).toMatchObject({ outcome: { created: expect.any(Number) } });
      const vip = await allSuggestions(t, 'acme', operator, 'tag=vip');
      expect(vip.length).toBeGreaterThan(0);
      expect(vip.every((s) => groupOf(s.customer) === 'big')).toBe(true);
      await expectProblem(
        await t.request('/v1/workspaces/acme/rule-tables/other', { key: operator }),
        404,
        'not-found',
      );
    });

    it("answers 404 to another workspace's keys for runs, clusters and suggestions", async () => {
      const target = pending[0]!;
      for (const role of ROLES) {
        const key = t.globex.keys[role];
        const paths = [
          `/v1/workspaces/globex/cluster-runs/${runId}`,
          `/v1/workspaces/globex/cluster-runs/${runId}/clusters/0/members`,
          `/v1/workspaces/acme/cluster-runs/${runId}`,
          `/v1/workspaces/acme/suggestions`,
        ];
        for (const path of paths) {
          const res = await t.request(path, { key });
          // In its own workspace a service key is refused runs by role before any lookup.
          if (role === 'service' && path.startsWith('/v1/workspaces/globex/cluster-runs')) {
            await expectProblem(res, 403, 'forbidden');
          } else {
            await expectProblem(res, 404, 'not-found');
          }
        }
      }
      for (const path of [
        `/v1/workspaces/globex/suggestions/${target.id}/accept`,
        `/v1/workspaces/acme/suggestions/${target.id}/accept`,
      ]) {
        await expectProblem(
          await t.request(path, { key: t.globex.keys.operator, method: 'POST' }),
          404,
          'not-found',
        );
      }
    });
  });
}
