import { CompiledQuery } from 'kysely';
import type { Db } from './database.ts';

/**
 * A statement PostgreSQL should parse and plan once per database session, not on every call.
 *
 * Kysely's drivers send every query as an unnamed statement, which the server parses and
 * plans afresh each time. For the reads other services make thousands of times a second (a
 * customer's suggestions, a customer's churn) that costs more than running them: their
 * joins plan in 0.4–1.2 ms and execute in 0.07–0.2 ms. A named statement carries its name in
 * a leading comment; the connections `connectDatabase` opens recognise it and send the SQL as
 * a named prepared statement (node-postgres does this per pooled connection, PGlite through
 * `named-statement-pglite.ts`). Anywhere else — inside a PGlite transaction, or on a Kysely
 * instance opened without those connections — it runs as ordinary SQL: the comment is only a
 * comment, so the result is the same, only slower.
 *
 * PostgreSQL re-plans a prepared statement by itself when a migration changes a table it
 * reads, so nothing has to be re-prepared by hand.
 */
export interface NamedStatement {
  readonly name: string;
  /** The SQL with `$1, $2, ...` placeholders, led by the naming comment. */
  readonly sql: string;
}

/** The values a named statement binds: each is sent as text. */
export type StatementParameter = string | number | null;

const NAME = /^[a-z][a-z0-9_]*$/;
const LEADING_NAME = /^\/\* named ([a-z][a-z0-9_]*) \*\//;
const definedNames = new Set<string>();

/**
 * Defines a named statement. A name stands for one SQL text for the life of the process (a
 * session cannot hold two statements under one name), so defining a name twice is an error.
 *
 * @example
 * const CUSTOMER_BY_ID = namedStatement('customer_by_id', 'SELECT * FROM customers WHERE id = $1');
 * const rows = await runNamedStatement<CustomerRow>(db, CUSTOMER_BY_ID, [42]);
 */
export function namedStatement(name: string, sql: string): NamedStatement {
  if (!NAME.test(name)) {
    throw new Error(`a statement name is lower-case letters, digits and _, got "${name}"`);
  }
  if (definedNames.has(name)) throw new Error(`the statement "${name}" is defined twice`);
  definedNames.add(name);
  return { name, sql: `/* named ${name} */ ${sql}` };
}

/** The name a statement's SQL carries, or `undefined` for ordinary SQL. */
export function statementName(sql: string): string | undefined {
  return sql.startsWith('/* named ') ? LEADING_NAME.exec(sql)?.[1] : undefined;
}

/** Runs a named statement and returns its rows. */
export async function runNamedStatement<Row>(
  db: Db,
  statement: NamedStatement,
  parameters: readonly StatementParameter[],
): Promise<readonly Row[]> {
  const result = await db.executeQuery<Row>(CompiledQuery.raw(statement.sql, [...parameters]));
  return result.rows;
}
