import { sql } from 'kysely';
import type { DomainEvent } from '../audit/change-hooks.ts';
import { chunks, INSERT_CHUNK_ROWS } from '../db/chunks.ts';
import type { Db } from '../db/database.ts';
import type { JsonObject } from '../jobs/job.table.ts';
import type { DeliveryStatus, WebhookDeliveryRow } from './webhook.table.ts';

/**
 * Queues one delivery per (event, active subscription of the workspace listening to its
 * type), inside the caller's transaction. The fan-out and the customers' external ids are
 * resolved in SQL, one statement per chunk of events. Returns how many deliveries were queued.
 */
export async function enqueueEventDeliveries(
  db: Db,
  workspaceId: string,
  events: readonly DomainEvent[],
): Promise<number> {
  let queued = 0;
  for (const chunk of chunks(events, INSERT_CHUNK_ROWS)) {
    // One jsonb parameter carries the chunk, whatever its size: no parameter-count limit.
    const result = await sql`
      INSERT INTO webhook_deliveries (subscription_id, workspace_id, event_type, customer_id, payload)
      SELECT s.id, s.workspace_id, e.value ->> 'type', c.id,
             jsonb_build_object('customerId', c.external_id) || (e.value -> 'payload')
        FROM jsonb_array_elements(${JSON.stringify(chunk)}::jsonb) WITH ORDINALITY AS e (value, n)
        JOIN webhook_subscriptions s
          ON s.workspace_id = ${workspaceId} AND s.active
         AND (e.value ->> 'type') = ANY (s.event_types)
        LEFT JOIN customers c
          ON c.id = (e.value ->> 'customerId')::bigint AND c.workspace_id = ${workspaceId}
       ORDER BY e.n, s.id`.execute(db);
    queued += Number(result.numAffectedRows ?? 0);
  }
  return queued;
}

