import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { Database } from './db/database.ts';
import { createReadiness } from './health/readiness.ts';
import { ROLES_EXTENSION } from './http/route.ts';
import { INGEST_LIMITS } from './ingest/limits.ts';
import { JobRegistry } from './jobs/job-registry.ts';
import { createMemoryLogger } from './logger.ts';
import { createWorkspaceFixture, type WorkspaceFixture } from './testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from './testing/test-database.ts';

const PROBLEM_KEYS = ['detail', 'instance', 'requestId', 'status', 'title', 'type'];

describe('HTTP app (in process)', () => {
  let database: TestDatabase;
  let fixture: WorkspaceFixture;
  const logger = createMemoryLogger();
  let app: ReturnType<typeof createApp>;
  const readiness = createReadiness();

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    fixture = await createWorkspaceFixture(database.db, 'acme');
    app = createApp({ db: database.db, logger, jobs: new JobRegistry(), readiness });
  });
  afterAll(() => database.destroy());

  const auth = (key: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${key}`,
    ...extra,
  });

  it('echoes a given X-Request-Id and generates one when absent', async () => {
    const given = await app.request('/healthz', { headers: { 'X-Request-Id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const generated = await app.request('/v1/workspaces');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = (await generated.json()) as { requestId: string };
    expect(body.requestId).toBe(generated.headers.get('x-request-id'));
  });

  // Unknown page paths outside the API belong to the workbench (served when it is built).
  it('answers an unknown API route with a 404 problem', async () => {
    const res = await app.request('/v1/nowhere', { headers: auth(fixture.keys.analyst) });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(PROBLEM_KEYS);
    expect(body).toMatchObject({ type: '/problems/not-found', status: 404 });
  });

  it('answers a method a path does not take with 405 and the methods it does take', async () => {
    const res = await app.request('/v1/workspaces/acme/customers', {
      method: 'DELETE',
      headers: auth(fixture.keys.admin),
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST, GET');
    expect(await res.json()).toMatchObject({
      type: '/problems/method-not-allowed',
      detail: '/v1/workspaces/acme/customers takes POST, GET, not DELETE',
    });
  });

  it('refuses a URL with broken percent-encoding instead of keeping it undecoded', async () => {
    const put = await app.request('/v1/workspaces/acme/customers/%E0%A4%A', {
      method: 'PUT',
      headers: auth(fixture.keys.admin, { 'content-type': 'application/json' }),
      body: JSON.stringify({ attributes: {} }),
    });
    expect(put.status).toBe(400);
    expect(((await put.json()) as { detail: string }).detail).toMatch(
      /^the URL part "%E0%A4%A" is not valid percent-encoding/,
    );
    const query = await app.request('/v1/workspaces/acme/suggestions?tag=100%', {
      headers: auth(fixture.keys.admin),
    });
    expect(query.status).toBe(400);
    const customers = await app.request('/v1/workspaces/acme/customers', {
      headers: auth(fixture.keys.admin),
    });
    expect(((await customers.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('distinguishes a missing, malformed and unknown key (401, with WWW-Authenticate)', async () => {
    const missing = await app.request('/v1/workspaces');
    const malformed = await app.request('/v1/workspaces', {
      headers: { authorization: 'Token x' },
    });
    const unknown = await app.request('/v1/workspaces', { headers: auth('tw_not-a-key') });
    for (const res of [missing, malformed, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect(((await unknown.json()) as { detail: string }).detail).toBe(
      'the API key is unknown or revoked',
    );
  });

  it('maps malformed JSON to 400, a wrong media type to 415, invalid fields to 422 with paths', async () => {
    const path = '/v1/workspaces/acme/events';
    const malformed = await app.request(path, {
      method: 'POST',
      headers: auth(fixture.keys.analyst, { 'content-type': 'application/json' }),
      body: '{"events": [',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ type: '/problems/malformed-request' });

    const wrongType = await app.request(path, {
      method: 'POST',
      headers: auth(fixture.keys.analyst, { 'content-type': 'text/plain' }),
      body: 'hello',
    });
    expect(wrongType.status).toBe(415);
    expect(((await wrongType.json()) as { detail: string }).detail).toBe(
      'send the body as JSON with Content-Type: application/json; it was declared as text/plain',
    );

    const invalid = await app.request(path, {
      method: 'POST',
      headers: auth(fixture.keys.analyst, { 'content-type': 'application/json' }),
      body: JSON.stringify({
        events: [{ eventId: 'e', customerId: 'c', occurredAt: 'x', kind: 'order', amount: 'ten' }],
      }),
    });
    expect(invalid.status).toBe(422);
    const body = (await invalid.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path).sort()).toEqual([
      'events.0.amount',
      'events.0.occurredAt',
    ]);
  });

  it('refuses a CSV upload over the row limit with 413, before storing anything', async () => {
    const rows = Array.from(
      { length: INGEST_LIMITS.csvRows + 1 },
      (_, i) => `e${i},c${i % 100},2024-01-01T00:00:00Z,1`,
    );
    const res = await app.request('/v1/workspaces/acme/events/csv?kind=purchase', {
      method: 'POST',
      headers: auth(fixture.keys.analyst, { 'content-type': 'text/csv' }),
      body: `event_id,customer_id,occurred_at,amount\n${rows.join('\n')}\n`,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ type: '/problems/payload-too-large' });
    const customers = await app.request('/v1/workspaces/acme/customers', {
      headers: auth(fixture.keys.analyst),
    });
    expect(((await customers.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('rejects invalid path and query parameters with 400 naming them', async () => {
    const res = await app.request('/v1/workspaces/acme/jobs/not-a-uuid', {
      headers: auth(fixture.keys.analyst),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      type: '/problems/invalid-parameters',
      errors: [{ path: 'param.jobId' }],
    });
    const badLimit = await app.request('/v1/workspaces?limit=0', {
      headers: auth(fixture.keys.analyst),
    });
    expect(badLimit.status).toBe(400);
    const badCursor = await app.request('/v1/workspaces?cursor=zzz', {
      headers: auth(fixture.keys.analyst),
    });
    expect(await badCursor.json()).toMatchObject({ errors: [{ path: 'query.cursor' }] });
    const twice = await app.request('/v1/workspaces?limit=1&limit=2', {
      headers: auth(fixture.keys.analyst),
    });
    expect(await twice.json()).toMatchObject({
      errors: [{ path: 'query.limit', message: 'given 2 times; give it once' }],
    });
    const emptyRange = await app.request(
      '/v1/workspaces/acme/suggestions?min_confidence=0.9&max_confidence=0.1',
      { headers: auth(fixture.keys.operator) },
    );
    expect(emptyRange.status).toBe(400);
    expect(await emptyRange.json()).toMatchObject({
      errors: [{ path: 'query.max_confidence', message: 'must be >= min_confidence' }],
    });
  });

  it('publishes an OpenAPI 3.1 document where every operation declares its roles', async () => {
    const res = await app.request('/openapi.json');
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(operations.length).toBeGreaterThan(10);
    for (const operation of operations) {
      const roles = operation[ROLES_EXTENSION];
      expect(roles === 'public' || (Array.isArray(roles) && roles.length > 0)).toBe(true);
    }
    expect(doc.paths['/v1/workspaces/{workspace}/events']?.post?.[ROLES_EXTENSION]).toEqual([
      'admin',
      'analyst',
      'service',
    ]);
  });

  it('documents every /v1 route it serves (nothing escapes the route table)', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map(
          (method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      ),
    );
    const served = app.routes
      .filter((r) => r.path.startsWith('/v1/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThan(10);
    for (const route of served) expect(documented).toContain(route);
  });

  it('serves the docs page with local assets and describes problem types', async () => {
    const page = await app.request('/docs');
    expect(await page.text()).toContain('/docs/assets/swagger-ui-dist/swagger-ui-bundle.js');
    const js = await app.request('/docs/assets/swagger-ui-dist/swagger-ui-bundle.js');
    expect(js.status).toBe(200);
    expect((await js.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const icon = await app.request('/favicon.ico');
    expect(icon.status).toBe(301);
    expect(icon.headers.get('location')).toBe('/favicon.svg');
    const type = await app.request('/problems/batch-rejected');
    expect(await type.json()).toMatchObject({ status: 422, type: '/problems/batch-rejected' });
  });

  it('reports not-ready until the readiness flag is set', async () => {
    const before = await app.request('/readyz');
    expect(before.status).toBe(503);
    expect(await before.json()).toMatchObject({ errors: [{ path: 'startup' }] });
    readiness.markReady();
    const after = await app.request('/readyz');
    expect(after.status).toBe(200);
    expect(await after.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', startup: 'ok' },
    });
  });

  it('turns an unexpected failure into a 500 with the request id, logging the details only', async () => {
    // A database nobody listens on: every query fails inside the handler.
    const unreachable = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:9/none' }),
      }),
    });
    const brokenApp = createApp({ db: unreachable, logger, jobs: new JobRegistry(), readiness });
    const res = await brokenApp.request('/v1/workspaces', {
      headers: { authorization: 'Bearer tw_x', 'X-Request-Id': 'req-500' },
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ type: '/problems/internal', requestId: 'req-500' });
    expect(text).not.toContain('at ');
    const logged = logger.records.find(
      (r) => r.msg === 'unhandled error' && r.requestId === 'req-500',
    );
    expect(logged?.level).toBe('error');
    expect(JSON.stringify(logged)).toContain('stack');
    await unreachable.destroy();
  });
});
