import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { startTestServer, type TestServer } from './harness.ts';
import {
  allSuggestions,
  clusterRun,
  generateSuggestions,
  groupOf,
  loadCustomers,
  type SuggestionJson,
} from './tagging-data.ts';
import { signatureIsValid, WebhookReceiver } from './webhooks-receiver.ts';

for (const kind of testDatabaseKinds()) {
  describe(`webhooks from suggestions and review on ${kind}`, () => {
    let t: TestServer;
    let receiver: WebhookReceiver;
    let created: { id: string; secret: string };
    let assigned: { id: string; secret: string };
    let pending: SuggestionJson[];

    const subscribe = async (path: string, events: string[]) => {
      const res = await t.request('/v1/workspaces/acme/webhooks', {
        key: t.acme.keys.admin,
        json: { url: `${receiver.url}${path}`, events },
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; secret: string };
    };

    beforeAll(async () => {
      receiver = await WebhookReceiver.start();
      t = await startTestServer(kind, { webhookOptions: { pollIntervalMs: 20, concurrency: 20 } });
      const analyst = t.acme.keys.analyst;
      created = await subscribe('/created', ['suggestion.created']);
      assigned = await subscribe('/assigned', ['tag.assigned']);
      await loadCustomers(t, 'acme', analyst, 10);
      const runId = await clusterRun(t, 'acme', analyst, 1);
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
      pending = await allSuggestions(t, 'acme', t.acme.keys.operator, 'status=pending');
    }, 120_000);
    afterAll(async () => {
      await t.close();
      await receiver.close();
    });

    it('delivers one signed suggestion.created per suggestion the job stored', async () => {
      expect(pending).toHaveLength(30);
      await receiver.until(() => receiver.at('/created').length === pending.length);
      const requests = receiver.at('/created');
      expect(requests.every((r) => signatureIsValid(r, created.secret))).toBe(true);
      const bySuggestion = new Map(requests.map((r) => [r.body.data.suggestionId, r.body]));
      for (const suggestion of pending) {
        expect(bySuggestion.get(suggestion.id)).toMatchObject({
          type: 'suggestion.created',
          workspace: 'acme',
          data: {
            customerId: suggestion.customer,
            tag: suggestion.tag,
            source: 'cluster',
            sourceVersion: suggestion.sourceVersion,
            confidence: suggestion.confidence,
          },
        });
      }
    });

    it('accepting a suggestion over the review API delivers a signed tag.assigned', async () => {
      const target = pending[0]!;
      const res = await t.request(`/v1/workspaces/acme/suggestions/${target.id}/accept`, {
        key: t.acme.keys.operator,
        json: { reason: 'looks right' },
      });
      expect(res.status).toBe(200);
      await receiver.until(() => receiver.at('/assigned').length === 1);
      const [request] = receiver.at('/assigned');
      expect(signatureIsValid(request!, assigned.secret)).toBe(true);
      expect(request!.headers['x-tagwise-event']).toBe('tag.assigned');
      expect(request!.headers['x-tagwise-delivery']).toBe(request!.body.id);
      expect(request!.body).toMatchObject({
        type: 'tag.assigned',
        workspace: 'acme',
        data: {
          customerId: target.customer,
          tag: target.tag,
          source: 'cluster',
          sourceVersion: target.sourceVersion,
          confidence: target.confidence,
          suggestionId: target.id,
        },
      });
    });

    it('a bulk accept delivers one tag.assigned per customer that got the tag', async () => {
      const tag = pending.find((s) => s.id !== pending[0]!.id)!.tag;
      const expected = pending.filter((s) => s.tag === tag && s.id !== pending[0]!.id);
      const res = await t.request('/v1/workspaces/acme/suggestions/decide', {
        key: t.acme.keys.operator,
        json: { decision: 'accept', filter: { tag } },
      });
      expect(await res.json()).toMatchObject({ tagsAssigned: expected.length });
      await receiver.until(() => receiver.at('/assigned').length === 1 + expected.length);
      const bulk = receiver.at('/assigned').slice(1);
      expect(bulk.every((r) => signatureIsValid(r, assigned.secret))).toBe(true);
      expect(bulk.map((r) => r.body.data.customerId).sort()).toEqual(
        expected.map((s) => s.customer).sort(),
      );
      expect(new Set(bulk.map((r) => r.body.id)).size).toBe(expected.length);
      expect(bulk.every((r) => r.body.data.tag === tag)).toBe(true);
    });
  });
}
