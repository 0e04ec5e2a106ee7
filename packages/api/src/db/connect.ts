import { mkdir } from 'node:fs/promises';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database } from './database.ts';
import { NamedStatementClient } from './named-statement-pg.ts';
import { NamedStatementPGlite } from './named-statement-pglite.ts';
import { yieldBetweenQueries } from './pglite-turns.ts';

/** Where the data lives: embedded PGlite (on disk, or in memory for tests) or a server. */
export type DatabaseTarget =
  | { readonly kind: 'pglite'; /** omitted = in memory */ readonly dataDir?: string }
  | {
      readonly kind: 'postgres';
      readonly url: string;
      /** @default 10 */ readonly poolSize?: number;
    };

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseTarget['kind'];
  /** True when several processes may share the database (a server, not PGlite). */
  readonly shared: boolean;
  close(): Promise<void>;
}

const INT8_OID = 20;

/** The database cannot be opened or reached; the message says which and why. */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
}

/** A connection string with its password masked, fit for a message. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * Opens the database. PGlite and node-postgres return `bigint` differently (number vs
 * string); both are made to return numbers (our bigint ids stay far below 2^53). Both run
 * `namedStatement`s as named prepared statements. An embedded database on disk is locked for
 * this process until `close` (see `lockDataDir`).
 *
 * @example
 * const { db, close } = await connectDatabase({ kind: 'pglite', dataDir: '.tagwise/data' });
 */
export async function connectDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      Client: NamedStatementClient,
      max: target.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === INT8_OID
            ? (value: string) => Number(value)
            : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its connection must not crash the process.
    pool.on('error', () => undefined);
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end();
      throw new DatabaseUnavailableError(
        `cannot reach the PostgreSQL server at ${withoutPassword(target.url)}: ${(error as Error).message}`,
      );
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', shared: true, close: () => db.destroy() };
  }
  const cannotOpen = (error: unknown) =>
    new DatabaseUnavailableError(
      `cannot open the embedded database in ${target.dataDir ?? 'memory'}: ${(error as Error).message}`,
    );
  let unlock = async (): Promise<void> => undefined;
  if (target.dataDir !== undefined) {
    await mkdir(target.dataDir, { recursive: true }).catch((error: unknown) => {
      throw cannotOpen(error);
    });
    unlock = await lockDataDir(target.dataDir);
  }
  const pglite = new NamedStatementPGlite({
    dataDir: target.dataDir,
    parsers: { [INT8_OID]: (value: string) => Number(value) },
  });
  try {
    await pglite.waitReady;
  } catch (error) {
    await unlock();
    throw cannotOpen(error);
  }
  const db = new Kysely<Database>({
    dialect: new PGliteDialect({
      pglite,
      onCreateConnection: async (connection) => yieldBetweenQueries(connection),
    }),
  });
  return {
    db,
    kind: 'pglite',
    shared: false,
    close: async () => {
      await db.destroy();
      await unlock();
    },
  };
}
