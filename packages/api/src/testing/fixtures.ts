import { systemContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { issueKey } from '../keys/api-key.service.ts';
import type { Role } from '../keys/roles.ts';
import { ROLES } from '../keys/roles.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';

/** A workspace with one key per role (and a global admin key). */
export interface WorkspaceFixture {
  readonly workspace: WorkspaceRow;
  readonly keys: Record<Role, string>;
  readonly globalAdmin: string;
}

export async function createWorkspaceFixture(db: Db, slug: string): Promise<WorkspaceFixture> {
  const ctx = systemContext(db);
  const workspace = await createWorkspace(ctx, { slug, name: slug });
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) {
    keys[role] = (await issueKey(ctx, { role, workspace: slug, name: `${slug} ${role}` })).secret;
  }
  const globalAdmin = (await issueKey(ctx, { role: 'admin', name: `${slug} global admin` })).secret;
  return { workspace, keys, globalAdmin };
}
