import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/database.ts';
import { getVisibleWorkspace } from '../workspaces/workspace.service.ts';
import { principalOf, type AppEnv } from './app-env.ts';

/**
 * For `/v1/workspaces/:workspace/...`: loads the workspace and checks the caller's key may
 * see it. Nothing crosses workspaces: another tenant's workspace is a 404, like a missing one.
 */
export function workspaceScope(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slug = c.req.param('workspace');
    if (slug !== undefined) {
      c.set('workspace', await getVisibleWorkspace(db, principalOf(c), slug));
    }
    await next();
  };
}
