import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger, parseConfig, startServer, type RunningServer } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';
import { signatureIsValid, WebhookReceiver } from './webhooks-receiver.ts';

/** Fast polling and a short backoff, so retries and dead letters take milliseconds. */
const WEBHOOK_OPTIONS = {
  pollIntervalMs: 20,
  requestTimeoutMs: 5_000,
  retry: { baseDelayMs: 20, maxDelayMs: 80, maxAttempts: 3 },
};

interface WebhookJson {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  secret?: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

interface DeliveryJson {
  id: string;
  subscriptionId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** Calls the API of a running server with the acme admin key. */
function adminApi(baseUrl: string, key: string) {
  const call = async (method: string, path: string, json?: unknown) =>
    fetch(`${baseUrl}/v1/workspaces/acme${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
  return {
    call,
    async subscribe(url: string, events = ['tag.assigned']): Promise<WebhookJson> {
      const res = await call('POST', '/webhooks', { url, events });
      expect(res.status).toBe(201);
      return (await res.json()) as WebhookJson;
    },
    async ping(webhookId: string): Promise<DeliveryJson> {
      const res = await call('POST', `/webhooks/${webhookId}/test`);
      expect(res.status).toBe(202);
      return (await res.json()) as DeliveryJson;
    },
    async deliveries(webhookId: string, query = ''): Promise<DeliveryJson[]> {
      const res = await call('GET', `/webhooks/${webhookId}/deliveries?limit=500${query}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: DeliveryJson[] }).items;
    },
    /** Polls a subscription's deliveries until `done` holds for the list. */
    async until(webhookId: string, done: (items: DeliveryJson[]) => boolean) {
      for (;;) {
        const items = await this.deliveries(webhookId);
        if (done(items)) return items;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`webhook delivery on ${kind}`, () => {
    let t: TestServer;
    let receiver: WebhookReceiver;
    let api: ReturnType<typeof adminApi>;
    beforeAll(async () => {
      receiver = await WebhookReceiver.start();
      t = await startTestServer(kind, { webhookOptions: WEBHOOK_OPTIONS });
      api = adminApi(t.url, t.acme.keys.admin);
    });
    afterAll(async () => {
      await t.close();
      await receiver.close();
    });

    it('creates a subscription, shows its secret once and delivers a signed ping', async () => {
      const created = await api.subscribe(`${receiver.url}/ping`, ['tag.assigned', 'tag.removed']);
      expect(created).toMatchObject({
        url: `${receiver.url}/ping`,
        events: ['tag.assigned', 'tag.removed'],
        active: true,
      });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
      const read = (await (await api.call('GET', `/webhooks/${created.id}`)).json()) as object;
      expect(read).not.toHaveProperty('secret');
      expect(read).toEqual({ ...created, secret: undefined });

      const queued = await api.ping(created.id);
      expect(queued).toMatchObject({ eventType: 'webhook.ping', status: 'pending', attempts: 0 });
      await receiver.until(() => receiver.at('/ping').length === 1);
      const [request] = receiver.at('/ping');
      expect(signatureIsValid(request!, created.secret!)).toBe(true);
      expect(signatureIsValid(request!, 'whsec_wrong')).toBe(false);
      expect(request!.headers['x-tagwise-event']).toBe('webhook.ping');
      expect(request!.headers['x-tagwise-delivery']).toBe(queued.id);
      expect(request!.body).toEqual({
        id: queued.id,
        type: 'webhook.ping',
        occurredAt: queued.createdAt,
        workspace: 'acme',
        data: { subscriptionId: created.id, events: ['tag.assigned', 'tag.removed'] },
      });
      const [delivered] = await api.until(created.id, ([d]) => d?.status === 'delivered');
      expect(delivered).toMatchObject({
        id: queued.id,
        attempts: 1,
        lastStatusCode: 200,
        lastError: null,
        nextAttemptAt: null,
      });
      expect(delivered!.deliveredAt).not.toBeNull();
    });

    it('retries after failures: 500, 500, then 200 is three attempts of one delivery', async () => {
      receiver.answer('/flaky', (nth) => (nth <= 2 ? 500 : 200));
      const hook = await api.subscribe(`${receiver.url}/flaky`);
      const queued = await api.ping(hook.id);
      const [delivered] = await api.until(hook.id, ([d]) => d?.status === 'delivered');
      expect(delivered).toMatchObject({ attempts: 3, lastStatusCode: 200, lastError: null });
      const requests = receiver.at('/flaky');
      expect(requests.map((r) => r.answer)).toEqual([500, 500, 200]);
      expect(new Set(requests.map((r) => r.headers['x-tagwise-delivery']))).toEqual(
        new Set([queued.id]),
      );
      expect(requests.every((r) => signatureIsValid(r, hook.secret!))).toBe(true);
    });

    it('dead-letters after the last attempt; redelivery with reset attempts then succeeds', async () => {
      let up = false;
      receiver.answer('/down', () => (up ? 204 : 503));
      const hook = await api.subscribe(`${receiver.url}/down`);
      const queued = await api.ping(hook.id);
      const [dead] = await api.until(hook.id, ([d]) => d?.status === 'dead');
      expect(dead).toMatchObject({ id: queued.id, attempts: 3, lastStatusCode: 503 });
      expect(dead!.lastError).toBe('HTTP 503: answer 503');
      expect(receiver.at('/down')).toHaveLength(3);

      const letters = (await (await api.call('GET', '/webhooks/dead-letters')).json()) as {
        items: DeliveryJson[];
        nextCursor: string | null;
      };
      expect(letters.items.map((d) => d.id)).toEqual([queued.id]);
      expect(letters.items[0]).toMatchObject({ subscriptionId: hook.id, status: 'dead' });

      up = true;
      const res = await api.call('POST', `/webhooks/deliveries/${queued.id}/redeliver`);
      expect(res.status).toBe(202);
      expect(await res.json()).toMatchObject({ id: queued.id, status: 'pending', attempts: 0 });
      const [delivered] = await api.until(hook.id, ([d]) => d?.status === 'delivered');
      expect(delivered).toMatchObject({ id: queued.id, attempts: 1, lastStatusCode: 204 });
      expect(receiver.at('/down').map((r) => r.answer)).toEqual([503, 503, 503, 204]);
      expect(receiver.at('/down')[3]!.headers['x-tagwise-delivery']).toBe(queued.id);
      const after = (await (await api.call('GET', '/webhooks/dead-letters')).json()) as {
        items: DeliveryJson[];
      };
      expect(after.items).toEqual([]);
      await expectProblem(
        await api.call(
          'POST',
          '/webhooks/deliveries/00000000-0000-4000-8000-000000000000/redeliver',
        ),
        404,
        'not-found',
      );
    });

    // Last: it closes the harness server and serves the database from new servers.
    it('loses no delivery across restarts: in flight, queued without a deliverer, or left by a crash', async () => {
      const key = t.acme.keys.admin;
      let hanging = true;
      receiver.answer('/restart', () => (hanging ? 'hang' : 200));
      const hook = await api.subscribe(`${receiver.url}/restart`);
      // 1. Three attempts in flight (the receiver never answers) when the server stops.
      const inFlight = [await api.ping(hook.id), await api.ping(hook.id), await api.ping(hook.id)];
      await receiver.until(() => receiver.at('/restart').length === 3);
      await t.server.close();
      const handedBack = await t.database.db
        .selectFrom('webhook_deliveries')
        .select(['status', 'attempts'])
        .where('subscription_id', '=', hook.id)
        .execute();
      expect(handedBack).toEqual(Array(3).fill({ status: 'pending', attempts: 0 }));

      // 2. Two queued by an API server that runs no deliverer.
      const apiOnly = await startServer(
        parseConfig({ PORT: '0', TAGWISE_WEBHOOK_TARGETS: 'any' }),
        {
          database: t.database,
          logger: createMemoryLogger(),
          worker: false,
        },
      );
      const apiOnlyApi = adminApi(apiOnly.url, key);
      const queuedMeanwhile = [await apiOnlyApi.ping(hook.id), await apiOnlyApi.ping(hook.id)];
      await apiOnly.close();

      // 3. One claimed by a deliverer that crashed an hour ago, mid-attempt.
      const crashed = await t.database.db
        .insertInto('webhook_deliveries')
        .values({
          subscription_id: hook.id,
          workspace_id: t.acme.workspace.id,
          event_type: 'webhook.ping',
          customer_id: null,
          payload: JSON.stringify({ left: 'by a crash' }),
          status: 'delivering',
          attempts: 1,
          claim_token: '11111111-1111-4111-8111-111111111111',
          claimed_at: new Date(Date.now() - 3_600_000),
          last_error: null,
          last_status_code: null,
          delivered_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      hanging = false;
      let restarted: RunningServer | undefined;
      try {
        restarted = await startServer(parseConfig({ PORT: '0', TAGWISE_WEBHOOK_TARGETS: 'any' }), {
          database: t.database,
          logger: createMemoryLogger(),
          webhookOptions: WEBHOOK_OPTIONS,
        });
        const expected = [...inFlight, ...queuedMeanwhile].map((d) => d.id).concat(crashed.id);
        const answered = () =>
          receiver
            .at('/restart')
            .filter((r) => r.answer === 200)
            .map((r) => r.body.id);
        await receiver.until(() => new Set(answered()).size === expected.length);
        const items = await adminApi(restarted.url, key).until(hook.id, (list) =>
          list.every((d) => d.status === 'delivered'),
        );
        expect(new Set(items.map((d) => d.id))).toEqual(new Set(expected));
        // At least once, with the same id: each answered once here, the three that were in
        // flight also seen (unanswered) before the restart.
        expect(answered().sort()).toEqual([...expected].sort());
        expect(
          receiver
            .at('/restart')
            .filter((r) => r.answer === 'hang')
            .map((r) => r.body.id)
            .sort(),
        ).toEqual(inFlight.map((d) => d.id).sort());
      } finally {
        await restarted?.close();
      }
    });
  });
}

for (const kind of testDatabaseKinds()) {
  describe(`webhook targets on ${kind}`, () => {
    let receiver: WebhookReceiver;
    beforeAll(async () => {
      receiver = await WebhookReceiver.start();
    });
    afterAll(() => receiver.close());

    it('refuses URLs of loopback, private and link-local hosts by default, naming the address', async () => {
      const t = await startTestServer(kind, { webhookTargets: 'public' });
      try {
        const api = adminApi(t.url, t.acme.keys.admin);
        for (const [url, address] of [
          [`${receiver.url}/hook`, '127.0.0.1'],
          ['http://[::1]:9/hook', '::1'],
          ['http://10.0.0.7/hook', '10.0.0.7'],
          ['http://169.254.169.254/latest/meta-data', '169.254.169.254'],
          ['http://[::ffff:192.168.1.1]/hook', '::ffff:c0a8:101'],
        ]) {
          const problem = await expectProblem(
            await api.call('POST', '/webhooks', { url, events: ['tag.assigned'] }),
            422,
            'validation-failed',
          );
          expect(problem.errors).toEqual([
            { path: 'url', message: expect.stringContaining(`resolves to ${address}`) },
          ]);
        }
        const listed = await api.call('GET', '/webhooks');
        expect(((await listed.json()) as { items: unknown[] }).items).toEqual([]);

        // A public address is accepted; changing it to a private one is refused and changes nothing.
        const created = await api.subscribe('https://93.184.216.34/hook');
        await expectProblem(
          await api.call('PATCH', `/webhooks/${created.id}`, { url: 'http://192.168.0.10/hook' }),
          422,
          'validation-failed',
        );
        const read = (await (
          await api.call('GET', `/webhooks/${created.id}`)
        ).json()) as WebhookJson;
        expect(read.url).toBe('https://93.184.216.34/hook');
      } finally {
        await t.close();
      }
      expect(receiver.requests).toEqual([]);
    });

    it('checks the host again before every attempt and sends nothing to a private one', async () => {
      // Saved while private hosts were allowed; the deliverer now allows only public ones, as
      // when a host name comes to resolve to a private address after it was saved.
      const t = await startTestServer(kind, {
        webhookOptions: { ...WEBHOOK_OPTIONS, targets: 'public' },
      });
      try {
        const api = adminApi(t.url, t.acme.keys.admin);
        const created = await api.subscribe(`${receiver.url}/moved`);
        await api.ping(created.id);
        const [dead] = await api.until(created.id, ([d]) => d?.status === 'dead');
        expect(dead).toMatchObject({ attempts: 3, lastStatusCode: null });
        expect(dead!.lastError).toMatch(
          /^not sent: resolves to 127\.0\.0\.1, which is not a public address/,
        );
      } finally {
        await t.close();
      }
      expect(receiver.at('/moved')).toEqual([]);
    });
  });
}
