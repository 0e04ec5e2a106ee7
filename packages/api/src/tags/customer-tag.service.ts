import { writeTransaction, type RecordChange, type ServiceContext } from '../audit/change-hooks.ts';
import { getCustomer } from '../customers/customer.service.ts';
import type { Db } from '../db/database.ts';
import { decodeCursor, toPage } from '../http/cursor.ts';
import { ProblemError } from '../http/problem.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import {
  assignCustomerTags,
  closeHolding,
  listCustomerHoldings,
  listHoldersAt,
  type HoldingRow,
} from './customer-tag.repository.ts';
import type {
  AssignTagInput,
  CustomerTagHoldingView,
  CustomerTagHistoryView,
  TagHoldersPageView,
} from './customer-tag.schema.ts';
import type { CustomerTagRow } from './customer-tag.table.ts';
import { findTagBySlug } from './tag.repository.ts';
import { getTag } from './tag.service.ts';

/** A holding as the API shows it. */
export function toHoldingView(
  row: CustomerTagRow,
  externalId: string,
  slug: string,
): CustomerTagHoldingView {
  return {
    id: String(row.id),
    customer: externalId,
    tag: slug,
    source: row.source,
    sourceVersion: row.source_version,
    confidence: row.confidence,
    suggestionId: row.suggestion_id,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at.toISOString(),
    assignmentReason: row.assignment_reason,
    removedAt: row.removed_at?.toISOString() ?? null,
    removedBy: row.removed_by,
    removalReason: row.removal_reason,
  };
}

/**
 * Gives a customer a tag by hand (source `manual`), recorded as `customer-tag.assigned` with
 * a `tag.assigned` event for webhooks.
 *
 * @throws ProblemError 404 for an unknown customer; 422 naming `tag` when the tag is unknown
 * or not active (deprecated and archived tags take no new holders); 409 when the customer
 * holds it already
 */
export async function assignTag(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  externalId: string,
  input: AssignTagInput,
): Promise<CustomerTagHoldingView> {
  return writeTransaction(ctx, async (trx, record) => {
    const customer = await getCustomer(trx, workspace, externalId);
    const tag = await findTagBySlug(trx, workspace.id, input.tag);
    if (tag === undefined) {
      throw ProblemError.validation(`tag "${input.tag}" does not exist`, [
        { path: 'tag', message: 'unknown tag slug' },
      ]);
    }
    if (tag.status !== 'active') {
      throw ProblemError.validation(`tag "${tag.slug}" is ${tag.status}`, [
        { path: 'tag', message: `a ${tag.status} tag takes no new holders` },
      ]);
    }
    const [holding] = await assignCustomerTags(trx, [
      {
        workspace_id: workspace.id,
        customer_id: customer.id,
        tag_id: tag.id,
        source: 'manual',
        source_version: null,
        confidence: null,
        suggestion_id: null,
        assigned_by: ctx.actor?.keyId ?? null,
        assignment_reason: input.reason ?? null,
      },
    ]);
    if (holding === undefined) {
      throw ProblemError.conflict(`customer "${externalId}" already holds tag "${tag.slug}"`);
    }
    await record({
      action: 'customer-tag.assigned',
      resource: 'customer-tag',
      resourceId: String(holding.id),
      workspaceId: workspace.id,
      data: {
        customerId: customer.id,
        tag: tag.slug,
        source: 'manual',
        ...(input.reason === undefined ? {} : { reason: input.reason }),
      },
      events: [
        {
          type: 'tag.assigned',
          customerId: customer.id,
          payload: {
            tag: tag.slug,
            source: 'manual',
            sourceVersion: null,
            reason: input.reason ?? null,
          },
        },
      ],
    });
    return toHoldingView(holding, externalId, tag.slug);
  });
}

