import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { startTestServer, type TestServer } from './harness.ts';
import { generateSuggestions, waitForJob, type JobJson } from './tagging-data.ts';

for (const kind of testDatabaseKinds()) {
  describe(`segment snapshots per refresh on ${kind}`, () => {
    let t: TestServer;
    const ws = '/v1/workspaces/acme';

    beforeAll(async () => {
      t = await startTestServer(kind);
    });
    afterAll(async () => {
      await t.close();
    });

    it('a suggestion refresh queues a snapshot of every segment of the workspace', async () => {
      const admin = t.acme.keys.admin;
      const customers = ['c1', 'c2', 'c3'].map((id) => ({ externalId: id, attributes: {} }));
      expect((await t.request(`${ws}/customers`, { key: admin, json: { customers } })).status).toBe(
        200,
      );
      const tag = { slug: 'vip', displayName: 'VIP', kind: 'fact', category: 'value' };
      expect((await t.request(`${ws}/tags`, { key: admin, json: tag })).status).toBe(201);
      for (const id of ['c1', 'c2']) {
        const res = await t.request(`${ws}/customers/${id}/tags`, {
          key: admin,
          json: { tag: 'vip' },
        });
        expect(res.status).toBe(201);
      }
      const segment = { slug: 'vips', name: 'VIPs', expression: { tag: 'vip' } };
      expect((await t.request(`${ws}/segments`, { key: admin, json: segment })).status).toBe(201);

      await generateSuggestions(t, 'acme', admin);
      const jobs = (await (
        await t.request(`${ws}/jobs?kind=segment-snapshot`, { key: admin })
      ).json()) as { items: JobJson[] };
      expect(jobs.items).toHaveLength(1);
      expect((await waitForJob(t, 'acme', jobs.items[0]!.id, admin)).status).toBe('succeeded');

      const snapshots = (await (
        await t.request(`${ws}/segments/vips/snapshots`, { key: admin })
      ).json()) as { items: { size: number; entered: number; left: number }[] };
      expect(snapshots.items).toEqual([expect.objectContaining({ size: 2, entered: 2, left: 0 })]);
    });
  });
}
