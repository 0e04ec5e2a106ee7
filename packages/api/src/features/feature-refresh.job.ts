import { sql } from 'kysely';
import { z } from 'zod';
import { computeEventFeatures, type FeatureTable } from '@tagwise/engine';
import {
  countCustomers,
  saveCustomerFeatures,
  streamCustomers,
  type FeatureUpdate,
} from '../customers/customer.repository.ts';
import type { CustomerFeatures } from '../customers/customer.table.ts';
import type { Db } from '../db/database.ts';
import { loadCustomersEventLog } from '../events/event-log.ts';
import { parseTimestamp } from '../io/timestamp.ts';
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

/** One batch of computed features: `rowOf[i]` is the table row of `customerIds[i]`, or -1. */
interface ComputedBatch {
  readonly customerIds: Float64Array;
  readonly rowOf: Int32Array;
  readonly table: FeatureTable | undefined;
}

async function computeBatch(
  db: Db,
  customerIds: readonly number[],
  asOf: Date,
  windowDays: number | undefined,
): Promise<ComputedBatch> {
  const log = await loadCustomersEventLog(db, customerIds);
  const rowOf = new Int32Array(customerIds.length).fill(-1);
  if (log === undefined) {
    return { customerIds: Float64Array.from(customerIds), rowOf, table: undefined };
  }
  const table = computeEventFeatures(log, {
    asOf: asOf.getTime(),
    ...(windowDays === undefined ? {} : { windowDays }),
  });
  const rowById = new Map(table.ids.map((id, row) => [id, row]));
  customerIds.forEach((id, index) => {
    rowOf[index] = rowById.get(String(id)) ?? -1;
  });
  return { customerIds: Float64Array.from(customerIds), rowOf, table };
}

/** The stored form of a batch: feature name → value per customer (`extraColumns` default to 0). */
function batchUpdates(batch: ComputedBatch, extraColumns: readonly string[]): FeatureUpdate[] {
  const { table } = batch;
  const width = table?.names.length ?? 0;
  return Array.from(batch.customerIds, (customerId, index) => {
    const row = batch.rowOf[index]!;
    if (table === undefined || row < 0) return { customerId, features: null };
    const features: CustomerFeatures = {};
    for (const name of extraColumns) features[name] = 0;
    for (let col = 0; col < width; col++) {
      features[table.names[col]!] = table.matrix.data[row * width + col]!;
    }
    return { customerId, features };
  });
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
    // Results are kept as typed arrays per batch (not one object per customer) until the
    // finishing transaction: a million customers cost ~100 MB, not gigabytes.
    const batches: ComputedBatch[] = [];
    let done = 0;
    let withEvents = 0;
    await context.progress(0, `0 of ${total} customers`);
    for await (const customers of streamCustomers(db, workspaceId, {
      batchSize: BATCH_CUSTOMERS,
      onlyStale,
    })) {
      context.throwIfCancelled();
      const batch = await computeBatch(
        db,
        customers.map((c) => c.id),
        asOf,
        params.windowDays,
      );
      batches.push(batch);
      done += customers.length;
      withEvents += batch.rowOf.filter((row) => row >= 0).length;
      await context.progress(
        total === 0 ? 1 : Math.min(1, done / total),
        `${done} of ${total} customers`,
      );
    }
    return {
      result: {
        customers: done,
        withEvents,
        asOf: asOf.toISOString(),
        scope: onlyStale ? 'stale' : 'all',
      },
      message: `features of ${done} customers as of ${asOf.toISOString()}`,
      analyze: ['customers'],
      persist: async (trx, record) => {
        for (const batch of batches) {
          await saveCustomerFeatures(
            trx,
            workspaceId,
            batchUpdates(batch, extraColumns),
            asOf,
            computedFrom,
          );
        }
        await record({
          action: 'features.refreshed',
          resource: 'job',
          resourceId: job.id,
          workspaceId,
          data: { customers: done, asOf: asOf.toISOString(), scope: onlyStale ? 'stale' : 'all' },
        });
      },
    };
  },
};
