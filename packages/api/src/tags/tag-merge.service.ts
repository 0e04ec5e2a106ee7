import { writeTransaction, type RecordChange, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { INSERT_CHUNK_ROWS } from '../db/chunks.ts';
import { ProblemError } from '../http/problem.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { assignCustomerTags, closeHoldingsOfTag } from './customer-tag.repository.ts';
import { supersedePendingSuggestionsOfTag } from './tag-merge.repository.ts';
import { findTagBySlug, lockTags } from './tag.repository.ts';
import type { MergeTagInput } from './tag.schema.ts';
import { authorOf, changeTagDefinition, getTag } from './tag.service.ts';
import type { TagRow } from './tag.table.ts';

/** What a merge did. */
export interface MergeOutcome {
  /** The merged tag, now archived. */
  readonly tag: TagRow;
  readonly into: TagRow;
  readonly moved: number;
  readonly alreadyHeld: number;
  readonly supersededSuggestions: number;
}

async function mergeTarget(trx: Db, workspace: WorkspaceRow, from: TagRow, into: string) {
  const target = await findTagBySlug(trx, workspace.id, into);
  if (target === undefined) {
    throw ProblemError.validation(`tag "${into}" does not exist`, [
      { path: 'into', message: 'unknown tag slug' },
    ]);
  }
  if (target.id === from.id) {
    throw ProblemError.validation('a tag cannot be merged into itself', [
      { path: 'into', message: 'give another tag' },
    ]);
  }
  return target;
}

/**
 * Moves every current holder of `from` to `into`, a chunk at a time: closes their holdings
 * of `from` (reason `merged into <slug>`) and opens holdings of `into` that keep the
 * original provenance, except for customers who hold `into` already (theirs stays). Each
 * chunk is recorded with its `tag.removed` / `tag.assigned` events.
 */
async function moveHolders(
  trx: Db,
  record: RecordChange,
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  from: TagRow,
  into: TagRow,
): Promise<{ moved: number; alreadyHeld: number }> {
  const reason = `merged into ${into.slug}`;
  const totals = { moved: 0, alreadyHeld: 0 };
  for (;;) {
    const closed = await closeHoldingsOfTag(trx, from.id, INSERT_CHUNK_ROWS, {
      removedBy: ctx.actor?.keyId ?? null,
      reason,
    });
    if (closed.length === 0) return totals;
    const opened = await assignCustomerTags(
      trx,
      closed.map((h) => ({
        workspace_id: h.workspace_id,
        customer_id: h.customer_id,
        tag_id: into.id,
        source: h.source,
        source_version: h.source_version,
        confidence: h.confidence,
        suggestion_id: h.suggestion_id,
        assigned_by: ctx.actor?.keyId ?? null,
        assignment_reason: `merged from ${from.slug}`,
      })),
    );
    totals.moved += opened.length;
    totals.alreadyHeld += closed.length - opened.length;
    await record({
      action: 'customer-tags.merged',
      resource: 'tag',
      resourceId: from.id,
      workspaceId: workspace.id,
      data: {
        from: from.slug,
        into: into.slug,
        moved: opened.length,
        alreadyHeld: closed.length - opened.length,
      },
      events: [
        ...closed.map((h) => ({
          type: 'tag.removed' as const,
          customerId: h.customer_id,
          payload: { tag: from.slug, source: h.source, sourceVersion: h.source_version, reason },
        })),
        ...opened.map((h) => ({
          type: 'tag.assigned' as const,
          customerId: h.customer_id,
          payload: {
            tag: into.slug,
            source: h.source,
            sourceVersion: h.source_version,
            mergedFrom: from.slug,
          },
        })),
      ],
    });
  }
}

/**
 * Merges tag `slug` into `input.into`, in one transaction: moves its current holders (see
 * `moveHolders`), takes its pending suggestions out of the queue (superseded; the target's
 * own sources suggest the target), and archives it as a new version whose message notes
 * the merge. History stays: closed holdings, suggestions and versions are all kept.
 *
 * @throws ProblemError 404 for an unknown tag; 422 naming `into` for an unknown target or
 * the tag itself; 409 when either tag is archived already
 */
export async function mergeTag(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  slug: string,
  input: MergeTagInput,
): Promise<MergeOutcome> {
  return writeTransaction(ctx, async (trx, record) => {
    const found = await getTag(trx, workspace, slug);
    const target = await mergeTarget(trx, workspace, found, input.into);
    await lockTags(trx, [found.id, target.id]);
    // Read again under the locks: a concurrent merge or archive may have come first.
    const [from, into] = [
      await getTag(trx, workspace, slug),
      await getTag(trx, workspace, input.into),
    ];
    for (const tag of [from, into]) {
      if (tag.status === 'archived') {
        throw ProblemError.conflict(
          `tag "${tag.slug}" is archived; it cannot take part in a merge`,
        );
      }
    }
    const { moved, alreadyHeld } = await moveHolders(trx, record, ctx, workspace, from, into);
    const note = `merged into ${into.slug}`;
    const supersededSuggestions = await supersedePendingSuggestionsOfTag(trx, from.id, note);
    const message = input.message === undefined ? note : `${note}: ${input.message}`;
    const change = await changeTagDefinition(
      trx,
      record,
      workspace,
      from,
      { status: 'archived' },
      authorOf(ctx, message),
      {
        action: 'tag.merged',
        data: { into: into.slug, moved, alreadyHeld, supersededSuggestions },
      },
    );
    return { tag: change.after, into, moved, alreadyHeld, supersededSuggestions };
  });
}
