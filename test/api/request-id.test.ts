import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { startTestServer, type TestServer } from './harness.ts';

for (const kind of testDatabaseKinds()) {
  describe(`request ids over HTTP on ${kind}`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(kind);
    });
    afterAll(() => t.close());

    it('answers every response with exactly one X-Request-Id', async () => {
      const ok = await t.request('/v1/workspaces/acme', { key: t.acme.keys.analyst });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

      const echoed = await t.request('/v1/workspaces/acme', {
        key: t.acme.keys.analyst,
        headers: { 'X-Request-Id': 'client-trace-1' },
      });
      expect(echoed.headers.get('x-request-id')).toBe('client-trace-1');
    });

    it('uses the same id in the header and the body of a problem', async () => {
      const missing = await t.request('/v1/workspaces/acme/customers/nobody', {
        key: t.acme.keys.analyst,
        headers: { 'X-Request-Id': 'client-trace-2' },
      });
      expect(missing.status).toBe(404);
      // One value, not the id set up front joined with the one the problem carries.
      expect(missing.headers.get('x-request-id')).toBe('client-trace-2');
      expect(((await missing.json()) as { requestId: string }).requestId).toBe('client-trace-2');

      const unauthenticated = await t.request('/v1/workspaces/acme');
      expect(unauthenticated.status).toBe(401);
      const id = unauthenticated.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(((await unauthenticated.json()) as { requestId: string }).requestId).toBe(id);
    });
  });
}
