import { PGlite } from '@electric-sql/pglite';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Kysely, PGliteDialect } from 'kysely';
import { bodyLimit } from 'hono/body-limit';
import { clusterRunRoutes } from './clusters/cluster-run.routes.ts';
import { churnRoutes } from './churn/churn.routes.ts';
import { customerRoutes } from './customers/customer.routes.ts';
import { eventRoutes } from './events/event.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import type { AppDeps } from './http/app-deps.ts';
import type { AppEnv } from './http/app-env.ts';
import type { Database } from './db/database.ts';
import { createReadiness } from './health/readiness.ts';
import { createJobRegistry } from './jobs/job-handlers.ts';
import { createJsonLogger } from './logger.ts';
import { authenticate } from './http/authenticate.ts';
import { docsRoutes } from './http/docs.ts';
import { requestTelemetry } from './http/request-telemetry.ts';
import { createErrorHandler, createNotFoundHandler } from './http/error-handler.ts';
import { requireWellFormedUrl } from './http/well-formed-url.ts';
import { ProblemError } from './http/problem.ts';
import { TtlCache } from './http/ttl-cache.ts';
import { workspaceScope } from './http/workspace-scope.ts';
import type { Principal } from './keys/principal.ts';
import type { WorkspaceRow } from './workspaces/workspace.table.ts';
import { INGEST_LIMITS } from './ingest/limits.ts';
import { jobRoutes } from './jobs/job.routes.ts';
import { notebookRoutes } from './notebooks/notebook.routes.ts';
import { featureSummaryRoutes } from './features/feature-summary.routes.ts';
import { workbenchStatic } from './http/workbench-static.ts';
import { tagRoutes } from './tags/tag.routes.ts';
import { customerTagRoutes } from './tags/customer-tag.routes.ts';
import { reviewRoutes } from './review/review.routes.ts';
import { ruleTableRoutes } from './rules/rule-table.routes.ts';
import { suggestionRoutes } from './suggestions/suggestion.routes.ts';
import { apiKeyRoutes } from './keys/api-key.routes.ts';
import { workspaceRoutes } from './workspaces/workspace.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { segmentRoutes } from './segments/segment.routes.ts';
import { webhookRoutes } from './webhooks/webhook.routes.ts';
import { reportRoutes } from './reports/report.routes.ts';
import { createMetrics } from './ops/metrics.ts';
import { metricsRoutes } from './ops/metrics.routes.ts';

export type { AppDeps } from './http/app-deps.ts';

/** How long a key or workspace looked up for one request serves the next ones. */
const CACHE_TTL_MS = 5_000;

/** The version string published in the OpenAPI document. */
export const API_VERSION = '0.1.0';

/**
 * Builds the HTTP app: request ids, access log and Prometheus metrics (`/metrics`), problem+json
 * errors, key authentication and workspace scoping for `/v1`, one router per resource,
 * `/openapi.json` and `/docs`.
 * No server is started: tests call `app.request()`, `server.ts` serves it.
 *
 * @example
 * const app = createApp({ db, logger, jobs: new JobRegistry(), readiness });
 * const res = await app.request('/healthz');
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const metrics = deps.metrics ?? createMetrics({ db: deps.db, logger: deps.logger });
  app.use('*', requestTelemetry(deps.logger, metrics));
  app.onError(createErrorHandler(deps.logger));
  app.notFound(createNotFoundHandler(() => app.routes));

  app.use('/v1/*', requireWellFormedUrl);

  const limitBody = bodyLimit({
    maxSize: INGEST_LIMITS.bodyBytes,
    onError: () => {
      throw new ProblemError(
        'payload-too-large',
        `request bodies are limited to ${INGEST_LIMITS.bodyBytes / 1024 / 1024} MiB`,
      );
    },
  });
  // Reads carry no body, and asking a GET for one makes the Node adapter build a whole Request.
  app.use('/v1/*', (c, next) => (c.req.method === 'GET' ? next() : limitBody(c, next)));
  // Keys and workspaces are read on every request; a few seconds of caching spares two
  // round trips each time. Revoking a key through this app clears the key cache at once.
  const principals = new TtlCache<Principal>(CACHE_TTL_MS);
  const workspaces = new TtlCache<WorkspaceRow>(CACHE_TTL_MS);
  app.use('/v1/*', authenticate(deps.db, principals));
  // Also matches `/v1/workspaces/:workspace` itself.
  app.use('/v1/workspaces/:workspace/*', workspaceScope(deps.db, workspaces));

  app.route('/', healthRoutes(deps));
  app.route('/', metricsRoutes(metrics));
  app.route('/v1', workspaceRoutes(deps));
  app.route(
    '/v1',
    apiKeyRoutes(deps, () => principals.clear()),
  );
  app.route('/v1', customerRoutes(deps));
  app.route('/v1', eventRoutes(deps));
  app.route('/v1', jobRoutes(deps));
  app.route('/v1', notebookRoutes(deps));
  app.route('/v1', featureSummaryRoutes(deps));
  app.route('/v1', tagRoutes(deps));
  app.route('/v1', customerTagRoutes(deps));
  app.route('/v1', clusterRunRoutes(deps));
  app.route('/v1', ruleTableRoutes(deps));
  app.route('/v1', suggestionRoutes(deps));
  app.route('/v1', reviewRoutes(deps));
  app.route('/v1', churnRoutes(deps));
  app.route('/v1', segmentRoutes(deps));
  app.route('/v1', reportRoutes(deps));
  app.route('/v1', webhookRoutes(deps));
  app.route('/v1', auditRoutes(deps));
  app.route('/', docsRoutes());

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: `Authorization: Bearer tw_...`',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Tagwise API',
      version: API_VERSION,
      description:
        'Customer tag recommendation. Errors are RFC 9457 application/problem+json with a stable `type`. Every response carries X-Request-Id. Each operation lists the roles that may call it in `x-tagwise-roles`.',
    },
  });
  // Last: only paths no route answered reach the built workbench.
  app.use('*', workbenchStatic());
  return app;
}

/**
 * The OpenAPI document, generated from the route definitions without a database (the
 * database handle is never opened: no request is served). `tagwise openapi` prints it; the
 * committed `packages/api/openapi.json` must equal it (a test fails on any difference).
 */
export async function generateOpenApiDocument(): Promise<unknown> {
  const neverOpened = new Kysely<Database>({
    dialect: new PGliteDialect({ pglite: () => new PGlite() }),
  });
  const app = createApp({
    db: neverOpened,
    logger: createJsonLogger({ write: () => true }),
    jobs: createJobRegistry(),
    readiness: createReadiness(),
  });
  return (await app.request('/openapi.json')).json();
}
