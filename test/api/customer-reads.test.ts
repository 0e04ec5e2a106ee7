import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { syntheticPurchases } from '../support/synthetic-events.ts';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';
import { allSuggestions, runJob, type SuggestionJson } from './tagging-data.ts';

/**
 * The two hot reads of calling services, `GET /customers/{id}/suggestions` and
 * `GET /customers/{id}/churn`, checked customer by customer against the other read paths
 * of the same rows (the review queue, `POST /churn/predict`). Every customer is read in
 * turn, so each database session serves the same statement many times over: the answers
 * must not change once the database reuses its plan.
 */

const CUSTOMERS = 120;

interface CustomerSuggestionsJson {
  items: (SuggestionJson & { createdAt: string })[];
}

interface ChurnJson {
  customerId: string;
  probability: number;
  riskBand: string;
  model: { id: string; version: number; active: boolean };
  scoredAt: string;
  factors: unknown[];
  explanation: string;
}

interface PredictJson {
  model: { id: string; version: number };
  items: {
    customerId: string;
    probability: number;
    riskBand: string;
    factors: unknown[];
    source: string;
    scoredAt: string;
  }[];
}

const externalIds = Array.from({ length: CUSTOMERS }, (_, c) => `c${c}`);

/** Newest first, then the most confident: the order the customer read promises. */
const newestFirst = (a: { createdAt: string; confidence: number }, b: typeof a) =>
  b.createdAt.localeCompare(a.createdAt) || b.confidence - a.confidence;

