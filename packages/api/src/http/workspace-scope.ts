import type { MiddlewareHandler } from 'hono';
import type { Db } from '../db/database.ts';
import { getVisibleWorkspace } from '../workspaces/workspace.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { principalOf, type AppEnv } from './app-env.ts';
import { workspaceSlugSchema } from './params.ts';
import { invalidInput } from './route.ts';
import type { TtlCache } from './ttl-cache.ts';

/**
 * For `/v1/workspaces/:workspace/...`: loads the workspace and checks the caller's key may
 * see it. Nothing crosses workspaces: another tenant's workspace is a 404, like a missing one.
 */
export function workspaceScope(
  db: Db,
  workspaces: TtlCache<WorkspaceRow>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slug = c.req.param('workspace');
    if (slug !== undefined) {
      // Checked here because this runs before the route validates its parameters: a slug no
      // workspace can have is a 400 naming it, and costs no lookup.
      const checked = workspaceSlugSchema.safeParse(slug);
      if (!checked.success) {
        throw invalidInput(
          'param',
          checked.error.issues.map((issue) => ({ path: 'workspace', message: issue.message })),
        );
      }
      c.set('workspace', await getVisibleWorkspace(db, principalOf(c), slug, workspaces));
    }
    await next();
  };
}
