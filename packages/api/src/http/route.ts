import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../keys/roles.ts';
import type { AppEnv } from './app-env.ts';
import {
  issuesAsFieldErrors,
  ProblemError,
  ProblemSchema,
  type ProblemFieldError,
} from './problem.ts';
import { findUnstorableInput } from './unstorable-input.ts';

/** Who may call a route: a list of roles, or `public` (no key needed). */
export type RouteRoles = readonly Role[] | 'public';

/** The OpenAPI extension under which each operation publishes its roles. */
export const ROLES_EXTENSION = 'x-tagwise-roles';

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };

const problemResponses = (roles: RouteRoles, hasInput: boolean) => ({
  ...(roles === 'public'
    ? {}
    : {
        401: { description: 'Missing, unknown or revoked API key', content: problemContent },
        403: { description: "The key's role may not call this route", content: problemContent },
        404: { description: 'Not found, or not visible to this key', content: problemContent },
      }),
  ...(hasInput
    ? {
        400: { description: 'Malformed request or invalid parameters', content: problemContent },
        422: { description: 'Invalid body fields (every one is listed)', content: problemContent },
      }
    : {}),
  500: { description: 'Internal error (logged with the request id)', content: problemContent },
});

/** Rejects callers whose role is not in `roles` (authentication happened before). */
export function requireRoles(roles: RouteRoles): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (roles !== 'public') {
      const principal = c.get('principal');
      if (principal === undefined) {
        throw new ProblemError(
          'unauthenticated',
          'send an API key as `Authorization: Bearer <key>`',
        );
      }
      if (!roles.includes(principal.role)) {
        throw ProblemError.forbidden(
          `role "${principal.role}" may not call this route; allowed: ${roles.join(', ')}`,
        );
      }
    }
    await next();
  };
}

/**
 * Defines a route: its OpenAPI description and who may call it, in one place. The roles
 * become a middleware that runs before validation and the `x-tagwise-roles` extension of
 * the operation, so the published document is also the route table tests walk.
 *
 * @example
 * const getWorkspace = defineRoute(ALL_ROLES, {
 *   method: 'get', path: '/workspaces/{workspace}', request: { params }, responses: {...},
 * });
 */
export function defineRoute<
  P extends string,
  R extends Omit<RouteConfig, 'path' | 'middleware'> & { path: P },
>(roles: RouteRoles, config: R) {
  const hasInput = config.request !== undefined;
  return createRoute({
    ...config,
    middleware: [requireRoles(roles)],
    ...(roles === 'public' ? { security: [] } : { security: [{ bearerAuth: [] }] }),
    [ROLES_EXTENSION]: roles,
    responses: { ...problemResponses(roles, hasInput), ...config.responses },
  });
}

/** The problem for invalid input: body fields → 422, path/query/header → 400 with the target. */
export function invalidInput(target: string, errors: ProblemFieldError[]): ProblemError {
  if (target === 'json' || target === 'form') {
    return new ProblemError('validation-failed', 'the request body has invalid fields', errors);
  }
  return new ProblemError(
    'invalid-parameters',
    `the request ${target === 'param' ? 'path' : target} has invalid values`,
    errors.map((e) => ({ ...e, path: `${target}.${e.path}` })),
  );
}

/**
 * A router for one resource. Validation failures become problems: body fields → 422
 * `validation-failed`, path/query/header → 400 `invalid-parameters`, each naming its path.
 * Valid input is also checked for text the database cannot store and for nesting too deep
 * to walk (see `findUnstorableInput`).
 */
export function createRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) {
        const unstorable = findUnstorableInput(result.data);
        if (unstorable === undefined) return;
        throw invalidInput(result.target, [unstorable]);
      }
      // A repeated query parameter arrives as a list, which no parameter here takes.
      const repeats = (key: PropertyKey | undefined) =>
        result.target === 'query' && typeof key === 'string'
          ? (c.req.queries(key)?.length ?? 0)
          : 0;
      throw invalidInput(
        result.target,
        issuesAsFieldErrors(result.error.issues).map((error) => {
          const times = repeats(error.path.split('.')[0]);
          return times > 1 ? { ...error, message: `given ${times} times; give it once` } : error;
        }),
      );
    },
  });
}
