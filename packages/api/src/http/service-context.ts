import type { Context } from 'hono';
import type { ChangeHook, ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import type { AppEnv } from './app-env.ts';

/** The service context of a request: its database, caller and request id. */
export function serviceContext(
  c: Context<AppEnv>,
  db: Db,
  changeHooks: readonly ChangeHook[],
): ServiceContext {
  return {
    db,
    actor: c.get('principal') ?? null,
    requestId: c.get('requestId'),
    changeHooks,
  };
}
