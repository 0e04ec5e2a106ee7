import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';
import { signatureIsValid, WebhookReceiver } from './webhooks-receiver.ts';

interface WebhookJson {
  id: string;
  url: string;
  events: string[];
  active: boolean;
  secret?: string;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

for (const kind of testDatabaseKinds()) {
  describe(`webhook routes on ${kind}`, () => {
    let t: TestServer;
    let receiver: WebhookReceiver;
    let admin: string;
    const base = '/v1/workspaces/acme/webhooks';

    const create = async (body: unknown) => t.request(base, { key: admin, json: body });
    const list = async (query = '') =>
      (await (await t.request(`${base}${query}`, { key: admin })).json()) as Page<WebhookJson>;

    beforeAll(async () => {
      receiver = await WebhookReceiver.start();
      t = await startTestServer(kind, { webhookOptions: { pollIntervalMs: 20 } });
      admin = t.acme.keys.admin;
    });
    afterAll(async () => {
      await t.close();
      await receiver.close();
    });

    it('rejects bad subscriptions with a 422 naming the field, and writes nothing', async () => {
      const cases: [unknown, string][] = [
        [{ url: 'ftp://example.com/x', events: ['tag.assigned'] }, 'url'],
        [{ url: 'not a url', events: ['tag.assigned'] }, 'url'],
        [{ url: 'https://crm:s3cret@example.com/hook', events: ['tag.assigned'] }, 'url'],
        [{ url: 'https://example.com', events: [] }, 'events'],
        [{ url: 'https://example.com', events: ['tag.exploded'] }, 'events.0'],
        [{ url: 'https://example.com', events: ['tag.assigned', 'tag.assigned'] }, 'events'],
        [{ url: 'https://example.com', events: ['tag.assigned'], secret: 'mine' }, '(root)'],
      ];
      for (const [body, path] of cases) {
        const problem = await expectProblem(await create(body), 422, 'validation-failed');
        expect(problem.errors?.map((e) => e.path)).toContain(path);
      }
      expect((await list()).items).toEqual([]);
    });

    it('lets only admins of the workspace manage webhooks', async () => {
      for (const role of ['analyst', 'operator', 'service'] as const) {
        await expectProblem(
          await t.request(base, {
            key: t.acme.keys[role],
            json: { url: 'https://example.com', events: ['tag.assigned'] },
          }),
          403,
          'forbidden',
        );
      }
      await expectProblem(await t.request(base, { key: t.globex.keys.admin }), 404, 'not-found');
    });

    it('pages subscriptions newest first with a keyset cursor', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await create({ url: `https://example.com/${i}`, events: ['tag.removed'] });
        expect(res.status).toBe(201);
        ids.push(((await res.json()) as WebhookJson).id);
      }
      const first = await list('?limit=2');
      const second = await list(`?limit=2&cursor=${first.nextCursor}`);
      const third = await list(`?limit=2&cursor=${second.nextCursor}`);
      expect([...first.items, ...second.items, ...third.items].map((w) => w.id)).toEqual(
        ids.reverse(),
      );
      expect(third.nextCursor).toBeNull();
      expect(first.items.every((w) => !('secret' in w))).toBe(true);
      await expectProblem(
        await t.request(`${base}?cursor=bogus`, { key: admin }),
        400,
        'invalid-parameters',
      );
      for (const id of ids) {
        expect((await t.request(`${base}/${id}`, { key: admin, method: 'DELETE' })).status).toBe(
          204,
        );
      }
    });

    it('patches, pauses, rotates the secret and deletes a subscription', async () => {
      const created = (await (
        await create({ url: `${receiver.url}/old`, events: ['tag.assigned'] })
      ).json()) as WebhookJson;
      const url = `${base}/${created.id}`;
      const patched = await t.request(url, {
        key: admin,
        method: 'PATCH',
        json: { url: `${receiver.url}/new`, events: ['tag.removed', 'segment.left'] },
      });
      expect(await patched.json()).toMatchObject({
        url: `${receiver.url}/new`,
        events: ['tag.removed', 'segment.left'],
        active: true,
      });
      await expectProblem(
        await t.request(url, { key: admin, method: 'PATCH', json: {} }),
        422,
        'validation-failed',
      );
      await expectProblem(
        await t.request(url, { key: admin, method: 'PATCH', json: { url: 'javascript:alert(1)' } }),
        422,
        'validation-failed',
      );

      const paused = await t.request(url, { key: admin, method: 'PATCH', json: { active: false } });
      expect(await paused.json()).toMatchObject({ active: false });
      await expectProblem(
        await t.request(`${url}/test`, { key: admin, method: 'POST' }),
        409,
        'conflict',
      );
      await t.request(url, { key: admin, method: 'PATCH', json: { active: true } });

      const rotated = (await (
        await t.request(`${url}/rotate-secret`, { key: admin, method: 'POST' })
      ).json()) as WebhookJson;
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(created.secret);
      const ping = await t.request(`${url}/test`, { key: admin, method: 'POST' });
      expect(ping.status).toBe(202);
      await receiver.until(() => receiver.at('/new').length === 1);
      const [request] = receiver.at('/new');
      expect(signatureIsValid(request!, rotated.secret!)).toBe(true);
      expect(signatureIsValid(request!, created.secret!)).toBe(false);

      expect((await t.request(url, { key: admin, method: 'DELETE' })).status).toBe(204);
      await expectProblem(await t.request(url, { key: admin }), 404, 'not-found');
      await expectProblem(await t.request(`${url}/deliveries`, { key: admin }), 404, 'not-found');
      await expectProblem(
        await t.request(`${base}/deliveries/${request!.body.id}/redeliver`, {
          key: admin,
          method: 'POST',
        }),
        404,
        'not-found',
      );
    });

    it('lists deliveries by status with a keyset cursor', async () => {
      receiver.answer('/listed', (nth) => (nth % 2 === 0 ? 410 : 200));
      const hook = (await (
        await create({ url: `${receiver.url}/listed`, events: ['tag.assigned'] })
      ).json()) as WebhookJson;
      const queued: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await t.request(`${base}/${hook.id}/test`, { key: admin, method: 'POST' });
        queued.push(((await res.json()) as { id: string }).id);
      }
      await receiver.until(() => receiver.at('/listed').length === 5);
      const deliveries = `${base}/${hook.id}/deliveries`;
      const settled = async () => {
        for (;;) {
          const page = (await (
            await t.request(`${deliveries}?limit=500`, { key: admin })
          ).json()) as Page<{ id: string; status: string }>;
          if (page.items.every((d) => d.status !== 'delivering' && d.status !== 'pending')) {
            return page.items;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      };
      const all = await settled();
      expect(all.map((d) => d.id)).toEqual([...queued].reverse());
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page = (await (
          await t.request(
            `${deliveries}?status=delivered&limit=1${cursor === '' ? '' : `&cursor=${cursor}`}`,
            { key: admin },
          )
        ).json()) as Page<{ id: string; status: string }>;
        expect(page.items.every((d) => d.status === 'delivered')).toBe(true);
        seen.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor;
      }
      expect(seen).toEqual(all.filter((d) => d.status === 'delivered').map((d) => d.id));
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.length).toBeLessThan(5);
      await expectProblem(
        await t.request(`${deliveries}?status=lost`, { key: admin }),
        400,
        'invalid-parameters',
      );
    });
  });
}
