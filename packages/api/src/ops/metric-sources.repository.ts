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

/**
 * Webhook deliveries that failed (waiting for a retry) or died (out of retries), or
 * `undefined` while the webhook tables do not exist.
 */
export async function countFailedWebhookDeliveries(
  db: Db,
): Promise<{ failed: number; dead: number } | undefined> {
  const { rows: found } = await sql<{ present: boolean }>`
    SELECT to_regclass(current_schema() || '.webhook_deliveries') IS NOT NULL AS present`.execute(
    db,
  );
  if (found[0]?.present !== true) return undefined;
  const { rows } = await sql<{ failed: number; dead: number }>`
    SELECT (count(*) FILTER (WHERE status = 'failed'))::int AS failed,
           (count(*) FILTER (WHERE status = 'dead'))::int AS dead
      FROM webhook_deliveries
     WHERE status IN ('failed', 'dead')`.execute(db);
  return rows[0] ?? { failed: 0, dead: 0 };
}
