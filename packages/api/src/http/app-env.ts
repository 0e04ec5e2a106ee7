import type { Context } from 'hono';
import type { Principal } from '../keys/principal.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { ProblemError } from './problem.ts';

export interface AppVariables {
  requestId: string;
  principal: Principal | undefined;
  workspace: WorkspaceRow | undefined;
}

/** The Hono environment of every Tagwise app. */
export interface AppEnv {
  Variables: AppVariables;
}

/** The authenticated caller (routes under /v1 always have one). */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (principal === undefined) throw new ProblemError('unauthenticated', 'no API key was given');
  return principal;
}

/** The workspace named in the URL, already checked against the caller's key. */
export function workspaceOf(c: Context<AppEnv>): WorkspaceRow {
  const workspace = c.get('workspace');
  if (workspace === undefined) throw ProblemError.notFound('workspace');
  return workspace;
}
