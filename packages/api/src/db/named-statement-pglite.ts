import { PGlite, parse, protocol, type QueryOptions, type Results } from '@electric-sql/pglite';
import { statementName } from './named-statement.ts';

const { serialize } = protocol;

/**
 * PGlite with named prepared statements. PGlite's `query` sends six protocol messages, each a
 * separate call into the WebAssembly module, and parses and plans the SQL every time. For the
 * SQL of a `namedStatement` this sends Parse once per database session, then Bind, Describe,
 * Execute and Sync in a single call (about a third of the time per query, measured on a
 * primary-key lookup). Queries inside a transaction (`transaction(tx => tx.query(...))`) and
 * all other SQL take PGlite's own path.
 *
 * Construct it as `new NamedStatementPGlite({ dataDir, ...options })` and await `waitReady`.
 */
export class NamedStatementPGlite extends PGlite {
  readonly #prepared = new Set<string>();

  override async query<T>(
    text: string,
    parameters?: unknown[],
    options?: QueryOptions,
  ): Promise<Results<T>> {
    const name = statementName(text);
    if (name === undefined) return super.query<T>(text, parameters, options);
    await this._checkReady();
    // The same two locks as `query`: no transaction open, no other query in flight.
    return this._runExclusiveTransaction(() =>
      this._runExclusiveQuery(() => this.#runNamed<T>(name, text, parameters ?? [], options)),
    );
  }

  async #runNamed<T>(
    name: string,
    text: string,
    parameters: readonly unknown[],
    options: QueryOptions | undefined,
  ): Promise<Results<T>> {
    const messages = this.#prepared.has(name) ? [] : [serialize.parse({ name, text })];
    messages.push(
      serialize.bind({ statement: name, values: parameters.map(toText) }),
      serialize.describe({ type: 'P' }),
      serialize.execute({}),
      serialize.sync(),
    );
    const { messages: replies } = await this.execProtocol(Buffer.concat(messages), {
      syncToFs: false,
      throwOnError: false,
    });
    // Parse may succeed while Bind fails: the statement then exists and must not be sent again.
    if (replies.some((reply) => reply.name === 'parseComplete')) this.#prepared.add(name);
    const failure = replies.find((reply) => reply instanceof Error);
    if (failure !== undefined) throw failure;
    await this.syncToFs();
    return parse.parseResults(replies, this.parsers, options)[0] as Results<T>;
  }
}

/**
 * Bind values go as text, which PostgreSQL casts to each parameter's type (named statements
 * take strings, numbers and null: `StatementParameter`).
 */
const toText = (value: unknown): string | null =>
  value === null || value === undefined ? null : String(value);
