import { sql } from 'kysely';
import type { DomainEventType } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import type { WebhookSubscriptionRow } from './webhook.table.ts';

export async function insertSubscription(
  db: Db,
  row: {
    workspaceId: string;
    url: string;
    eventTypes: readonly DomainEventType[];
    secret: string;
    active: boolean;
    createdBy: string | null;
  },
): Promise<WebhookSubscriptionRow> {
  return db
    .insertInto('webhook_subscriptions')
    .values({
      workspace_id: row.workspaceId,
      url: row.url,
      event_types: [...row.eventTypes],
      secret: row.secret,
      active: row.active,
      created_by: row.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findSubscription(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<WebhookSubscriptionRow | undefined> {
  return db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Newest first; keyset after the subscription `afterId` (compared inside SQL). */
export async function listSubscriptions(
  db: Db,
  workspaceId: string,
  options: { afterId?: string | undefined; limit: number },
): Promise<WebhookSubscriptionRow[]> {
  let query = db
    .selectFrom('webhook_subscriptions')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.afterId !== undefined) {
    query = query.where(
      sql<boolean>`(created_at, id) < (SELECT s.created_at, s.id FROM webhook_subscriptions s WHERE s.id = ${options.afterId})`,
    );
  }
  return query.execute();
}

export async function updateSubscription(
  db: Db,
  workspaceId: string,
  id: string,
  patch: {
    url?: string | undefined;
    eventTypes?: readonly DomainEventType[] | undefined;
    active?: boolean | undefined;
    secret?: string | undefined;
  },
): Promise<WebhookSubscriptionRow | undefined> {
  return db
    .updateTable('webhook_subscriptions')
    .set({
      updated_at: sql<Date>`now()`,
      ...(patch.url === undefined ? {} : { url: patch.url }),
      ...(patch.eventTypes === undefined ? {} : { event_types: [...patch.eventTypes] }),
      ...(patch.active === undefined ? {} : { active: patch.active }),
      ...(patch.secret === undefined ? {} : { secret: patch.secret }),
    })
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Deletes a subscription and (by cascade) its deliveries; false when it did not exist. */
export async function deleteSubscription(
  db: Db,
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const rows = await db
    .deleteFrom('webhook_subscriptions')
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .returning('id')
    .execute();
  return rows.length > 0;
}

/** The event types some active subscription of the workspace listens to (often none). */
export async function subscribedEventTypes(
  db: Db,
  workspaceId: string,
): Promise<Set<DomainEventType>> {
  const result = await sql<{ event_type: DomainEventType }>`
    SELECT DISTINCT unnest(event_types) AS event_type
      FROM webhook_subscriptions
     WHERE workspace_id = ${workspaceId} AND active`.execute(db);
  return new Set(result.rows.map((r) => r.event_type));
}
