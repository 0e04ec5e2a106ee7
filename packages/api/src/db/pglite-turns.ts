import { createTurnTaker } from '@tagwise/engine';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';

/** The longest a chain of queries may hold the thread before requests get a turn. */
const TURN_EVERY_MS = 20;

/**
 * Makes the queries on `connection` give the event loop a turn once 20 ms have passed since
 * the last.
 *
 * Why: PGlite runs inside this process, and its queries settle without waiting on any I/O, so
 * a job awaiting one query after another never lets the event loop reach the network. While
 * a job scored 4,372 customers on the embedded database, `/healthz` waited 15 s for an answer
 * and every workbench page froze. With these turns, requests that arrived in the meantime are
 * read and answered between the job's queries (those that need the database queue behind the
 * query in flight, as they would for a lock). A request's own single query seldom reaches the
 * 20 ms, so the hot reads do not pay for a turn.
 */
export function yieldBetweenQueries(connection: DatabaseConnection): void {
  const execute = connection.executeQuery.bind(connection);
  const takeTurn = createTurnTaker(TURN_EVERY_MS);
  connection.executeQuery = async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
    try {
      return await execute<R>(query);
    } finally {
      await takeTurn();
    }
  };
}
