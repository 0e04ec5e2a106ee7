import { sql } from 'kysely';
import { z } from 'zod';
import { computeEventFeatures, EventLogBuilder } from '@tagwise/engine';
import {
  countCustomers,
  saveCustomerFeatures,
  streamCustomers,
  type FeatureUpdate,
} from '../customers/customer.repository.ts';
import type { CustomerFeatures } from '../customers/customer.table.ts';
import type { Db } from '../db/database.ts';
import { findEventsOfCustomers } from '../events/event.repository.ts';
import { parseTimestamp } from '../events/event.schema.ts';
import type { JobHandler } from '../jobs/job-registry.ts';

const paramsSchema = z
  .object({
    asOf: z
      .string()
      .refine((value) => parseTimestamp(value) !== undefined, 'must be an ISO 8601 date-time')
      .optional()
      .describe('Cut-off; default: the time the job starts'),
    windowDays: z.number().int().min(1).max(3650).optional(),
    scope: z.enum(['stale', 'all']).optional(),
  })
  .strict();

export type FeatureRefreshParams = z.infer<typeof paramsSchema>;

/** Customers whose events are loaded and computed together (bounded memory). */
const BATCH_CUSTOMERS = 2000;

async function databaseNow(db: Db): Promise<Date> {
  const { rows } = await sql<{ now: Date }>`SELECT now() AS now`.execute(db);
  return rows[0]!.now;
}

/** Optional columns present anywhere in the workspace: then every customer gets them (0 when none). */
async function optionalColumns(db: Db, workspaceId: string): Promise<string[]> {
  const { rows } = await sql<{ products: boolean; categories: boolean }>`
    SELECT EXISTS (SELECT 1 FROM events WHERE workspace_id = ${workspaceId} AND product IS NOT NULL) AS products,
           EXISTS (SELECT 1 FROM events WHERE workspace_id = ${workspaceId} AND category IS NOT NULL) AS categories`.execute(
    db,
  );
  const row = rows[0];
  return [
    ...(row?.products ? ['distinct_products'] : []),
    ...(row?.categories ? ['distinct_categories'] : []),
  ];
}

/**
 * `feature-refresh`: recomputes behavioural features (engine `computeEventFeatures`) for the
 * workspace's stale customers (or all), `BATCH_CUSTOMERS` at a time, and stores them all in
 * the finishing transaction — a cancelled refresh leaves the previous features in place.
 */
export const featureRefreshJob: JobHandler<FeatureRefreshParams> = {
  kind: 'feature-refresh',
  description: 'Recompute customer features from events as of a cut-off',
  roles: ['admin', 'analyst'],
  params: paramsSchema,
  async run(context) {
    const { db, job, params } = context;
    const workspaceId = job.workspace_id;
    const computedFrom = await databaseNow(db);
    const asOf = params.asOf === undefined ? computedFrom : parseTimestamp(params.asOf)!;
    const onlyStale = (params.scope ?? 'stale') === 'stale';
    const counts = await countCustomers(db, workspaceId);
    const total = onlyStale ? counts.stale : counts.total;
    const extraColumns = await optionalColumns(db, workspaceId);
    const updates: FeatureUpdate[] = [];
    let withEvents = 0;
    await context.progress(0, `0 of ${total} customers`);
    for await (const customers of streamCustomers(db, workspaceId, {
      batchSize: BATCH_CUSTOMERS,
      onlyStale,
    })) {
      context.throwIfCancelled();
      const events = await findEventsOfCustomers(
        db,
        customers.map((c) => c.id),
      );
      const byCustomer = new Map<string, CustomerFeatures>();
      if (events.length > 0) {
        const builder = new EventLogBuilder(events.length);
        for (const e of events) {
          builder.add({
            customerId: String(e.customer_id),
            time: e.occurred_at.getTime(),
            amount: e.amount ?? 0,
            kind: e.kind,
            ...(e.quantity === null ? {} : { quantity: e.quantity }),
            ...(e.invoice === null ? {} : { order: e.invoice }),
            ...(e.product === null ? {} : { product: e.product }),
            ...(e.category === null ? {} : { category: e.category }),
          });
        }
        const table = computeEventFeatures(builder.build(), {
          asOf: asOf.getTime(),
          ...(params.windowDays === undefined ? {} : { windowDays: params.windowDays }),
        });
        const width = table.names.length;
        table.ids.forEach((id, row) => {
          const features: CustomerFeatures = {};
          for (const name of extraColumns) features[name] = 0;
          for (let col = 0; col < width; col++) {
            features[table.names[col]!] = table.matrix.data[row * width + col]!;
          }
          byCustomer.set(id, features);
        });
      }
      for (const customer of customers) {
        const features = byCustomer.get(String(customer.id)) ?? null;
        if (features !== null) withEvents += 1;
        updates.push({ customerId: customer.id, features });
      }
      await context.progress(
        total === 0 ? 1 : Math.min(1, updates.length / total),
        `${updates.length} of ${total} customers`,
      );
    }
    return {
      result: {
        customers: updates.length,
        withEvents,
        asOf: asOf.toISOString(),
        scope: onlyStale ? 'stale' : 'all',
      },
      message: `features of ${updates.length} customers as of ${asOf.toISOString()}`,
      persist: (trx) => saveCustomerFeatures(trx, workspaceId, updates, asOf, computedFrom),
    };
  },
};
