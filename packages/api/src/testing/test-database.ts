import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type DatabaseHandle } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrations/index.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

/**
 * The databases every repository/service test runs on: PGlite always, PostgreSQL too when
 * `DATABASE_URL` is set (as on CI).
 */
export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends DatabaseHandle {
  /** For PostgreSQL: the URL of the fresh database (other processes can join it). */
  readonly url: string | undefined;
  /** Closes the connection and drops the fresh database. */
  destroy(): Promise<void>;
}

/** Connection URL of `database` on the server of `DATABASE_URL`. */
function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Creates an isolated, migrated database: in-memory PGlite, or a fresh PostgreSQL database
 * named `tagwise_test_<random>` on the server of `DATABASE_URL` (dropped by `destroy`), so
 * test files running in parallel never see each other's rows.
 */
export async function createTestDatabase(
  kind: TestDatabaseKind,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  if (kind === 'pglite') {
    const handle = await connectDatabase({ kind: 'pglite' });
    if (migrate) await migrateToLatest(handle.db);
    return { ...handle, url: undefined, destroy: () => handle.close() };
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  const name = `tagwise_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const handle = await connectDatabase({ kind: 'postgres', url, poolSize: 5 });
  if (migrate) await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    async destroy() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      try {
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
