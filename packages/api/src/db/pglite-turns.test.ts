import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from './connect.ts';
import type { Database } from './database.ts';

/**
 * Runs up to 100 queries of at least 1 ms one after another and returns after how many of
 * them a timer set before the first had fired, or undefined if it never did while they ran.
 */
async function queriesBeforeTimerFires(db: Kysely<Database>): Promise<number | undefined> {
  let fired = false;
  setTimeout(() => {
    fired = true;
  }, 0);
  for (let done = 1; done <= 100; done++) {
    await sql`SELECT pg_sleep(0.001)`.execute(db);
    if (fired) return done;
  }
  return undefined;
}

describe('the embedded database between queries', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await connectDatabase({ kind: 'pglite' });
  });
  afterAll(() => database.close());

  it('lets timers and network I/O run while a job awaits query after query', async () => {
    expect(await queriesBeforeTimerFires(database.db)).toBeDefined();
  });

  it('does so inside a transaction too', async () => {
    expect(
      await database.db.transaction().execute((trx) => queriesBeforeTimerFires(trx)),
    ).toBeDefined();
  });
});
