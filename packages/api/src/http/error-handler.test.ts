import { Hono } from 'hono';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logger.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import type { AppEnv } from './app-env.ts';
import { createErrorHandler } from './error-handler.ts';

for (const kind of testDatabaseKinds()) {
  describe(`the error handler on ${kind}`, () => {
    let database: TestDatabase;
    const logger = createMemoryLogger();
    const app = new Hono<AppEnv>();
    app.onError(createErrorHandler(logger));

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      // Text that got past the checks at the edge, as the database itself refuses it.
      app.get('/text', async (c) =>
        c.json(await sql`SELECT ${'a\u0000b'}::text AS value`.execute(database.db)),
      );
      app.get('/jsonb', async (c) =>
        c.json(await sql`SELECT ${'{"a": "\\u0000"}'}::jsonb AS value`.execute(database.db)),
      );
    });
    afterAll(() => database.destroy());

    it('answers text the database cannot store with a 400, not a 500', async () => {
      for (const path of ['/text', '/jsonb']) {
        const res = await app.request(path);
        expect(res.status).toBe(400);
        expect(await res.json()).toMatchObject({
          type: '/problems/malformed-request',
          detail: expect.stringContaining('cannot store') as unknown,
        });
      }
      expect(logger.records.map((r) => [r.level, r.msg])).toEqual([
        ['warn', 'unstorable text reached the database'],
        ['warn', 'unstorable text reached the database'],
      ]);
    });
  });
}
