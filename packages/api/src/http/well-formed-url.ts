import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { ProblemError } from './problem.ts';

/** Whether `part` percent-decodes: every `%` starts two hex digits, and the bytes are UTF-8. */
function decodes(part: string): boolean {
  try {
    decodeURIComponent(part);
    return true;
  } catch {
    return false;
  }
}

/**
 * Refuses a URL whose path segments or query parts are not valid percent-encoding
 * (`%E0%A4%A`, `100%`). The router would otherwise keep such a part undecoded, so a customer
 * id sent as `%E0%A4%A` would be stored as those eight characters.
 */
export const requireWellFormedUrl: MiddlewareHandler<AppEnv> = async (c, next) => {
  // Most URLs hold no escape at all; they pass without being taken apart.
  if (!c.req.url.includes('%')) return next();
  const url = new URL(c.req.url);
  const query = url.search
    .slice(1)
    .split('&')
    .flatMap((pair) => pair.split('='));
  const malformed = [...url.pathname.split('/'), ...query].find((part) => !decodes(part));
  if (malformed !== undefined) {
    throw new ProblemError(
      'malformed-request',
      `the URL part "${malformed}" is not valid percent-encoding: write each byte of UTF-8 text as %XX (a literal % as %25)`,
    );
  }
  await next();
};