/** Queues a delivery with no customer (a ping) for one subscription. */
export async function enqueueDelivery(
  db: Db,
  delivery: { subscriptionId: string; workspaceId: string; eventType: string; payload: JsonObject },
): Promise<WebhookDeliveryRow> {
  return db
    .insertInto('webhook_deliveries')
    .values({
      subscription_id: delivery.subscriptionId,
      workspace_id: delivery.workspaceId,
      event_type: delivery.eventType,
      customer_id: null,
      payload: JSON.stringify(delivery.payload),
      claim_token: null,
      claimed_at: null,
      last_error: null,
      last_status_code: null,
      delivered_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A claimed delivery with what sending it needs. */
export interface ClaimedDelivery extends WebhookDeliveryRow {
  readonly claim_token: string;
  readonly url: string;
  readonly secret: string;
  readonly workspace_slug: string;
}

/**
 * Claims up to `limit` due deliveries of active subscriptions: marks them `delivering`,
 * counts the attempt and stamps a fresh claim token. `FOR UPDATE SKIP LOCKED` makes
 * concurrent deliverers (other processes on a PostgreSQL server) pass over rows another is
 * claiming, so each attempt is made by one deliverer. Deliveries of inactive subscriptions
 * wait, without spending attempts, until the subscription is active again.
 */
export async function claimDueDeliveries(db: Db, limit: number): Promise<ClaimedDelivery[]> {
  // A CTE that locks rows is evaluated once, so the rows locked are the rows updated.
  const result = await sql<ClaimedDelivery>`
    WITH due AS (
      SELECT d.id
        FROM webhook_deliveries d
        JOIN webhook_subscriptions s ON s.id = d.subscription_id
       WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= now() AND s.active
       ORDER BY d.next_attempt_at
       LIMIT ${limit}
         FOR UPDATE OF d SKIP LOCKED)
    UPDATE webhook_deliveries d
       SET status = 'delivering', attempts = d.attempts + 1,
           claim_token = gen_random_uuid(), claimed_at = now()
      FROM due, webhook_subscriptions s, workspaces w
     WHERE d.id = due.id AND s.id = d.subscription_id AND w.id = d.workspace_id
    RETURNING d.*, s.url, s.secret, w.slug AS workspace_slug`.execute(db);
  return result.rows;
}

/** How one attempt ended. */
export type AttemptOutcome =
  | { readonly status: 'delivered'; readonly statusCode: number }
  | {
      readonly status: 'failed';
      readonly statusCode: number | null;
      readonly error: string;
      readonly retryDelayMs: number;
    }
  | { readonly status: 'dead'; readonly statusCode: number | null; readonly error: string };

/**
 * Records the outcome of an attempt if the claim is still the caller's (a claim taken back
 * after its lease expired is not); returns whether it was.
 */
export async function finishAttempt(
  db: Db,
  claim: { id: string; claimToken: string },
  outcome: AttemptOutcome,
): Promise<boolean> {
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({
      status: outcome.status,
      claim_token: null,
      claimed_at: null,
      last_status_code: outcome.statusCode,
      last_error: outcome.status === 'delivered' ? null : outcome.error,
      ...(outcome.status === 'delivered' ? { delivered_at: sql<Date>`now()` } : {}),
      ...(outcome.status === 'failed'
        ? {
            next_attempt_at: sql<Date>`now() + make_interval(secs => ${outcome.retryDelayMs / 1000})`,
          }
        : {}),
    })
    .where('id', '=', claim.id)
    .where('claim_token', '=', claim.claimToken)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/**
 * Hands a claimed delivery back untried (its deliverer is stopping): the attempt is not
 * counted and the row is due at once.
 */
export async function releaseClaim(
  db: Db,
  claim: { id: string; claimToken: string },
): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      attempts: sql<number>`greatest(attempts - 1, 0)`,
      claim_token: null,
      claimed_at: null,
      next_attempt_at: sql<Date>`now()`,
    })
    .where('id', '=', claim.id)
    .where('claim_token', '=', claim.claimToken)
    .execute();
}

/**
 * Takes back claims older than `leaseMs` (their deliverer crashed or hung): they become
 * `pending` and due at once. The attempt stays counted: its request may have gone out.
 * Returns how many were taken back.
 */
export async function recoverExpiredClaims(db: Db, leaseMs: number): Promise<number> {
  const result = await sql`
    UPDATE webhook_deliveries
       SET status = 'pending', claim_token = NULL, claimed_at = NULL, next_attempt_at = now(),
           last_error = 'the deliverer stopped before the attempt finished'
     WHERE status = 'delivering'
       AND claimed_at < now() - make_interval(secs => ${leaseMs / 1000})`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export async function findDelivery(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first, by subscription and/or status; keyset after the delivery `afterId`. */
export async function listDeliveries(
  db: Db,
  workspaceId: string,
  options: {
    subscriptionId?: string | undefined;
    status?: DeliveryStatus | undefined;
    afterId?: string | undefined;
    limit: number;
  },
): Promise<WebhookDeliveryRow[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.subscriptionId !== undefined) {
    query = query.where('subscription_id', '=', options.subscriptionId);
  }
  if (options.status !== undefined) query = query.where('status', '=', options.status);
  if (options.afterId !== undefined) {
    query = query.where(
      sql<boolean>`(created_at, id) < (SELECT d.created_at, d.id FROM webhook_deliveries d WHERE d.id = ${options.afterId})`,
    );
  }
  return query.execute();
}

/**
 * Queues a finished delivery (`delivered`, `failed` or `dead`) again with its attempts
 * reset, keeping its id so receivers can recognise a repeat. Returns `undefined` when the
 * delivery is not in one of those states (or does not exist).
 */
export async function requeueDelivery(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: sql<Date>`now()` })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .where('status', 'in', ['delivered', 'failed', 'dead'])
    .returningAll()
    .executeTakeFirst();
}
