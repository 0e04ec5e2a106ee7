import { principalOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { AuditPageSchema, AuditQuerySchema } from './audit.schema.ts';
import { readAuditPage } from './audit.service.ts';

const listAuditRoute = defineRoute(['admin'], {
  method: 'get',
  path: '/audit',
  tags: ['audit'],
  summary: 'Read the audit log, newest first',
  description:
    'One entry per change, written in the same transaction as the change (a rolled-back write leaves none). The log is append-only: the database refuses updates and deletes. Customers are never named in plain form: filter by `customer` to match their salted hash.',
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      description: 'One page of entries',
      content: { 'application/json': { schema: AuditPageSchema } },
    },
  },
});

/** `/v1/audit`. */
export function auditRoutes(deps: AppDeps) {
  return createRouter().openapi(listAuditRoute, async (c) =>
    c.json(await readAuditPage(deps.db, principalOf(c), c.req.valid('query')), 200),
  );
}
