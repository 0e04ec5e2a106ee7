import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/database.ts';
import { authenticateKey } from '../keys/api-key.service.ts';
import type { Principal } from '../keys/principal.ts';
import type { TtlCache } from './ttl-cache.ts';
import type { AppEnv } from './app-env.ts';
import { ProblemError } from './problem.ts';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Resolves `Authorization: Bearer <key>` to the caller; 401 problem when missing or unknown. */
export function authenticate(db: Db, principals: TtlCache<Principal>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined) {
      throw new ProblemError('unauthenticated', 'send an API key as `Authorization: Bearer <key>`');
    }
    const match = BEARER.exec(header);
    if (match === null) {
      throw new ProblemError('unauthenticated', 'the Authorization header must be `Bearer <key>`');
    }
    const principal = await authenticateKey(db, match[1]!, principals);
    if (principal === undefined) {
      throw new ProblemError('unauthenticated', 'the API key is unknown or revoked');
    }
    c.set('principal', principal);
    await next();
  };
}
