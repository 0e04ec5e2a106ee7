import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import type { Db } from './database.ts';
import { namedStatement, runNamedStatement, statementName } from './named-statement.ts';

interface ProbeRow {
  id: number;
  label: string;
  data: { n: number } | null;
  at: Date;
}

const PROBE_SQL = 'SELECT id, label, data, at FROM named_probe WHERE id >= $1::integer ORDER BY id';
const PROBE_BY_MIN_ID = namedStatement('probe_by_min_id', PROBE_SQL);

async function preparedNames(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM pg_prepared_statements`.execute(db);
  return rows.map((row) => row.name);
}

describe('namedStatement', () => {
  it('carries its name in a leading comment, and only there', () => {
    const statement = namedStatement('probe_names', 'SELECT 1');
    expect(statementName(statement.sql)).toBe('probe_names');
    expect(statementName('SELECT 1 /* named probe_names */')).toBeUndefined();
    expect(statementName('SELECT 1')).toBeUndefined();
  });

  it('refuses a name defined twice or outside lower-case letters, digits and _', () => {
    namedStatement('probe_twice', 'SELECT 1');
    expect(() => namedStatement('probe_twice', 'SELECT 2')).toThrow(/defined twice/);
    expect(() => namedStatement('Probe-Name', 'SELECT 1')).toThrow(/lower-case/);
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`named statements on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind, { migrate: false });
      await sql`CREATE TABLE named_probe (
        id integer PRIMARY KEY, label text NOT NULL, data jsonb,
        at timestamptz NOT NULL DEFAULT '2026-01-02T03:04:05.678Z')`.execute(database.db);
      await sql`INSERT INTO named_probe (id, label, data) VALUES
        (1, 'one', '{"n": 1}'), (2, 'two', NULL), (3, 'three', '{"n": 3}')`.execute(database.db);
    });
    afterAll(() => database.destroy());

    it('is prepared in the session that runs it and returns the rows plain SQL returns', async () => {
      await database.db.connection().execute(async (session) => {
        const plain = await sql
          .raw<ProbeRow>(PROBE_SQL.replace('$1::integer', '2'))
          .execute(session);
        // More calls than PostgreSQL's five custom plans, so the generic plan is used too.
        for (let call = 0; call < 8; call++) {
          expect(await runNamedStatement<ProbeRow>(session, PROBE_BY_MIN_ID, [2])).toEqual(
            plain.rows,
          );
        }
        expect(await preparedNames(session)).toContain('probe_by_min_id');
      });
      const [first] = await runNamedStatement<ProbeRow>(database.db, PROBE_BY_MIN_ID, [1]);
      expect(first).toEqual({
        id: 1,
        label: 'one',
        data: { n: 1 },
        at: new Date('2026-01-02T03:04:05.678Z'),
      });
    });

    it('reports a bad parameter as a database error and keeps working after it', async () => {
      const failsAtBind = namedStatement(
        `probe_bad_parameter_${kind}`,
        'SELECT label FROM named_probe WHERE id = $1::integer',
      );
      // The first call prepares the statement and then fails to bind: the next calls must
      // reuse the statement, not prepare it again under the same name.
      await expect(runNamedStatement(database.db, failsAtBind, ['x'])).rejects.toThrow(
        /invalid input syntax for type integer/,
      );
      expect(await runNamedStatement(database.db, failsAtBind, [3])).toEqual([{ label: 'three' }]);
      await expect(runNamedStatement(database.db, failsAtBind, ['y'])).rejects.toThrow(
        /invalid input syntax/,
      );
      expect(await runNamedStatement(database.db, failsAtBind, [2])).toEqual([{ label: 'two' }]);
    });

    it('runs inside a transaction and sees its writes', async () => {
      await database.db
        .transaction()
        .execute(async (trx) => {
          await sql`INSERT INTO named_probe (id, label) VALUES (10, 'ten')`.execute(trx);
          const rows = await runNamedStatement<ProbeRow>(trx, PROBE_BY_MIN_ID, [10]);
          expect(rows.map((row) => row.label)).toEqual(['ten']);
          throw new Error('roll back');
        })
        .catch((error: Error) => expect(error.message).toBe('roll back'));
      expect(await runNamedStatement(database.db, PROBE_BY_MIN_ID, [10])).toEqual([]);
    });

    it("never sees another transaction's uncommitted rows", async () => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let committed = false;
      const writer = database.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO named_probe (id, label) VALUES (20, 'twenty')`.execute(trx);
        await held;
        committed = true;
      });
      // Let the writer's INSERT run first.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const read = runNamedStatement<ProbeRow>(database.db, PROBE_BY_MIN_ID, [20]).then((rows) => ({
        rows,
        afterCommit: committed,
      }));
      await new Promise((resolve) => setTimeout(resolve, 50));
      release();
      await writer;
      const { rows, afterCommit } = await read;
      // PGlite has one session, so the read waits for the commit; a server answers at once
      // from another connection. Either way only committed rows are seen.
      expect(rows.map((row) => row.label)).toEqual(afterCommit ? ['twenty'] : []);
    });
  });
}
