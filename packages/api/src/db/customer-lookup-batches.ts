import DataLoader from 'dataloader';
import type { Db } from './database.ts';
import { namedStatement, runNamedStatement } from './named-statement.ts';

/**
 * Batches of one lookup in flight at once, per database handle: one being answered while the
 * next gathers keys. More would only split the waiting keys into smaller batches; fewer would
 * leave the database idle while an answer travels back. The pool keeps its other connections
 * for everything else.
 */
const BATCHES_IN_FLIGHT = 2;

/** Keys per query: a batch stays one short statement however many requests are waiting. */
const MAX_KEYS_PER_BATCH = 256;

/** A customer of a workspace, by the id the workspace's own systems use. */
type CustomerKey = readonly [workspaceId: string, externalId: string];

/**
 * Hands a dispatch slot to at most `limit` batches at once; the others wait in order. A batch
 * that finishes passes its slot straight to the next one waiting.
 */
function dispatchSlots(limit: number) {
  let busy = 0;
  const waiting: (() => void)[] = [];
  return {
    /** Dispatches at once if a slot is free (after the current tick, so its keys gather). */
    schedule(dispatch: () => void): void {
      if (busy < limit) {
        busy++;
        process.nextTick(dispatch);
      } else {
        waiting.push(dispatch);
      }
    },
    release(): void {
      const next = waiting.shift();
      if (next === undefined) busy--;
      else next();
    },
  };
}

/**
 * A hot read by customer — one row per customer, looked up by workspace and external id —
 * answered for many concurrent requests with one query. While a batch is in flight, the
 * lookups that arrive join the next one, which is sent as soon as a slot frees: an idle
 * server sends each lookup at once, a busy one makes one round trip and one statement
 * execution serve every request that arrived meanwhile, instead of one each. Each query reads
 * the database as it is when it is sent, so a request never sees data older than its own
 * arrival. Nothing is cached between batches.
 *
 * `select` finds the row of one customer, written against `key.workspace_id` (uuid) and
 * `key.external_id` (text); it becomes a `LATERAL` subquery run once per key of a batch, each
 * its own index lookup (`OFFSET 0` keeps the planner, which guesses a hundred keys, from
 * joining them to a scan of the whole customers table instead). The statement is named `name`
 * and prepared once per session (see `namedStatement`). A key must be text PostgreSQL can hold
 * (no U+0000, no lone surrogate; every validated request's is): one that is not fails the
 * query, and with it every lookup of its batch.
 *
 * @example
 * const customerIdOf = customerLookupBatches<{ id: number }>(
 *   'customer_id',
 *   'SELECT id FROM customers WHERE workspace_id = key.workspace_id AND external_id = key.external_id',
 * );
 * const row = await customerIdOf(db, workspace.id, 'c42'); // undefined: no such customer
 */
export function customerLookupBatches<Row extends object>(
  name: string,
  select: string,
): (db: Db, workspaceId: string, externalId: string) => Promise<Row | undefined> {
  const statement = namedStatement(
    name,
    `SELECT k.i::integer AS i, x.*
       FROM json_array_elements($1::json) WITH ORDINALITY AS k(customer, i)
       CROSS JOIN LATERAL (
         SELECT (k.customer ->> 0)::uuid AS workspace_id, k.customer ->> 1 AS external_id
       ) key
       CROSS JOIN LATERAL (${select} OFFSET 0) x`,
  );
  const loaders = new WeakMap<Db, DataLoader<CustomerKey, Row | undefined>>();
  const loaderFor = (db: Db) => {
    const slots = dispatchSlots(BATCHES_IN_FLIGHT);
    return new DataLoader<CustomerKey, Row | undefined>(
      async (keys) => {
        // Without a cache every batch has keys, so each dispatch reaches here and frees its slot.
        try {
          const rows = await runNamedStatement<Row & { i: number }>(db, statement, [
            JSON.stringify(keys),
          ]);
          const byPosition = new Array<Row | undefined>(keys.length).fill(undefined);
          for (const { i, ...row } of rows) byPosition[i - 1] = row as unknown as Row;
          return byPosition;
        } finally {
          slots.release();
        }
      },
      { cache: false, maxBatchSize: MAX_KEYS_PER_BATCH, batchScheduleFn: slots.schedule },
    );
  };
  return (db, workspaceId, externalId) => {
    let loader = loaders.get(db);
    if (loader === undefined) {
      loader = loaderFor(db);
      loaders.set(db, loader);
    }
    return loader.load([workspaceId, externalId]);
  };
}
