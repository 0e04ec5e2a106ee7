import { z } from '@hono/zod-openapi';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { ExternalIdSchema } from '../customers/customer.schema.ts';
import { getCustomer } from '../customers/customer.service.ts';
import { readCsvBody } from '../ingest/csv-body.ts';
import { INGEST_LIMITS } from '../ingest/limits.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { listCustomerEvents } from './event.repository.ts';
import { EventBatchSchema, EventViewSchema, IngestEventsResultSchema } from './event.schema.ts';
import { ingestEventBatch, ingestEventCsv, toEventView } from './event.service.ts';

const WRITERS = ['admin', 'analyst', 'service'] as const;

const ingestJsonRoute = defineRoute(WRITERS, {
  method: 'post',
  path: '/workspaces/{workspace}/events',
  tags: ['events'],
  summary: 'Ingest events (JSON batch, all or none, idempotent)',
  description: `Up to ${INGEST_LIMITS.jsonBatchItems} events per batch, stored in one transaction. An event whose eventId is already stored is skipped, so re-sending a batch is a no-op. Unknown customers are created. Customers with new events get stale features.`,
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: EventBatchSchema } } },
  },
  responses: {
    200: {
      description: 'Stored',
      content: { 'application/json': { schema: IngestEventsResultSchema } },
    },
  },
});

const ingestCsvRoute = defineRoute(WRITERS, {
  method: 'post',
  path: '/workspaces/{workspace}/events/csv',
  tags: ['events'],
  summary: 'Ingest events from a CSV upload (all or none, idempotent)',
  description: `A text/csv body with a header row, streamed; up to ${INGEST_LIMITS.csvRows} rows and ${INGEST_LIMITS.bodyBytes / 1024 / 1024} MiB. Columns: event_id, customer_id, occurred_at (ISO 8601; no offset = UTC), kind (or the \`kind\` query parameter), and optionally amount, quantity, invoice, product, category; other columns go into payload. Every bad row is reported by line.`,
  request: {
    params: WorkspaceParams,
    query: z.object({
      kind: z
        .string()
        .regex(/^[a-z][a-z0-9_-]{0,49}$/)
        .optional()
        .openapi({ description: 'Kind for rows without a `kind` cell, e.g. purchase' }),
    }),
    body: { required: true, content: { 'text/csv': { schema: z.string() } } },
  },
  responses: {
    200: {
      description: 'Stored',
      content: { 'application/json': { schema: IngestEventsResultSchema } },
    },
    413: { description: 'Too many rows or bytes' },
    415: { description: 'Declared as another media type than CSV, or another charset than UTF-8' },
  },
});

const listCustomerEventsRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/customers/{externalId}/events',
  tags: ['events'],
  summary: "A customer's events in time order",
  request: {
    params: WorkspaceParams.extend({
      externalId: ExternalIdSchema.openapi({ param: { name: 'externalId', in: 'path' } }),
    }),
    query: pageQuerySchema(1000),
  },
  responses: {
    200: {
      description: 'One page of events',
      content: { 'application/json': { schema: pageSchema(EventViewSchema, 'EventPage') } },
    },
  },
});

/** `/v1/workspaces/{workspace}/events` and a customer's events. */
export function eventRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(ingestJsonRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await ingestEventBatch(ctx, workspaceOf(c), c.req.valid('json').events), 200);
    })
    .openapi(ingestCsvRoute, async (c) => {
      const { kind } = c.req.valid('query');
      const required =
        kind === undefined
          ? ['event_id', 'customer_id', 'occurred_at', 'kind']
          : ['event_id', 'customer_id', 'occurred_at'];
      const rows = readCsvBody(c.req.raw, required);
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await ingestEventCsv(ctx, workspaceOf(c), rows, { defaultKind: kind }), 200);
    })
    .openapi(listCustomerEventsRoute, async (c) => {
      const { externalId } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      const customer = await getCustomer(deps.db, workspaceOf(c), externalId);
      const after = decodeCursor(cursor, /^\d+$/);
      const rows = await listCustomerEvents(deps.db, customer.id, {
        afterId: after === undefined ? undefined : Number(after),
        limit: limit + 1,
      });
      return c.json(
        toPage(
          rows,
          limit,
          (r) => String(r.id),
          (r) => toEventView(r, externalId),
        ),
        200,
      );
    });
}
