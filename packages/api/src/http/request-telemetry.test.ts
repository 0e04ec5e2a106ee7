import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import type { Database } from '../db/database.ts';
import { createReadiness } from '../health/readiness.ts';
import { JobRegistry } from '../jobs/job-registry.ts';
import { createMemoryLogger } from '../logger.ts';
import { createWorkspaceFixture, type WorkspaceFixture } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

type MemoryLogger = ReturnType<typeof createMemoryLogger>;

const recordsOf = (logger: MemoryLogger, requestId: string | null) =>
  logger.records.filter((r) => r.requestId === requestId);

describe('request ids, access log and error logs', () => {
  let database: TestDatabase;
  let fixture: WorkspaceFixture;
  const logger = createMemoryLogger();
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    fixture = await createWorkspaceFixture(database.db, 'acme');
    app = createApp({
      db: database.db,
      logger,
      jobs: new JobRegistry(),
      readiness: createReadiness(),
    });
  });
  afterAll(() => database.destroy());

  it('logs one line per request with request id, method, route pattern, status and duration', async () => {
    const res = await app.request('/v1/workspaces/acme/customers/c-42', {
      headers: { authorization: `Bearer ${fixture.keys.analyst}` },
    });
    expect(res.status).toBe(404);
    const requestId = res.headers.get('x-request-id');
    const lines = recordsOf(logger, requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: '/v1/workspaces/:workspace/customers/:externalId',
      path: '/v1/workspaces/acme/customers/c-42',
      status: 404,
      keyId: expect.any(String) as unknown,
    });
    expect(lines[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("keeps a caller's plausible request id and replaces any other", async () => {
    const kept = await app.request('/healthz', { headers: { 'X-Request-Id': 'trace.7:ab-C=' } });
    expect(kept.headers.get('x-request-id')).toBe('trace.7:ab-C=');
    for (const implausible of ['has space', 'x'.repeat(201), 'quote"d']) {
      const replaced = await app.request('/healthz', { headers: { 'X-Request-Id': implausible } });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('names the pattern of the middleware that answered, and no pattern when none matched', async () => {
    const unauthenticated = await app.request('/v1/workspaces/acme/customers');
    expect(unauthenticated.status).toBe(401);
    expect(recordsOf(logger, unauthenticated.headers.get('x-request-id'))[0]).toMatchObject({
      route: '/v1/*',
      status: 401,
    });
    const health = await app.request('/healthz', { headers: { 'X-Request-Id': 'probe-1' } });
    expect(health.status).toBe(200);
    expect(recordsOf(logger, 'probe-1')[0]).toMatchObject({ route: '/healthz', status: 200 });
  });

  it('logs an unexpected error with the request id the client got', async () => {
    // A database nobody listens for makes authentication fail unexpectedly.
    const unreachable = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:9/none' }),
      }),
    });
    const errors = createMemoryLogger();
    const broken = createApp({
      db: unreachable,
      logger: errors,
      jobs: new JobRegistry(),
      readiness: createReadiness(),
    });
    const res = await broken.request('/v1/workspaces', {
      headers: { authorization: `Bearer ${fixture.keys.admin}` },
    });
    expect(res.status).toBe(500);
    const requestId = res.headers.get('x-request-id');
    expect(((await res.json()) as { requestId: string }).requestId).toBe(requestId);
    const lines = recordsOf(errors, requestId);
    expect(lines.map((r) => [r.level, r.msg])).toEqual([
      ['error', 'unhandled error'],
      ['info', 'request'],
    ]);
    expect(lines[0]).toMatchObject({ error: { message: expect.any(String) as unknown } });
    expect(lines[1]).toMatchObject({ route: '/v1/*', status: 500 });
    await unreachable.destroy();
  });
});
