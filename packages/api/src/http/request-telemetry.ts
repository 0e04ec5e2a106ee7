import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.ts';
import type { ApiMetrics } from '../ops/metrics.ts';
import { routeLabel } from '../ops/route-label.ts';
import type { AppEnv } from './app-env.ts';

/** A caller's own request id is kept when it is a short token (it ends up in logs). */
const PLAUSIBLE_REQUEST_ID = /^[\w\-=.:]{1,200}$/;

/**
 * Puts the request id on the response. Served by Node, it goes straight onto the outgoing
 * message: Hono would otherwise build a `Headers` object for every response, which the
 * Node adapter then copies back into a plain one.
 */
function setRequestIdHeader(c: Context<AppEnv>, id: string): void {
  const outgoing = (c.env as Partial<HttpBindings> | undefined)?.outgoing;
  if (outgoing === undefined) c.header('X-Request-Id', id);
  else outgoing.setHeader('X-Request-Id', id);
}

/**
 * The first middleware of every request. It gives the request an id (the caller's
 * `X-Request-Id` when plausible, else a new UUID) and returns it in `X-Request-Id`. Once the
 * request is answered it writes one access-log line and counts and times it in the metrics.
 *
 * The log line holds the request id, method, route pattern, raw path, status, duration in ms
 * (until the response starts) and the calling key's id. A client's report, this line and any
 * error logged for the request join on the id. One middleware does all three because each
 * step of the chain costs time on every request.
 */
export function requestTelemetry(logger: Logger, metrics: ApiMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const given = c.req.header('x-request-id');
    const requestId =
      given !== undefined && PLAUSIBLE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
    c.set('requestId', requestId);
    setRequestIdHeader(c, requestId);
    await next();
    const milliseconds = performance.now() - started;
    const route = routeLabel(c);
    const { method } = c.req;
    const { status } = c.res;
    logger.info({
      msg: 'request',
      requestId,
      method,
      route,
      path: c.req.path,
      status,
      durationMs: Math.round(milliseconds * 10) / 10,
      keyId: c.get('principal')?.keyId,
    });
    metrics.observeRequest({ method, route, status, seconds: milliseconds / 1000 });
  };
}
