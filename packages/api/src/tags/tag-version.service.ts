import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { definitionOf, diffDefinitions, type TagDefinition } from './tag-definition.ts';
import {
  findTagVersion,
  listTagVersions,
  type TagVersionWithActor,
} from './tag-version.repository.ts';
import type {
  RollbackTagInput,
  TagVersionDetailView,
  TagVersionView,
} from './tag-version.schema.ts';
import type { TagRow } from './tag.table.ts';
import { authorOf, changeTagDefinition, getTag } from './tag.service.ts';

/** A version as the API lists it (the snapshot only in `getVersion`). */
export function toTagVersionView(row: TagVersionWithActor): TagVersionView {
  return {
    version: row.version,
    createdAt: row.created_at.toISOString(),
    actor:
      row.actor_key_id === null || row.actor_name === null
        ? null
        : { keyId: row.actor_key_id, name: row.actor_name },
    message: row.message,
    requestId: row.request_id,
    changes: row.changes.map((c) => ({ ...c })),
  };
}

/** One page of a tag's versions, newest first. */
export async function listVersions(
  db: Db,
  workspace: WorkspaceRow,
  slug: string,
  options: { beforeVersion: number | undefined; limit: number },
): Promise<TagVersionWithActor[]> {
  const tag = await getTag(db, workspace, slug);
  return listTagVersions(db, tag.id, options);
}

async function getVersionRow(db: Db, tag: TagRow, version: number): Promise<TagVersionWithActor> {
  const row = await findTagVersion(db, tag.id, version);
  if (row === undefined) throw ProblemError.notFound(`version ${version} of tag "${tag.slug}"`);
  return row;
}

/** One version of a tag with the full definition it stored. */
export async function getVersion(
  db: Db,
  workspace: WorkspaceRow,
  slug: string,
  version: number,
): Promise<TagVersionDetailView> {
  const row = await getVersionRow(db, await getTag(db, workspace, slug), version);
  return { ...toTagVersionView(row), snapshot: row.snapshot };
}

/**
 * The definition a rollback to `snapshot` writes. A model tag keeps the cluster it names
 * now: that link follows the cluster runs (names carry over to matching clusters), and an
 * old run's cluster no longer suggests anything.
 */
function restoredDefinition(tag: TagRow, snapshot: TagDefinition): TagDefinition {
  return tag.kind === 'model' ? { ...snapshot, source: tag.source } : snapshot;
}

/**
 * Restores the definition stored by an earlier version as a NEW version (history is never
 * rewritten): the newest version then equals the old one, with the message saying why.
 * Suggestions generated afterwards follow the restored definition (status, auto-accept,
 * and for `likely-to-churn` the threshold of its source).
 *
 * @throws ProblemError 404 for an unknown version; 409 when that version's definition is the
 * current one (nothing to restore), or when its slug now belongs to another tag
 */
export async function rollbackTag(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  slug: string,
  input: RollbackTagInput,
): Promise<TagRow> {
  return writeTransaction(ctx, async (trx, record) => {
    const tag = await getTag(trx, workspace, slug);
    const target = await getVersionRow(trx, tag, input.version);
    const restored = restoredDefinition(tag, target.snapshot);
    if (diffDefinitions(definitionOf(tag), restored).length === 0) {
      throw ProblemError.conflict(
        `tag "${slug}" already has the definition of version ${input.version}; nothing to roll back`,
      );
    }
    // A tag's kind never changes, so the restored one equals the current one.
    const change = await changeTagDefinition(
      trx,
      record,
      workspace,
      tag,
      restored,
      authorOf(ctx, input.message ?? `rolled back to version ${input.version}`),
      { action: 'tag.rolled-back', data: { restoredVersion: input.version } },
    );
    return change.after;
  });
}
