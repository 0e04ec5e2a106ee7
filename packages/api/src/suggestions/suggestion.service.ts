import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import { findTagBySlug } from '../tags/tag.repository.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import {
  findSuggestionPolicy,
  saveSuggestionPolicy,
  type StoredPolicy,
} from './suggestion-policy.repository.ts';
import {
  countSuggestions,
  findCustomerSuggestionsJson,
  listSuggestions,
  type SuggestionDetailRow,
  type SuggestionFilter,
} from './suggestion.repository.ts';
import type { SuggestionView } from './suggestion.schema.ts';
import type { SuggestionStatus } from './suggestion.table.ts';

export function toSuggestionView(row: SuggestionDetailRow): SuggestionView {
  return {
    id: row.id,
    customer: row.external_id,
    tag: row.slug,
    tagDisplayName: row.display_name,
    source: row.source,
    sourceVersion: row.source_version,
    confidence: row.confidence,
    explanation: {
      factors: row.explanation.factors.map((f) => ({ ...f })),
      text: row.explanation.text,
    },
    status: row.status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at?.toISOString() ?? null,
    reason: row.reason,
    createdAt: row.created_at.toISOString(),
  };
}

/** Resolves a tag slug of a filter; an unknown tag selects nothing (`null`). */
export async function tagIdOf(
  db: Db,
  workspace: WorkspaceRow,
  slug: string | undefined,
): Promise<string | undefined | null> {
  if (slug === undefined) return undefined;
  return (await findTagBySlug(db, workspace.id, slug))?.id ?? null;
}

/** A review-queue position: `<confidence>|<suggestion id>` (a JS number string round-trips exactly). */
export const QUEUE_CURSOR = /^-?[\d.e+-]+\|[0-9a-f-]{36}$/;

/** What the review queue selects: a filter naming its tag by slug. */
export interface QueueQuery {
  readonly status?: SuggestionStatus | undefined;
  readonly tag?: string | undefined;
  readonly source?: SuggestionFilter['source'];
  readonly minConfidence?: number | undefined;
  readonly maxConfidence?: number | undefined;
}

/** One page of the review queue, highest confidence first. */
export async function reviewQueue(
  db: Db,
  workspace: WorkspaceRow,
  query: QueueQuery,
  page: { after?: { confidence: number; id: string } | undefined; limit: number },
): Promise<SuggestionDetailRow[]> {
  const tagId = await tagIdOf(db, workspace, query.tag);
  if (tagId === null) return [];
  return listSuggestions(db, workspace.id, { ...query, tagId }, page);
}

/** How many suggestions the review queue holds for `query` (all of its pages). */
export async function countReviewQueue(
  db: Db,
  workspace: WorkspaceRow,
  query: QueueQuery,
): Promise<number> {
  const tagId = await tagIdOf(db, workspace, query.tag);
  if (tagId === null) return 0;
  return countSuggestions(db, workspace.id, { ...query, tagId });
}

/**
 * A customer's suggestions, newest first, as the JSON array of their views (see
 * `findCustomerSuggestionsJson`); 404 for an unknown customer.
 */
export async function customerSuggestionsJson(
  db: Db,
  workspace: WorkspaceRow,
  externalId: string,
  status?: SuggestionStatus,
): Promise<string> {
  const items = await findCustomerSuggestionsJson(db, workspace.id, externalId, status);
  if (items === undefined) throw ProblemError.notFound(`customer "${externalId}"`);
  return items;
}

export function getPolicy(db: Db, workspace: WorkspaceRow): Promise<StoredPolicy> {
  return findSuggestionPolicy(db, workspace.id);
}

/** Sets the workspace's review and auto-accept thresholds (audited with before/after). */
export async function putPolicy(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  policy: { reviewFrom: number; autoAcceptFrom: number },
): Promise<StoredPolicy> {
  return writeTransaction(ctx, async (trx, record) => {
    const before = await findSuggestionPolicy(trx, workspace.id);
    await saveSuggestionPolicy(trx, workspace.id, policy, ctx.actor?.keyId ?? null);
    await record({
      action: 'suggestion-policy.updated',
      resource: 'workspace',
      resourceId: workspace.id,
      workspaceId: workspace.id,
      data: {
        from: { reviewFrom: before.reviewFrom, autoAcceptFrom: before.autoAcceptFrom },
        to: { ...policy },
      },
    });
    return findSuggestionPolicy(trx, workspace.id);
  });
}
