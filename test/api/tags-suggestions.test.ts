import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { createRng } from '@tagwise/engine';
import { startTestServer, type TestServer } from './harness.ts';
import {
  allSuggestions,
  generateSuggestions,
  loadCustomers,
  runJob,
  type SuggestionJson,
} from './tagging-data.ts';

/**
 * Customers whose churn label follows tenure, plan and monthly charges (plus noise), so a
 * logistic model spreads its probabilities over the whole range.
 */
function labelledCustomers(count: number) {
  const rng = createRng(3);
  return Array.from({ length: count }, (_, i) => {
    const tenure = 1 + rng.nextInt(72);
    const plan = (['basic', 'pro', 'max'] as const)[rng.nextInt(3)]!;
    const monthly = Math.round((20 + rng.nextFloat() * 80) * 100) / 100;
    const z =
      1.5 -
      tenure / 12 +
      (plan === 'basic' ? 1.2 : plan === 'max' ? -0.8 : 0) +
      (monthly - 60) / 25 +
      rng.nextNormal() * 0.6;
    return {
      externalId: `p${String(i).padStart(3, '0')}`,
      attributes: { tenure, plan, monthly, churn: z > 0 ? 'yes' : 'no' },
    };
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`tag definitions drive suggestions over HTTP on ${kind}`, () => {
    let t: TestServer;

    async function json<T>(response: Response, status: number): Promise<T> {
      const text = await response.text();
      if (response.status !== status) {
        throw new Error(`expected ${status}, got ${response.status}: ${text}`);
      }
      return JSON.parse(text) as T;
    }

    beforeAll(async () => {
      t = await startTestServer(kind);
    }, 120_000);
    afterAll(() => t.close());

    describe('rule tags in acme', () => {
      let analyst: string;
      let operator: string;
      beforeAll(async () => {
        analyst = t.acme.keys.analyst;
        operator = t.acme.keys.operator;
        await loadCustomers(t, 'acme', analyst, 15);
        // Stores the default rule tables and the tags of their rules.
        await json(await t.request('/v1/workspaces/acme/rule-tables', { key: analyst }), 200);
      }, 120_000);

      it('suggests nothing new for a deprecated tag; its holders keep it', async () => {
        await json(
          await t.request('/v1/workspaces/acme/customers/regular-0/tags', {
            key: operator,
            json: { tag: 'active', reason: 'known regular' },
          }),
          201,
        );
        await json(
          await t.request('/v1/workspaces/acme/tags/active', {
            key: analyst,
            method: 'PATCH',
            json: { status: 'deprecated', message: 'lifecycle moves to the CRM' },
          }),
          200,
        );
        const result = (await generateSuggestions(t, 'acme', analyst, ['rule'])) as {
          sources: { rule: { inactiveTag: number; routedToReview: number } };
        };
        // The rule still matched customers: the job dropped them for the tag's status.
        expect(result.sources.rule.inactiveTag).toBeGreaterThan(0);
        expect(result.sources.rule.routedToReview).toBeGreaterThan(0);
        const all = await allSuggestions(t, 'acme', operator, 'source=rule');
        expect(all.length).toBe(result.sources.rule.routedToReview);
        expect(all.some((s) => s.tag === 'active')).toBe(false);
        const tag = await json<{ holders: number; status: string }>(
          await t.request('/v1/workspaces/acme/tags/active', { key: operator }),
          200,
        );
        expect(tag).toMatchObject({ status: 'deprecated', holders: 1 });
      });

      it('takes the pending suggestions of a merged tag out of the queue', async () => {
        const pending = (await allSuggestions(t, 'acme', operator, 'status=pending')).filter(
          (s) => s.tag === 'dormant' || s.tag === 'churned',
        );
        const from = pending[0]!.tag;
        const count = pending.filter((s) => s.tag === from).length;
        await json(
          await t.request('/v1/workspaces/acme/tags', {
            key: analyst,
            json: { slug: 'lapsed', displayName: 'Lapsed', category: 'lifecycle' },
          }),
          201,
        );
        const merged = await json<{ supersededSuggestions: number }>(
          await t.request(`/v1/workspaces/acme/tags/${from}/merge`, {
            key: analyst,
            json: { into: 'lapsed' },
          }),
          200,
        );
        expect(merged.supersededSuggestions).toBe(count);
        expect(await allSuggestions(t, 'acme', operator, `tag=${from}&status=pending`)).toEqual([]);
        const superseded = await allSuggestions(t, 'acme', operator, `tag=${from}`);
        expect(superseded).toHaveLength(count);
        expect(superseded.every((s) => s.status === 'superseded')).toBe(true);
        expect(superseded[0]!.reason).toBe('merged into lapsed');
      });
    });

    describe('the churn threshold of likely-to-churn in globex', () => {
      let analyst: string;
      const tag = '/v1/workspaces/globex/tags/likely-to-churn';
      const setThreshold = (threshold: number, message: string) =>
        t.request(tag, {
          key: analyst,
          method: 'PATCH',
          json: { source: { type: 'model', modelKind: 'churn', threshold }, message },
        });
      const churnSuggestions = () =>
        allSuggestions(t, 'globex', t.globex.keys.operator, 'source=churn');
      const confidences = (items: SuggestionJson[]) => items.map((s) => s.confidence);

      beforeAll(async () => {
        analyst = t.globex.keys.analyst;
        await json(
          await t.request('/v1/workspaces/globex/customers', {
            key: analyst,
            json: { customers: labelledCustomers(300) },
          }),
          200,
        );
        await runJob(t, 'globex', analyst, {
          path: '/jobs',
          json: { kind: 'feature-refresh', params: { asOf: '2025-01-01T00:00:00Z' } },
        });
        await runJob(t, 'globex', analyst, {
          path: '/churn/train',
          json: {
            label: { kind: 'column', column: 'churn', positive: 'yes' },
            features: { behavioural: [], attributes: ['tenure', 'plan', 'monthly'] },
            model: 'logistic',
            folds: 3,
          },
        });
        await runJob(t, 'globex', analyst, { path: '/churn/score', json: {} });
      }, 300_000);

      it('follows a threshold that was changed and rolled back', async () => {
        await json(await setThreshold(0.9, 'only the clearest cases'), 200); // v2
        await json(await setThreshold(0.6, 'wider net'), 200); // v3
        const restored = await json<{ version: number; source: { threshold: number } }>(
          await t.request(`${tag}/rollback`, {
            key: analyst,
            json: { version: 2, message: 'the wider net flooded the queue' },
          }),
          200,
        );
        expect(restored).toMatchObject({ version: 4, source: { threshold: 0.9 } });

        const strict = await runJob(t, 'globex', analyst, {
          path: '/suggestions/generate',
          json: { sources: ['churn'] },
        });
        const first = await churnSuggestions();
        expect(first.length).toBeGreaterThan(0);
        expect(Math.min(...confidences(first))).toBeGreaterThanOrEqual(0.9);
        expect(strict.result).toMatchObject({ outcome: { created: first.length } });
        // The job's message states what was stored, not what was about to be.
        expect(strict.message).toBe(
          `${first.length} new suggestions (0 auto-accepted); 0 already suggested, 0 older pending ones superseded`,
        );

        // Back to version 3's definition: the next run adds those between 0.6 and 0.9.
        await json(await t.request(`${tag}/rollback`, { key: analyst, json: { version: 3 } }), 200);
        await generateSuggestions(t, 'globex', analyst, ['churn']);
        const second = await churnSuggestions();
        const added = second.filter((s) => !first.some((f) => f.id === s.id));
        expect(added.length).toBeGreaterThan(0);
        expect(Math.min(...confidences(added))).toBeGreaterThanOrEqual(0.6);
        expect(Math.max(...confidences(added))).toBeLessThan(0.9);

        // The tag reports its review backlog, and a decision takes one off it.
        const backlog = async () =>
          (await json<{ pendingSuggestions: number }>(await t.request(tag, { key: analyst }), 200))
            .pendingSuggestions;
        expect(await backlog()).toBe(second.length);
        await json(
          await t.request(`/v1/workspaces/globex/suggestions/${second[0]!.id}/reject`, {
            key: t.globex.keys.operator,
            method: 'POST',
          }),
          200,
        );
        expect(await backlog()).toBe(second.length - 1);

        const versions = await json<{ items: { version: number; message: string | null }[] }>(
          await t.request(`${tag}/versions`, { key: t.globex.keys.service }),
          200,
        );
        expect(versions.items.map((v) => [v.version, v.message])).toEqual([
          [5, 'rolled back to version 3'],
          [4, 'the wider net flooded the queue'],
          [3, 'wider net'],
          [2, 'only the clearest cases'],
          [1, null],
        ]);
      });
    });
  });
}