for (const kind of testDatabaseKinds()) {
  describe(`a customer's suggestions and churn on ${kind}`, () => {
    let t: TestServer;
    let analyst: string;
    let service: string;

    const json = async <T>(path: string, key = service): Promise<T> => {
      const response = await t.request(`/v1/workspaces/acme${path}`, { key });
      if (response.status !== 200) {
        throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
      }
      return (await response.json()) as T;
    };
    const job = (path: string, params: unknown) =>
      runJob(t, 'acme', analyst, { path, json: params });
    const storedPredictions = async () => {
      const res = await t.request('/v1/workspaces/acme/churn/predict', {
        key: service,
        json: { customerIds: externalIds },
      });
      const body = (await res.json()) as PredictJson;
      return new Map(body.items.filter((i) => i.source === 'stored').map((i) => [i.customerId, i]));
    };

    beforeAll(async () => {
      t = await startTestServer(kind);
      analyst = t.acme.keys.analyst;
      service = t.acme.keys.service;
      for (const events of syntheticPurchases(CUSTOMERS, 8, 1000, 3)) {
        const res = await t.request('/v1/workspaces/acme/events', {
          key: analyst,
          json: { events },
        });
        if (res.status !== 200) throw new Error(`ingest: ${res.status} ${await res.text()}`);
      }
      const quiet = await t.request('/v1/workspaces/acme/customers', {
        key: analyst,
        json: { customers: [{ externalId: 'quiet', attributes: {} }] },
      });
      if (quiet.status !== 200) throw new Error(`customers: ${quiet.status}`);
      await job('/jobs', { kind: 'feature-refresh', params: { asOf: '2024-01-01T00:00:00Z' } });
      await job('/churn/train', {
        label: { kind: 'time-split', asOf: '2023-09-01T00:00:00Z', horizonDays: 90 },
        model: 'logistic',
        folds: 3,
      });
      await job('/churn/score', { asOf: '2023-12-01T00:00:00Z' });
      await job('/suggestions/generate', {});
    }, 180_000);
    afterAll(() => t.close());

    it("returns exactly the queue's suggestions of each customer, newest first, by status too", async () => {
      const queue = await allSuggestions(t, 'acme', t.acme.keys.operator, '');
      const accepted = queue[0]!;
      const decided = await t.request(`/v1/workspaces/acme/suggestions/${accepted.id}/accept`, {
        key: t.acme.keys.operator,
        json: {},
      });
      expect(decided.status).toBe(200);
      // The queue after the decision, with the fields only the customer read sorts by.
      const views = await allSuggestions(t, 'acme', t.acme.keys.operator, '');
      expect(new Set(views.map((s) => s.customer)).size).toBeGreaterThan(CUSTOMERS / 2);
      for (const externalId of externalIds) {
        const { items } = await json<CustomerSuggestionsJson>(
          `/customers/${externalId}/suggestions`,
        );
        const expected = views.filter((s) => s.customer === externalId);
        expect([...items].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [...expected].sort((a, b) => a.id.localeCompare(b.id)),
        );
        expect(items).toEqual([...items].sort(newestFirst));
        const pending = await json<CustomerSuggestionsJson>(
          `/customers/${externalId}/suggestions?status=pending`,
        );
        expect(pending.items).toEqual(items.filter((s) => s.status === 'pending'));
      }
      const own = await json<CustomerSuggestionsJson>(
        `/customers/${accepted.customer}/suggestions?status=accepted`,
      );
      expect(own.items.map((s) => [s.id, s.status])).toEqual([[accepted.id, 'accepted']]);
    });

    it('answers an empty list for a customer without suggestions and 404 for an unknown one', async () => {
      expect(await json('/customers/quiet/suggestions')).toEqual({ items: [] });
      await expectProblem(
        await t.request('/v1/workspaces/acme/customers/nobody/suggestions', { key: service }),
        404,
        'not-found',
      );
      await expectProblem(
        await t.request('/v1/workspaces/acme/customers/c1/suggestions?status=maybe', {
          key: service,
        }),
        400,
        'invalid-parameters',
      );
    });

    it('answers every customer at once exactly as one at a time', async () => {
      // `a%00b` is an id PostgreSQL cannot hold: refused before any lookup, it fails no batch.
      const everyone = [...externalIds, 'quiet', 'nobody', 'a%00b'];
      const read = async (path: string) => {
        const response = await t.request(`/v1/workspaces/acme${path}`, { key: service });
        // A problem names its own request; the rest of the answer must not differ.
        const body = (await response.json()) as Record<string, unknown>;
        delete body.requestId;
        return { status: response.status, body };
      };
      const paths = everyone.flatMap((id) => [
        `/customers/${id}/suggestions`,
        `/customers/${id}/churn`,
      ]);
      const oneAtATime = [];
      for (const path of paths) oneAtATime.push(await read(path));
      const statuses = new Set(oneAtATime.map((answer) => answer.status));
      expect([...statuses].sort()).toEqual([200, 400, 404]);
      // The answers differ per customer, so one mixed up with another's would show.
      expect(new Set(oneAtATime.map((answer) => JSON.stringify(answer.body))).size).toBe(
        paths.length,
      );
      expect(await Promise.all(paths.map(read))).toEqual(oneAtATime);
    });

    it('returns the stored prediction of each customer, and the new one right after a new scoring', async () => {
      const check = async () => {
        const stored = await storedPredictions();
        expect(stored.size).toBeGreaterThan(CUSTOMERS / 2);
        for (const externalId of externalIds) {
          const expected = stored.get(externalId);
          const res = await t.request(`/v1/workspaces/acme/customers/${externalId}/churn`, {
            key: service,
          });
          if (expected === undefined) {
            await expectProblem(res, 404, 'not-found');
            continue;
          }
          const churn = (await res.json()) as ChurnJson;
          expect(churn).toMatchObject({
            customerId: externalId,
            probability: expected.probability,
            riskBand: expected.riskBand,
            factors: expected.factors,
            scoredAt: expected.scoredAt,
            model: { active: true, version: 1 },
          });
        }
        return stored;
      };
      const first = await check();
      await job('/churn/score', { asOf: '2024-01-01T00:00:00Z' });
      const second = await check();
      const [externalId, before] = [...first][0]!;
      expect(Date.parse(second.get(externalId)!.scoredAt)).toBeGreaterThan(
        Date.parse(before.scoredAt),
      );
      await expectProblem(
        await t.request('/v1/workspaces/acme/customers/quiet/churn', { key: service }),
        404,
        'not-found',
      );
    });
  });
}
