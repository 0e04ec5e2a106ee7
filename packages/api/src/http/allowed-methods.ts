import type { RouterRoute } from 'hono/types';

/** A route path (`/v1/workspaces/:workspace/tags/:tag`) as a pattern matching its URLs. */
function patternOf(path: string): RegExp {
  const segments = path
    .split('/')
    .map((segment) =>
      segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
  return new RegExp(`^${segments.join('/')}/?$`);
}

/**
 * The methods some route answers at `path`, in the order they were defined; empty when no
 * route has this path at all. A request that matched nothing is then told which methods
 * the path takes (405), rather than that it does not exist (404).
 *
 * @example
 * allowedMethods(app.routes, '/v1/workspaces/acme/customers'); // ['GET', 'POST']
 */
export function allowedMethods(routes: readonly RouterRoute[], path: string): string[] {
  const methods = routes
    .filter((route) => route.method !== 'ALL' && patternOf(route.path).test(path))
    .map((route) => route.method);
  return [...new Set(methods)];
}
