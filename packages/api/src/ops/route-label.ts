import type { Context } from 'hono';
import { routePath } from 'hono/route';

/**
 * The route pattern that answered the request (`/v1/workspaces/:workspace/customers/:externalId`),
 * never the raw path: labels stay few, and paths holding customer ids stay out of logs and
 * metrics. Call after `await next()`; the index then points at the handler that answered
 * (a middleware's own pattern, such as `/v1/*`, when it answered first, e.g. with a 401).
 */
export function routeLabel(c: Context): string {
  return routePath(c) || 'unmatched';
}
