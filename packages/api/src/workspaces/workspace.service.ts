import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import type { TtlCache } from '../http/ttl-cache.ts';
import { ProblemError } from '../http/problem.ts';
import { canSeeWorkspace, type Principal } from '../keys/principal.ts';
import { findWorkspaceBySlug, insertWorkspace, listWorkspaces } from './workspace.repository.ts';
import type { WorkspaceRow } from './workspace.table.ts';

export interface WorkspaceView {
  readonly slug: string;
  readonly name: string;
  readonly createdAt: string;
}

export const toWorkspaceView = (row: WorkspaceRow): WorkspaceView => ({
  slug: row.slug,
  name: row.name,
  createdAt: row.created_at.toISOString(),
});

/**
 * Creates a workspace. Only an all-workspace admin may (the actor `null` is the CLI).
 * @throws ProblemError `conflict` when the slug is taken
 */
export async function createWorkspace(
  ctx: ServiceContext,
  input: { slug: string; name?: string | undefined },
): Promise<WorkspaceRow> {
  if (ctx.actor !== null && (ctx.actor.role !== 'admin' || ctx.actor.workspaceId !== null)) {
    throw ProblemError.forbidden('only an all-workspace admin key may create workspaces');
  }
  return writeTransaction(ctx, async (trx, record) => {
    const row = await insertWorkspace(trx, { slug: input.slug, name: input.name ?? input.slug });
    if (row === undefined) throw ProblemError.conflict(`workspace "${input.slug}" already exists`);
    await record({
      action: 'workspace.created',
      resource: 'workspace',
      resourceId: row.id,
      workspaceId: row.id,
      data: { slug: row.slug },
    });
    return row;
  });
}

/**
 * The workspace named `slug` if the caller may see it. Invisible and missing workspaces
 * look the same (404), so a key cannot probe other tenants.
 */
export async function getVisibleWorkspace(
  db: Db,
  principal: Principal,
  slug: string,
  cache?: TtlCache<WorkspaceRow>,
): Promise<WorkspaceRow> {
  const load = () => findWorkspaceBySlug(db, slug);
  const row = await (cache === undefined ? load() : cache.getOrLoad(slug, load));
  if (row === undefined || !canSeeWorkspace(principal, row.id)) {
    throw ProblemError.notFound(`workspace "${slug}"`);
  }
  return row;
}

/** The workspaces the caller may see, one page in slug order. */
export async function listVisibleWorkspaces(
  db: Db,
  principal: Principal,
  page: { afterSlug?: string | undefined; limit: number },
): Promise<WorkspaceRow[]> {
  return listWorkspaces(db, {
    afterSlug: page.afterSlug,
    limit: page.limit,
    onlyId: principal.workspaceId ?? undefined,
  });
}
