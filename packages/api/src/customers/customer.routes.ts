import { z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { decodeCursor, pageQuerySchema, pageSchema, toPage } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { readCsvBody } from '../ingest/csv-body.ts';
import { INGEST_LIMITS } from '../ingest/limits.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { errorFields } from '../logger.ts';
import { CustomerDetailSchema, getCustomerDetail } from './customer-detail.ts';
import { eraseCustomer } from './customer-erasure.ts';
import { customerExportJson, exportCustomer } from './customer-export.ts';
import { CustomerExportSchema } from './customer-export.schema.ts';
import { listCustomers } from './customer.repository.ts';
import {
  AttributesSchema,
  CustomerBatchSchema,
  CustomerViewSchema,
  ExternalIdSchema,
  UpsertCustomersResultSchema,
} from './customer.schema.ts';
import {
  getCustomer,
  toCustomerView,
  upsertCustomerBatch,
  upsertCustomerCsv,
} from './customer.service.ts';

const WRITERS = ['admin', 'analyst'] as const;
/** Erasure and export answer a data subject's request: a governance act, as keys and the audit are. */
const PRIVACY_OFFICERS = ['admin'] as const;

const CustomerParams = WorkspaceParams.extend({
  externalId: ExternalIdSchema.openapi({ param: { name: 'externalId', in: 'path' } }),
});

const upsertBatchRoute = defineRoute(WRITERS, {
  method: 'post',
  path: '/workspaces/{workspace}/customers',
  tags: ['customers'],
  summary: 'Upsert customers by external id (JSON batch, all or none)',
  description: `Up to ${INGEST_LIMITS.jsonBatchItems} customers per batch. Attributes replace the stored ones; a change marks the customer's features stale. Re-sending a batch changes nothing.`,
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: CustomerBatchSchema } } },
  },
  responses: {
    200: {
      description: 'Stored',
      content: { 'application/json': { schema: UpsertCustomersResultSchema } },
    },
  },
});

const upsertCsvRoute = defineRoute(WRITERS, {
  method: 'post',
  path: '/workspaces/{workspace}/customers/csv',
  tags: ['customers'],
  summary: 'Upsert customers from a CSV upload (all or none)',
  description: `A text/csv body with a header row, streamed; up to ${INGEST_LIMITS.csvRows} rows and ${INGEST_LIMITS.bodyBytes / 1024 / 1024} MiB. The id column (default \`customer_id\`) holds the external id; every other column becomes an attribute (plain numbers become numbers, empty cells null). Every bad row is reported by line.`,
  request: {
    params: WorkspaceParams,
    query: z.object({
      idColumn: z.string().min(1).max(100).default('customer_id').openapi({
        description: 'The column holding the external id',
      }),
    }),
    body: { required: true, content: { 'text/csv': { schema: z.string() } } },
  },
  responses: {
    200: {
      description: 'Stored',
      content: { 'application/json': { schema: UpsertCustomersResultSchema } },
    },
    413: { description: 'Too many rows or bytes' },
    415: { description: 'Declared as another media type than CSV, or another charset than UTF-8' },
  },
});

const putRoute = defineRoute(WRITERS, {
  method: 'put',
  path: '/workspaces/{workspace}/customers/{externalId}',
  tags: ['customers'],
  summary: "Create or replace one customer's attributes",
  request: {
    params: CustomerParams,
    body: {
      required: true,
      content: {
        'application/json': { schema: z.object({ attributes: AttributesSchema }) },
      },
    },
  },
  responses: {
    200: {
      description: 'The customer',
      content: { 'application/json': { schema: CustomerViewSchema } },
    },
  },
});

const listRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/customers',
  tags: ['customers'],
  summary: 'List customers by external id',
  request: {
    params: WorkspaceParams,
    query: pageQuerySchema(1000).extend({
      stale: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'true = only customers whose features are stale' }),
    }),
  },
  responses: {
    200: {
      description: 'One page of customers',
      content: { 'application/json': { schema: pageSchema(CustomerViewSchema, 'CustomerPage') } },
    },
  },
});

const getRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/customers/{externalId}',
  tags: ['customers'],
  summary:
    'Get one customer with features, held tags (with provenance), open suggestions and churn',
  request: { params: CustomerParams },
  responses: {
    200: {
      description: 'The customer',
      content: { 'application/json': { schema: CustomerDetailSchema } },
    },
  },
});

const eraseRoute = defineRoute(PRIVACY_OFFICERS, {
  method: 'delete',
  path: '/workspaces/{workspace}/customers/{externalId}',
  tags: ['customers'],
  summary: 'Erase a customer and every row about them (privacy request)',
  description:
    "In one transaction: the customer's attributes and features, events, cluster assignments, churn predictions, suggestions, the whole tag history, segment membership and changes, and queued webhook deliveries (delivered ones keep their history without payload). Every table with a `customer_id` column is covered. The erasure is audited under the customer's salted hash only.",
  request: { params: CustomerParams },
  responses: { 204: { description: 'Erased' } },
});

const exportRoute = defineRoute(PRIVACY_OFFICERS, {
  method: 'get',
  path: '/workspaces/{workspace}/customers/{externalId}/export',
  tags: ['customers'],
  summary: 'Everything held about one customer, as one JSON document (privacy request)',
  description:
    'Attributes and features, every tag holding (open and closed), every suggestion, churn prediction and cluster assignment, segment membership and changes, webhook deliveries about the customer, the audit entries about the customer, and every event (streamed last, in time order).',
  request: { params: CustomerParams },
  responses: {
    200: {
      description: 'The export',
      content: { 'application/json': { schema: CustomerExportSchema } },
    },
  },
});

/** `/v1/workspaces/{workspace}/customers`. */
export function customerRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(upsertBatchRoute, async (c) => {
      const { customers } = c.req.valid('json');
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await upsertCustomerBatch(ctx, workspaceOf(c), customers), 200);
    })
    .openapi(upsertCsvRoute, async (c) => {
      const { idColumn } = c.req.valid('query');
      const rows = readCsvBody(c.req.raw, [idColumn]);
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await upsertCustomerCsv(ctx, workspaceOf(c), rows, idColumn), 200);
    })
    .openapi(putRoute, async (c) => {
      const { externalId } = c.req.valid('param');
      const { attributes } = c.req.valid('json');
      const ctx = serviceContext(c, deps.db, changeHooks);
      await upsertCustomerBatch(ctx, workspaceOf(c), [{ externalId, attributes }]);
      return c.json(toCustomerView(await getCustomer(deps.db, workspaceOf(c), externalId)), 200);
    })
    .openapi(listRoute, async (c) => {
      const { limit, cursor, stale } = c.req.valid('query');
      const rows = await listCustomers(deps.db, workspaceOf(c).id, {
        afterExternalId: decodeCursor(cursor),
        limit: limit + 1,
        onlyStale: stale === 'true',
      });
      return c.json(
        toPage(rows, limit, (r) => r.external_id, toCustomerView),
        200,
      );
    })
    .openapi(getRoute, async (c) => {
      const { externalId } = c.req.valid('param');
      return c.json(await getCustomerDetail(deps.db, workspaceOf(c), externalId), 200);
    })
    .openapi(eraseRoute, async (c) => {
      const { externalId } = c.req.valid('param');
      await eraseCustomer(serviceContext(c, deps.db, changeHooks), workspaceOf(c), externalId);
      return c.body(null, 204);
    })
    .openapi(exportRoute, async (c) => {
      const { externalId } = c.req.valid('param');
      const data = await exportCustomer(deps.db, workspaceOf(c), externalId); // 404 before streaming
      c.header('content-type', 'application/json; charset=utf-8');
      return stream(
        c,
        async (out) => {
          for await (const text of customerExportJson(data)) {
            if (out.aborted) break;
            await out.write(text);
          }
        },
        async (error) => {
          // The status line is sent: the client sees truncated JSON, the log says why.
          deps.logger.error({
            msg: 'customer export failed mid-stream',
            requestId: c.get('requestId'),
            ...errorFields(error),
          });
        },
      ) as unknown as ReturnType<typeof c.json>;
    });
}
