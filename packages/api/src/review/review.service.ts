import { writeTransaction, type DomainEvent, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import { tagIdOf } from '../suggestions/suggestion.service.ts';
import {
  countSuggestions,
  decidePendingMatching,
  decidePendingSuggestion,
  findSuggestion,
  hasNewerSuggestion,
  lockSuggestion,
  markPending,
  type SuggestionDetailRow,
  type SuggestionFilter,
} from '../suggestions/suggestion.repository.ts';
import type { SuggestionRow } from '../suggestions/suggestion.table.ts';
import {
  assignCustomerTags,
  closeHoldingGivenBy,
  heldTagPairs,
} from '../tags/customer-tag.repository.ts';
import { removalChange } from '../tags/customer-tag.service.ts';
import { findTagById } from '../tags/tag.repository.ts';
import type { CustomerTagRow } from '../tags/customer-tag.table.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';

export type DecisionKind = 'accept' | 'reject';

/**
 * The suggestion was already decided: carries the winning decision so the loser can show
 * who decided, when and how.
 */
export class DecisionConflictError extends ProblemError {
  constructor(readonly suggestion: SuggestionDetailRow) {
    super(
      'conflict',
      `suggestion ${suggestion.id} was already ${suggestion.status.replace('_', '-')}${
        suggestion.decided_at === null ? '' : ` at ${suggestion.decided_at.toISOString()}`
      }`,
    );
  }

  get decision() {
    return {
      status: this.suggestion.status,
      decidedBy: this.suggestion.decided_by,
      decidedAt: this.suggestion.decided_at?.toISOString() ?? null,
      reason: this.suggestion.reason,
    };
  }
}

function holdingsFor(rows: readonly SuggestionRow[], assignedBy: string | null) {
  return rows.map((s) => ({
    workspace_id: s.workspace_id,
    customer_id: s.customer_id,
    tag_id: s.tag_id,
    source: s.source,
    source_version: s.source_version,
    confidence: s.confidence,
    suggestion_id: s.id,
    assigned_by: assignedBy,
  }));
}

/** The `tag.assigned` webhook events of accepted holdings (tags looked up once each). */
async function tagAssignedEvents(
  trx: Db,
  workspaceId: string,
  holdings: readonly CustomerTagRow[],
): Promise<DomainEvent[]> {
  const slugs = new Map<string, string>();
  for (const tagId of new Set(holdings.map((h) => h.tag_id))) {
    slugs.set(tagId, (await findTagById(trx, workspaceId, tagId))?.slug ?? tagId);
  }
  return holdings.map((h) => ({
    type: 'tag.assigned',
    customerId: Number(h.customer_id),
    payload: {
      tag: slugs.get(h.tag_id)!,
      source: h.source,
      sourceVersion: h.source_version,
      confidence: h.confidence,
      suggestionId: h.suggestion_id,
    },
  }));
}

/**
 * Undoes the decision on a suggestion, in one transaction: it goes back to the queue as
 * pending, and if its acceptance gave the customer the tag and they still hold it, that
 * holding is closed (`tag.removed`). A tag the customer held before the accept stays. The
 * answer says whether the tag was taken back and whether the customer holds it now.
 * A pending suggestion has nothing to undo, a superseded one has left the queue, and one a
 * newer suggestion of the same tag and source has followed would stand beside it: each 409.
 */
export async function reopenSuggestion(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
): Promise<{ suggestion: SuggestionDetailRow; tagTakenBack: boolean; tagHeld: boolean }> {
  return writeTransaction(ctx, async (trx, record) => {
    const decided = await lockSuggestion(trx, workspace.id, id);
    if (decided === undefined) throw ProblemError.notFound(`suggestion ${id}`);
    if (decided.status === 'pending' || decided.status === 'superseded') {
      throw new ProblemError(
        'conflict',
        `suggestion ${id} is ${decided.status}: there is no decision to undo`,
      );
    }
    if (await hasNewerSuggestion(trx, decided)) {
      throw new ProblemError(
        'conflict',
        `suggestion ${id} has been followed by a newer suggestion of the same tag from the same source; decide that one instead`,
      );
    }
    await markPending(trx, id);
    await record({
      action: 'suggestion.reopened',
      resource: 'suggestion',
      resourceId: id,
      workspaceId: workspace.id,
      data: {
        customerId: decided.customer_id,
        tagId: decided.tag_id,
        undone: decided.status,
        decidedBy: decided.decided_by,
        decidedAt: decided.decided_at?.toISOString() ?? null,
      },
    });
    const suggestion = (await findSuggestion(trx, workspace.id, id))!;
    const closed = await closeHoldingGivenBy(trx, decided, {
      removedBy: ctx.actor?.keyId ?? null,
      reason: 'acceptance undone',
    });
    if (closed !== undefined) await record(removalChange(workspace, closed, suggestion.slug));
    const held = await heldTagPairs(trx, [decided.customer_id], [decided.tag_id]);
    return { suggestion, tagTakenBack: closed !== undefined, tagHeld: held.size > 0 };
  });
}

/**
 * Accepts or rejects one pending suggestion in one transaction. The conditional update
 * (`WHERE status = 'pending'`) lets exactly one of several concurrent decisions win; the
 * others get a `DecisionConflictError` (409) naming the winner's decision. Accepting makes
 * the customer hold the tag (with the suggestion as provenance) unless they already do.
 */
export async function decideSuggestion(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
  decision: DecisionKind,
  reason: string | undefined,
): Promise<{ suggestion: SuggestionDetailRow; holding: CustomerTagRow | undefined }> {
  return writeTransaction(ctx, async (trx, record) => {
    const decided = await decidePendingSuggestion(trx, workspace.id, id, {
      status: decision === 'accept' ? 'accepted' : 'rejected',
      decidedBy: ctx.actor?.keyId ?? null,
      reason: reason ?? null,
    });
    if (decided === undefined) {
      const existing = await findSuggestion(trx, workspace.id, id);
      if (existing === undefined) throw ProblemError.notFound(`suggestion ${id}`);
      throw new DecisionConflictError(existing);
    }
    let holding: CustomerTagRow | undefined;
    if (decision === 'accept') {
      [holding] = await assignCustomerTags(trx, holdingsFor([decided], ctx.actor?.keyId ?? null));
    }
    await record({
      action: decision === 'accept' ? 'suggestion.accepted' : 'suggestion.rejected',
      resource: 'suggestion',
      resourceId: id,
      workspaceId: workspace.id,
      data: {
        customerId: decided.customer_id,
        tagId: decided.tag_id,
        source: decided.source,
        confidence: decided.confidence,
        ...(reason === undefined ? {} : { reason }),
      },
    });
    if (holding !== undefined) {
      await record({
        action: 'customer-tag.assigned',
        resource: 'customer-tag',
        resourceId: String(holding.id),
        workspaceId: workspace.id,
        data: {
          customerId: decided.customer_id,
          tagId: decided.tag_id,
          source: decided.source,
          suggestionId: decided.id,
          autoAccepted: false,
        },
        events: await tagAssignedEvents(trx, workspace.id, [holding]),
      });
    }
    return { suggestion: (await findSuggestion(trx, workspace.id, id))!, holding };
  });
}

export interface BulkDecisionInput {
  readonly decision: DecisionKind;
  readonly filter: {
    tag?: string | undefined;
    source?: SuggestionFilter['source'];
    minConfidence?: number | undefined;
    maxConfidence?: number | undefined;
  };
  readonly reason?: string | undefined;
  readonly dryRun: boolean;
}

/**
 * Decides every pending suggestion a filter selects, in one transaction (one conditional
 * UPDATE, so suggestions decided meanwhile by someone else are left alone). With `dryRun`
 * only counts them: the preview a person confirms.
 */
export async function decideInBulk(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  input: BulkDecisionInput,
): Promise<{ dryRun: boolean; matched: number; decided: number; tagsAssigned: number }> {
  const { filter } = input;
  if (
    filter.minConfidence !== undefined &&
    filter.maxConfidence !== undefined &&
    filter.minConfidence > filter.maxConfidence
  ) {
    throw ProblemError.validation('the confidence range is empty', [
      { path: 'filter.maxConfidence', message: 'must be >= minConfidence' },
    ]);
  }
  const tagId = await tagIdOf(ctx.db, workspace, filter.tag);
  if (tagId === null) {
    throw ProblemError.validation(`tag "${filter.tag}" does not exist`, [
      { path: 'filter.tag', message: 'unknown tag slug' },
    ]);
  }
  const query: SuggestionFilter = { ...filter, tagId };
  if (input.dryRun) {
    const matched = await countSuggestions(ctx.db, workspace.id, { ...query, status: 'pending' });
    return { dryRun: true, matched, decided: 0, tagsAssigned: 0 };
  }
  return writeTransaction(ctx, async (trx, record) => {
    const decidedBy = ctx.actor?.keyId ?? null;
    const decided = await decidePendingMatching(trx, workspace.id, query, {
      status: input.decision === 'accept' ? 'accepted' : 'rejected',
      decidedBy,
      reason: input.reason ?? null,
    });
    const assigned =
      input.decision === 'accept'
        ? await assignCustomerTags(trx, holdingsFor(decided, decidedBy))
        : [];
    await record({
      action: input.decision === 'accept' ? 'suggestions.accepted' : 'suggestions.rejected',
      resource: 'workspace',
      resourceId: workspace.id,
      workspaceId: workspace.id,
      data: {
        filter: { ...filter } as Record<string, string | number>,
        decided: decided.length,
        tagsAssigned: assigned.length,
        ...(input.reason === undefined ? {} : { reason: input.reason }),
      },
      // All on the one summary change, so the outbox queues them in bulk.
      events: await tagAssignedEvents(trx, workspace.id, assigned),
    });
    for (const holding of assigned) {
      await record({
        action: 'customer-tag.assigned',
        resource: 'customer-tag',
        resourceId: String(holding.id),
        workspaceId: workspace.id,
        data: {
          customerId: Number(holding.customer_id),
          tagId: holding.tag_id,
          source: holding.source,
          suggestionId: holding.suggestion_id,
          autoAccepted: false,
        },
      });
    }
    return {
      dryRun: false,
      matched: decided.length,
      decided: decided.length,
      tagsAssigned: assigned.length,
    };
  });
}
