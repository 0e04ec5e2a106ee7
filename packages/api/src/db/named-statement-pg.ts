import pg from 'pg';
import { statementName } from './named-statement.ts';

/**
 * A node-postgres client that sends the SQL of `namedStatement`s as named prepared
 * statements: prepared on each pooled connection the first time it runs there, then only
 * bound and executed. Every other query goes through unchanged.
 */
export class NamedStatementClient extends pg.Client {
  // node-postgres overloads `query` many ways; only (text, values) — what Kysely sends — is
  // rewritten, and every call is passed on with its own arguments.
  override query(...args: unknown[]): never {
    const [text, values] = args;
    const name = typeof text === 'string' && args.length === 2 ? statementName(text) : undefined;
    const forward = super.query as (...forwarded: unknown[]) => never;
    return name === undefined
      ? forward.apply(this, args)
      : forward.call(this, { name, text, values: values as unknown[] });
  }
}
