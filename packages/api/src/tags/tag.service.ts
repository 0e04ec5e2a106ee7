import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import type { JsonObject } from '../jobs/job.table.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { proposeSlug, slugProblem } from './tag-slug.ts';
import { findTagBySlug, insertTag, updateTag, type TagSpec } from './tag.repository.ts';
import type { CreateTagInput, PatchTagInput, TagView } from './tag.schema.ts';
import type { TagRow } from './tag.table.ts';

export function toTagView(row: TagRow): TagView {
  return {
    id: row.id,
    slug: row.slug,
    displayName: row.display_name,
    kind: row.kind,
    category: row.category,
    definition: row.definition,
    usageNote: row.usage_note,
    status: row.status,
    autoAccept: row.auto_accept,
    source: row.source,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Checks a slug against the naming standard; the 422 names the field and proposes a slug
 * that follows it.
 */
export function checkSlug(slug: string, path = 'slug'): void {
  const problem = slugProblem(slug);
  if (problem === undefined) return;
  const proposal = proposeSlug(slug);
  throw ProblemError.validation(`tag slug "${slug}" breaks the naming standard`, [
    { path, message: `${problem}; try "${proposal}"` },
  ]);
}

/**
 * Creates a tag inside a write transaction (used by tag creation and cluster naming).
 * @throws ProblemError 422 for a bad slug, 409 when the slug is taken
 */
export async function createTagIn(
  trx: Db,
  workspace: WorkspaceRow,
  spec: TagSpec & { autoAccept?: boolean | undefined },
): Promise<TagRow> {
  checkSlug(spec.slug);
  const row = await insertTag(trx, workspace.id, spec);
  if (row === undefined) {
    throw ProblemError.conflict(`tag "${spec.slug}" already exists in this workspace`);
  }
  if (spec.autoAccept === true) {
    return (await updateTag(trx, workspace.id, row.id, { autoAccept: true }))!;
  }
  return row;
}

export async function createTag(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  input: CreateTagInput,
): Promise<TagRow> {
  return writeTransaction(ctx, async (trx, record) => {
    const row = await createTagIn(trx, workspace, {
      slug: input.slug,
      displayName: input.displayName,
      kind: input.kind,
      category: input.category,
      definition: input.definition,
      usageNote: input.usageNote,
      source: input.kind === 'fact' ? { type: 'manual' } : null,
      autoAccept: input.autoAccept,
    });
    await record({
      action: 'tag.created',
      resource: 'tag',
      resourceId: row.id,
      workspaceId: workspace.id,
      data: { slug: row.slug, kind: row.kind, autoAccept: row.auto_accept },
    });
    return row;
  });
}

export async function getTag(db: Db, workspace: WorkspaceRow, slug: string): Promise<TagRow> {
  const row = await findTagBySlug(db, workspace.id, slug);
  if (row === undefined) throw ProblemError.notFound(`tag "${slug}"`);
  return row;
}

/**
 * Changes a tag's description, status or auto-accept switch. Every change is recorded with
 * the before and after values; switching auto-accept is recorded as its own action so the
 * audit log can list who let suggestions through without review.
 */
export async function patchTag(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  slug: string,
  patch: PatchTagInput,
): Promise<TagRow> {
  return writeTransaction(ctx, async (trx, record) => {
    const before = await findTagBySlug(trx, workspace.id, slug);
    if (before === undefined) throw ProblemError.notFound(`tag "${slug}"`);
    const after = (await updateTag(trx, workspace.id, before.id, patch))!;
    const changed: JsonObject = {};
    const beforeView = toTagView(before) as unknown as JsonObject;
    const afterView = toTagView(after) as unknown as JsonObject;
    for (const field of Object.keys(patch)) {
      if (beforeView[field] !== afterView[field]) {
        changed[field] = { from: beforeView[field] ?? null, to: afterView[field] ?? null };
      }
    }
    await record({
      action: 'tag.updated',
      resource: 'tag',
      resourceId: after.id,
      workspaceId: workspace.id,
      data: { slug, changed },
    });
    if (before.auto_accept !== after.auto_accept) {
      await record({
        action: after.auto_accept ? 'tag.auto-accept-enabled' : 'tag.auto-accept-disabled',
        resource: 'tag',
        resourceId: after.id,
        workspaceId: workspace.id,
        data: { slug },
      });
    }
    return after;
  });
}
