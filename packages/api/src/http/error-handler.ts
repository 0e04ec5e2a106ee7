import { EngineError } from '@tagwise/engine';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { RouterRoute } from 'hono/types';
import { errorFields, type Logger } from '../logger.ts';
import { allowedMethods } from './allowed-methods.ts';
import type { AppEnv } from './app-env.ts';
import {
  problemBody,
  problemResponse,
  ProblemError,
  type Problem,
  type ProblemSlug,
} from './problem.ts';

const SLUG_BY_STATUS: Record<number, ProblemSlug> = {
  400: 'malformed-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  503: 'not-ready',
};

const requestIdOf = (c: Context<AppEnv>): string => c.get('requestId') ?? 'unknown';

/**
 * SQLSTATEs of text the database cannot store (22021: a NUL character or invalid UTF-8 in
 * text, 22P05: U+0000 in jsonb). Inputs are checked for them where they arrive; these codes
 * mean some input got past that check, and it is still the caller's text that is wrong.
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

const isUnstorableText = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  UNSTORABLE_TEXT.has(String((error as { code?: unknown }).code));

/** Headers every problem carries: the request id, and the auth scheme on a 401. */
const headersFor = (body: Problem): Record<string, string> => ({
  'X-Request-Id': body.requestId,
  ...(body.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}),
});

const respond = (body: Problem, headers: Record<string, string> = {}): Response =>
  problemResponse(body, { ...headersFor(body), ...headers });

/**
 * The one place errors become responses: known errors map to their problem type; anything
 * else is a 500 whose details go to the log (with the request id), never to the client.
 */
export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const requestId = requestIdOf(c);
    const instance = c.req.path;
    if (error instanceof ProblemError) {
      return respond(
        problemBody(error.slug, error.detail, requestId, {
          errors: error.errors,
          status: error.status,
          instance,
        }),
      );
    }
    if (error instanceof EngineError) {
      return respond(
        problemBody('engine-rejected', error.message, requestId, {
          errors: [{ path: error.path.join('.') || '(input)', message: error.message }],
          instance,
        }),
      );
    }
    if (error instanceof HTTPException && error.status === 415) {
      // Routes with a CSV body check their own media type; every other body is JSON.
      const declared = c.req.header('content-type') ?? 'no content type';
      return respond(
        problemBody(
          'unsupported-media-type',
          `send the body as JSON with Content-Type: application/json; it was declared as ${declared}`,
          requestId,
          { instance },
        ),
      );
    }
    if (error instanceof HTTPException && error.status < 500) {
      const slug = SLUG_BY_STATUS[error.status] ?? 'malformed-request';
      return respond(
        problemBody(slug, error.message || slug, requestId, { status: error.status, instance }),
      );
    }
    if (isUnstorableText(error)) {
      logger.warn({ msg: 'unstorable text reached the database', requestId, path: instance });
      return respond(
        problemBody(
          'malformed-request',
          'the request holds text the database cannot store (a NUL character or invalid UTF-8)',
          requestId,
          { instance },
        ),
      );
    }
    logger.error({
      msg: 'unhandled error',
      requestId,
      method: c.req.method,
      path: c.req.path,
      ...errorFields(error),
    });
    return respond(
      problemBody(
        'internal',
        `an unexpected error occurred; quote request id ${requestId} when reporting it`,
        requestId,
        { instance },
      ),
    );
  };
}

/**
 * Answers a request no route took: 405 with `Allow` when the path exists for other methods
 * (`routes` is read per request, so it sees every route however late it was added), else 404.
 */
export function createNotFoundHandler(
  routes: () => readonly RouterRoute[],
): NotFoundHandler<AppEnv> {
  return (c) => {
    const requestId = requestIdOf(c);
    const instance = c.req.path;
    const allowed = allowedMethods(routes(), c.req.path);
    if (allowed.length > 0) {
      return respond(
        problemBody(
          'method-not-allowed',
          `${c.req.path} takes ${allowed.join(', ')}, not ${c.req.method}`,
          requestId,
          { instance },
        ),
        { Allow: allowed.join(', ') },
      );
    }
    return respond(
      problemBody('not-found', `no route matches ${c.req.method} ${c.req.path}`, requestId, {
        instance,
      }),
    );
  };
}