/** The record of a closed holding: `customer-tag.removed`, with its `tag.removed` event. */
export function removalChange(
  workspace: WorkspaceRow,
  closed: CustomerTagRow,
  slug: string,
): Parameters<RecordChange>[0] {
  const customerId = Number(closed.customer_id);
  return {
    action: 'customer-tag.removed',
    resource: 'customer-tag',
    resourceId: String(closed.id),
    workspaceId: workspace.id,
    data: { customerId, tag: slug, source: closed.source, reason: closed.removal_reason },
    events: [
      {
        type: 'tag.removed',
        customerId,
        payload: {
          tag: slug,
          source: closed.source,
          sourceVersion: closed.source_version,
          reason: closed.removal_reason,
        },
      },
    ],
  };
}

/**
 * Takes a tag away from a customer: closes the holding (history keeps it) with who and why,
 * recorded as `customer-tag.removed` with a `tag.removed` event.
 *
 * @throws ProblemError 404 when the customer or tag is unknown or the tag is not held
 */
export async function removeTag(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  externalId: string,
  slug: string,
  reason: string | undefined,
): Promise<CustomerTagHoldingView> {
  return writeTransaction(ctx, async (trx, record) => {
    const customer = await getCustomer(trx, workspace, externalId);
    const tag = await getTag(trx, workspace, slug);
    const closed = await closeHolding(trx, customer.id, tag.id, {
      removedBy: ctx.actor?.keyId ?? null,
      reason: reason ?? 'removed by hand',
    });
    if (closed === undefined) {
      throw ProblemError.notFound(`a holding of tag "${slug}" by customer "${externalId}"`);
    }
    await record(removalChange(workspace, closed, slug));
    return toHoldingView(closed, externalId, slug);
  });
}

function toHolderView(row: HoldingRow) {
  return {
    externalId: row.external_id,
    assignedAt: row.assigned_at.toISOString(),
    removedAt: row.removed_at?.toISOString() ?? null,
    source: row.source,
    sourceVersion: row.source_version,
    confidence: row.confidence,
    assignedBy:
      row.assigned_by === null
        ? null
        : { keyId: row.assigned_by, name: row.assigned_by_name ?? '' },
    assignmentReason: row.assignment_reason,
  };
}

/** Holding ids in cursors. */
const HOLDING_ID = /^[1-9][0-9]{0,15}$/;

/**
 * One page of who held a tag at `at` (see `listHoldersAt`), with the moment asked about.
 *
 * @example
 * await holdersAt(db, workspace, 'vip', { at: new Date('2024-06-30'), cursor: undefined, limit: 100 });
 * // { at: '2024-06-30T00:00:00.000Z', items: [{ externalId: 'c1', assignedAt, removedAt: null, … }], nextCursor: null }
 */
export async function holdersAt(
  db: Db,
  workspace: WorkspaceRow,
  slug: string,
  query: { at: Date; cursor: string | undefined; limit: number },
): Promise<TagHoldersPageView> {
  const tag = await getTag(db, workspace, slug);
  const after = decodeCursor(query.cursor, HOLDING_ID);
  const rows = await listHoldersAt(db, tag.id, query.at, {
    afterId: after === undefined ? undefined : Number(after),
    limit: query.limit + 1,
  });
  return {
    at: query.at.toISOString(),
    ...toPage(rows, query.limit, (r) => String(r.id), toHolderView),
  };
}

/**
 * One page of a customer's tag history: every holding, current (`removedAt` null) and
 * ended, newest first.
 */
export async function customerTagHistory(
  db: Db,
  workspace: WorkspaceRow,
  externalId: string,
  query: { cursor: string | undefined; limit: number },
): Promise<CustomerTagHistoryView> {
  const customer = await getCustomer(db, workspace, externalId);
  const before = decodeCursor(query.cursor, HOLDING_ID);
  const rows = await listCustomerHoldings(db, customer.id, {
    beforeId: before === undefined ? undefined : Number(before),
    limit: query.limit + 1,
  });
  return toPage(
    rows,
    query.limit,
    (r) => String(r.id),
    (r) => toHoldingView(r, externalId, r.slug),
  );
}
