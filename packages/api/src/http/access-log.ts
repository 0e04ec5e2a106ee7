import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../logger.ts';
import { routeLabel } from '../ops/route-label.ts';
import type { AppEnv } from './app-env.ts';

/**
 * One structured line per request: request id, method, route pattern, raw path, status,
 * duration in milliseconds (until the response starts) and the calling key's id. The
 * request id is the one the response carries in `X-Request-Id`, so a client's report, this
 * line and any error logged for the request join on it.
 */
export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    logger.info({
      msg: 'request',
      requestId: c.get('requestId'),
      method: c.req.method,
      route: routeLabel(c),
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      keyId: c.get('principal')?.keyId,
    });
  };
}
