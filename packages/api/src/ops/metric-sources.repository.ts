import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** Jobs waiting or running, by status (both counts read partial indexes). */
export async function countActiveJobs(db: Db): Promise<{ queued: number; running: number }> {
  const row = await db
    .selectFrom('jobs')
    .select([
      sql<number>`(count(*) FILTER (WHERE status = 'queued'))::int`.as('queued'),
      sql<number>`(count(*) FILTER (WHERE status = 'running'))::int`.as('running'),
    ])
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return { queued: row.queued, running: row.running };
}

/** Webhook deliveries that failed (waiting for a retry) or died (out of retries). */
export async function countFailedWebhookDeliveries(
  db: Db,
): Promise<{ failed: number; dead: number }> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select([
      sql<number>`(count(*) FILTER (WHERE status = 'failed'))::int`.as('failed'),
      sql<number>`(count(*) FILTER (WHERE status = 'dead'))::int`.as('dead'),
    ])
    .where('status', 'in', ['failed', 'dead'])
    .executeTakeFirstOrThrow();
  return { failed: row.failed, dead: row.dead };
}
