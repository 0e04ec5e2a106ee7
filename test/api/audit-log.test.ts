import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';

interface AuditEntryJson {
  id: string;
  at: string;
  workspace: string | null;
  actor: { keyId: string; name: string; role: string } | null;
  action: string;
  resource: string;
  resourceId: string;
  data: Record<string, unknown>;
  requestId: string | null;
}

interface AuditPageJson {
  items: AuditEntryJson[];
  nextCursor: string | null;
}

for (const kind of testDatabaseKinds()) {
  describe(`audit log over HTTP on ${kind}`, () => {
    let t: TestServer;
    let admin: string;
    const audit = async (query: string, key = admin): Promise<AuditPageJson> => {
      const res = await t.request(`/v1/audit?${query}`, { key });
      if (res.status !== 200) throw new Error(`audit: ${res.status} ${await res.text()}`);
      return (await res.json()) as AuditPageJson;
    };
    const keyIdOf = async (key: string): Promise<string> =>
      ((await (await t.request('/v1/me', { key })).json()) as { keyId: string }).keyId;

    beforeAll(async () => {
      t = await startTestServer(kind);
      admin = t.acme.globalAdmin;
    }, 60_000);
    afterAll(() => t.close());

    it('records a write with the request id its response carried and the calling key', async () => {
      const res = await t.request('/v1/workspaces/acme/customers/c-1', {
        key: t.acme.keys.analyst,
        method: 'PUT',
        json: { attributes: { plan: 'gold' } },
      });
      expect(res.status).toBe(200);
      const requestId = res.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      const { items } = await audit('workspace=acme&action=customers.upserted');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        workspace: 'acme',
        actor: { keyId: await keyIdOf(t.acme.keys.analyst), name: 'acme analyst', role: 'analyst' },
        action: 'customers.upserted',
        resource: 'workspace',
        resourceId: t.acme.workspace.id,
        data: { received: 1, inserted: 1, updated: 0 },
        requestId,
      });
      expect(Date.parse(items[0]!.at)).not.toBeNaN();
      // Attribute values never reach the log.
      expect(JSON.stringify(items)).not.toContain('gold');
    });

    it('keeps a request id the client sent', async () => {
      const res = await t.request('/v1/workspaces', {
        key: admin,
        json: { slug: 'initech', name: 'Initech' },
        headers: { 'X-Request-Id': 'client-chosen-id-1' },
      });
      expect(res.status).toBe(201);
      const { items } = await audit('action=workspace.created&workspace=initech');
      expect(items.map((e) => e.requestId)).toEqual(['client-chosen-id-1']);
      expect(items[0]!.data).toEqual({ slug: 'initech' });
    });

    it('leaves no entry for a rejected write', async () => {
      const duplicate = await t.request('/v1/workspaces', {
        key: admin,
        json: { slug: 'initech' },
        headers: { 'X-Request-Id': 'duplicate-workspace-1' },
      });
      await expectProblem(duplicate, 409, 'conflict');
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM audit_log WHERE request_id = 'duplicate-workspace-1'`.execute(
        t.database.db,
      );
      expect(rows[0]!.n).toBe(0);
      expect((await audit('action=workspace.created&workspace=initech')).items).toHaveLength(1);
    });

    it('is for admins only; a workspace admin reads only its workspace', async () => {
      for (const role of ['analyst', 'operator', 'service'] as const) {
        await expectProblem(
          await t.request('/v1/audit', { key: t.acme.keys[role] }),
          403,
          'forbidden',
        );
      }
      await expectProblem(await t.request('/v1/audit'), 401, 'unauthenticated');
      await t.request('/v1/workspaces/globex/customers/g-1', {
        key: t.globex.keys.analyst,
        method: 'PUT',
        json: { attributes: {} },
      });
      const own = await audit('limit=1000', t.acme.keys.admin);
      expect(own.items.length).toBeGreaterThan(0);
      expect(own.items.every((e) => e.workspace === 'acme')).toBe(true);
      await expectProblem(
        await t.request('/v1/audit?workspace=globex', { key: t.acme.keys.admin }),
        404,
        'not-found',
      );
      const all = await audit('limit=1000');
      // `null`: the fixtures' all-workspace admin key, created by the system.
      expect(new Set(all.items.map((e) => e.workspace))).toEqual(
        new Set(['acme', 'globex', 'initech', null]),
      );
    });

    it('filters by actor, action, resource, resource id and time, newest first', async () => {
      const analystId = await keyIdOf(t.globex.keys.analyst);
      const byActor = await audit(`actor=${analystId}`);
      expect(byActor.items.map((e) => e.action)).toEqual(['customers.upserted']);
      expect(byActor.items[0]!.workspace).toBe('globex');

      const byResource = await audit(`resource=workspace&resourceId=${t.globex.workspace.id}`);
      // The fixtures created the workspace as the system before the analyst wrote.
      expect(byResource.items.map((e) => [e.action, e.actor?.keyId ?? null])).toEqual([
        ['customers.upserted', analystId],
        ['workspace.created', null],
      ]);
      expect((await audit('action=no.such-action')).items).toEqual([]);

      const all = await audit('limit=1000');
      const ids = all.items.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      const newest = all.items[0]!;
      const fromNewest = await audit(`from=${encodeURIComponent(newest.at)}`);
      expect(fromNewest.items.map((e) => e.id)).toContain(newest.id);
      expect(fromNewest.items.every((e) => e.at >= newest.at)).toBe(true);
      const beforeNewest = await audit(`to=${encodeURIComponent(newest.at)}`);
      expect(beforeNewest.items.map((e) => e.id)).not.toContain(newest.id);

      await expectProblem(
        await t.request('/v1/audit?from=yesterday', { key: admin }),
        400,
        'invalid-parameters',
      );
      const missingWorkspace = await expectProblem(
        await t.request('/v1/audit?customer=c-1', { key: admin }),
        400,
        'invalid-parameters',
      );
      expect(missingWorkspace.errors?.map((e) => e.path)).toEqual(['query.workspace']);
    });

    it('pages with a keyset cursor', async () => {
      for (const id of ['c-2', 'c-3']) {
        await t.request(`/v1/workspaces/acme/customers/${id}`, {
          key: t.acme.keys.analyst,
          method: 'PUT',
          json: { attributes: {} },
        });
      }
      const all = await audit('limit=1000');
      expect(all.items.length).toBeGreaterThan(4);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: AuditPageJson = await audit(
          `limit=2${cursor === null ? '' : `&cursor=${cursor}`}`,
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(all.items.map((e) => e.id));
      await expectProblem(
        await t.request('/v1/audit?cursor=bogus', { key: admin }),
        400,
        'invalid-parameters',
      );
    });

    it('cannot be altered: UPDATE and DELETE fail in the database', async () => {
      await expect(
        sql`UPDATE audit_log SET action = 'forged'`.execute(t.database.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log`.execute(t.database.db)).rejects.toThrow(
        /append-only/,
      );
      expect((await audit('action=forged')).items).toEqual([]);
    });

    it('records the default rule tables once, when a workspace first needs them', async () => {
      for (let read = 0; read < 2; read++) {
        const res = await t.request('/v1/workspaces/globex/rule-tables', {
          key: t.globex.keys.analyst,
        });
        expect(res.status).toBe(200);
      }
      const { items } = await audit('workspace=globex&action=rule-table.created');
      expect(items.map((entry) => entry.data.name).sort()).toEqual(['lifecycle', 'rfm-segments']);
      for (const entry of items) {
        expect(entry).toMatchObject({ resource: 'rule-table', data: { version: 1 } });
        expect(entry.data.tags).toEqual(expect.arrayContaining([expect.any(String)]));
      }
    });
  });
}
