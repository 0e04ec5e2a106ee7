import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';

for (const kind of testDatabaseKinds()) {
  describe(`workspace isolation on ${kind}`, () => {
    let t: TestServer;
    let globexJob: string;
    let globexKey: string;
    beforeAll(async () => {
      t = await startTestServer(kind);
      await t.request('/v1/workspaces/globex/events', {
        key: t.globex.keys.analyst,
        json: {
          events: [
            {
              eventId: 'g1',
              customerId: 'secret-customer',
              occurredAt: '2024-01-01T00:00:00Z',
              kind: 'purchase',
            },
          ],
        },
      });
      const job = await t.request('/v1/workspaces/globex/jobs', {
        key: t.globex.keys.analyst,
        json: { kind: 'test-steps', params: { steps: 1, stepMs: 0 } },
      });
      globexJob = ((await job.json()) as { id: string }).id;
      const keys = await t.request('/v1/keys', { key: t.globex.keys.admin });
      globexKey = ((await keys.json()) as { items: { id: string }[] }).items[0]!.id;
    });
    afterAll(() => t.close());

    it('lists only the workspaces a key may see', async () => {
      const scoped = await t.request('/v1/workspaces', { key: t.acme.keys.service });
      expect(
        ((await scoped.json()) as { items: { slug: string }[] }).items.map((w) => w.slug),
      ).toEqual(['acme']);
      const global = await t.request('/v1/workspaces', { key: t.acme.globalAdmin });
      expect(
        ((await global.json()) as { items: { slug: string }[] }).items.map((w) => w.slug),
      ).toEqual(['acme', 'globex']);
    });

    it("answers 404 to every role of workspace A for workspace B's resources, like a missing workspace", async () => {
      const foreign = [
        '/v1/workspaces/globex',
        '/v1/workspaces/globex/customers',
        '/v1/workspaces/globex/customers/secret-customer',
        '/v1/workspaces/globex/customers/secret-customer/events',
        '/v1/workspaces/globex/jobs',
        `/v1/workspaces/globex/jobs/${globexJob}`,
        `/v1/workspaces/globex/jobs/${globexJob}/events`,
      ];
      for (const role of ROLES) {
        for (const path of foreign) {
          const problem = await expectProblem(
            await t.request(path, { key: t.acme.keys[role] }),
            404,
            'not-found',
          );
          const missing = await expectProblem(
            await t.request(path.replace('globex', 'no-such-workspace'), {
              key: t.acme.keys[role],
            }),
            404,
            'not-found',
          );
          expect(problem.detail.replace('globex', 'X')).toBe(
            missing.detail.replace('no-such-workspace', 'X'),
          );
        }
      }
      const write = await t.request('/v1/workspaces/globex/events', {
        key: t.acme.keys.service,
        json: {
          events: [
            { eventId: 'x', customerId: 'y', occurredAt: '2024-01-01T00:00:00Z', kind: 'visit' },
          ],
        },
      });
      await expectProblem(write, 404, 'not-found');
      const cancel = await t.request(`/v1/workspaces/globex/jobs/${globexJob}/cancel`, {
        key: t.acme.keys.analyst,
        method: 'POST',
      });
      await expectProblem(cancel, 404, 'not-found');
    });

    it("does not find B's job or customer through A's workspace, nor B's keys", async () => {
      await expectProblem(
        await t.request(`/v1/workspaces/acme/jobs/${globexJob}`, { key: t.acme.keys.analyst }),
        404,
        'not-found',
      );
      await expectProblem(
        await t.request('/v1/workspaces/acme/customers/secret-customer', {
          key: t.acme.keys.analyst,
        }),
        404,
        'not-found',
      );
      await expectProblem(
        await t.request(`/v1/keys/${globexKey}`, { key: t.acme.keys.admin, method: 'DELETE' }),
        404,
        'not-found',
      );
      const globexCustomer = await t.request('/v1/workspaces/globex/customers/secret-customer', {
        key: t.globex.keys.service,
      });
      expect(globexCustomer.status).toBe(200);
    });
  });
}
