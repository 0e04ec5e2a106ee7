import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob, requestJobCancel, ROLES, ROLES_EXTENSION, type Role } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly roles: readonly Role[] | 'public';
  readonly hasBody: boolean;
}

async function routeTable(t: TestServer): Promise<Operation[]> {
  const doc = (await (await t.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      roles: operation[ROLES_EXTENSION] as Operation['roles'],
      hasBody: operation.requestBody !== undefined,
    })),
  );
}

for (const kind of testDatabaseKinds()) {
  describe(`auth over HTTP on ${kind}`, () => {
    let t: TestServer;
    let values: Record<string, string>;
    beforeAll(async () => {
      t = await startTestServer(kind);
      // A finished job (its stream ends at once) and a key that may be revoked.
      const job = await enqueueJob(t.database.db, {
        workspaceId: t.acme.workspace.id,
        kind: 'not-run-by-any-worker',
        params: {},
      });
      await requestJobCancel(t.database.db, t.acme.workspace.id, job.id);
      const spare = await t.request('/v1/keys', {
        key: t.acme.globalAdmin,
        json: { role: 'service', workspace: 'acme', name: 'spare' },
      });
      const spareKey = (await spare.json()) as { key: { id: string } };
      values = {
        workspace: 'acme',
        jobId: job.id,
        externalId: 'c1',
        keyId: spareKey.key.id,
        // Unknown ids: allowed roles get 404 or 400, never 401/403.
        runId: '00000000-0000-4000-8000-000000000000',
        cluster: '0',
        tag: 'no-such-tag',
        version: '1',
        suggestionId: '00000000-0000-4000-8000-000000000000',
        ruleTable: 'rfm-segments',
        modelId: '00000000-0000-4000-8000-000000000000',
        notebookId: '00000000-0000-4000-8000-000000000000',
        webhook: '00000000-0000-4000-8000-000000000000',
        delivery: '00000000-0000-4000-8000-000000000000',
        segment: 'no-such-segment',
        snapshotId: '00000000-0000-4000-8000-000000000000',
      };
      await t.request('/v1/workspaces/acme/events', {
        key: t.acme.keys.admin,
        json: {
          events: [
            {
              eventId: 'e1',
              customerId: 'c1',
              occurredAt: '2024-01-01T00:00:00Z',
              kind: 'purchase',
            },
          ],
        },
      });
    });
    afterAll(() => t.close());

    it('enforces the declared roles on every route in the route table', async () => {
      const operations = await routeTable(t);
      expect(operations.length).toBeGreaterThanOrEqual(19);
      const outcomes: string[] = [];
      for (const operation of operations) {
        const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
          const value = values[name];
          if (value === undefined) throw new Error(`no test value for path parameter ${name}`);
          return value;
        });
        if (operation.roles === 'public') {
          const res = await t.request(url, { method: operation.method });
          expect([401, 403]).not.toContain(res.status);
          await res.body?.cancel();
          continue;
        }
        // Without a key: 401 everywhere.
        const anonymous = await t.request(url, { method: operation.method });
        await expectProblem(anonymous, 401, 'unauthenticated');
        for (const role of ROLES) {
          // An empty body: allowed roles reach validation (or succeed); the role check comes first.
          const res = await t.request(url, {
            method: operation.method,
            key: t.acme.keys[role],
            ...(operation.hasBody ? { json: {} } : {}),
          });
          const allowed = operation.roles.includes(role);
          outcomes.push(`${operation.method} ${operation.path} ${role} ${res.status}`);
          if (allowed) {
            expect([401, 403], `${operation.method} ${operation.path} as ${role}`).not.toContain(
              res.status,
            );
            await res.body?.cancel();
          } else {
            await expectProblem(res, 403, 'forbidden');
          }
        }
      }
      expect(outcomes.length).toBe(
        operations.filter((o) => o.roles !== 'public').length * ROLES.length,
      );
    });

    it('lets only an all-workspace admin create workspaces, and scoped admins manage only their keys', async () => {
      const scoped = await t.request('/v1/workspaces', {
        key: t.acme.keys.admin,
        json: { slug: 'new-one' },
      });
      await expectProblem(scoped, 403, 'forbidden');
      const created = await t.request('/v1/workspaces', {
        key: t.acme.globalAdmin,
        json: { slug: 'new-one' },
      });
      expect(created.status).toBe(201);
      const taken = await t.request('/v1/workspaces', {
        key: t.acme.globalAdmin,
        json: { slug: 'new-one' },
      });
      await expectProblem(taken, 409, 'conflict');

      const global = await t.request('/v1/keys', {
        key: t.acme.keys.admin,
        json: { role: 'admin' },
      });
      await expectProblem(global, 403, 'forbidden');
      const foreign = await t.request('/v1/keys', {
        key: t.acme.keys.admin,
        json: { role: 'analyst', workspace: 'globex' },
      });
      await expectProblem(foreign, 422, 'validation-failed');
      const listed = await t.request('/v1/keys?limit=100', { key: t.acme.keys.admin });
      const keys = ((await listed.json()) as { items: { workspace: string | null }[] }).items;
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.every((k) => k.workspace === 'acme')).toBe(true);
    });

    it('shows a new key once, and a revoked key stops working at once', async () => {
      const issued = await t.request('/v1/keys', {
        key: t.acme.keys.admin,
        json: { role: 'operator', workspace: 'acme', name: 'temp' },
      });
      expect(issued.status).toBe(201);
      const { key, secret } = (await issued.json()) as {
        key: { id: string; prefix: string };
        secret: string;
      };
      expect(secret.startsWith(key.prefix)).toBe(true);
      const me = await t.request('/v1/me', { key: secret });
      expect(await me.json()).toMatchObject({ role: 'operator', workspace: 'acme', name: 'temp' });
      const listed = await t.request('/v1/keys?limit=100', { key: t.acme.keys.admin });
      expect(await listed.text()).not.toContain(secret);

      const revoked = await t.request(`/v1/keys/${key.id}`, {
        key: t.acme.keys.admin,
        method: 'DELETE',
      });
      expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
      await expectProblem(await t.request('/v1/me', { key: secret }), 401, 'unauthenticated');
    });
  });
}
