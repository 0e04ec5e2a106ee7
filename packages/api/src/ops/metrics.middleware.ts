import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { ApiMetrics } from './metrics.ts';
import { routeLabel } from './route-label.ts';

/** Counts and times every request by method, route pattern and status. */
export function httpMetrics(metrics: ApiMetrics): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    metrics.observeRequest({
      method: c.req.method,
      route: routeLabel(c),
      status: c.res.status,
      seconds: (performance.now() - started) / 1000,
    });
  };
}
