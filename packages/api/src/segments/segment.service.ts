import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { decodeCursor, toPage, type Page } from '../http/cursor.ts';
import { ProblemError } from '../http/problem.ts';
import type { JsonObject } from '../jobs/job.table.ts';
import { checkSlug } from '../tags/tag.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import type { SegmentExpression } from './segment-expression.ts';
import {
  countSegmentMembers,
  listSegmentMembers,
  type MemberRow,
} from './segment-members.repository.ts';
import { checkExpressionReferences } from './segment-references.ts';
import {
  deleteSegment,
  findSegmentBySlug,
  insertSegment,
  latestSnapshots,
  listSegments,
  updateSegment,
} from './segment.repository.ts';
import type {
  CreateSegmentInput,
  MemberView,
  PatchSegmentInput,
  SegmentSnapshotView,
  SegmentView,
} from './segment.schema.ts';
import type { SegmentRow, SegmentSnapshotRow } from './segment.table.ts';

/** Members in a preview's sample. */
export const PREVIEW_SAMPLE = 20;

/** Keyset positions of member and change pages: an internal customer id. */
export const CUSTOMER_ID_CURSOR = /^\d{1,18}$/;

export function toSnapshotView(row: SegmentSnapshotRow): SegmentSnapshotView {
  return {
    id: row.id,
    takenAt: row.taken_at.toISOString(),
    size: row.size,
    entered: row.entered_count,
    left: row.left_count,
  };
}

function toSegmentView(row: SegmentRow, last: SegmentSnapshotRow | undefined): SegmentView {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    expression: row.expression,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    lastSnapshot: last === undefined ? null : toSnapshotView(last),
  };
}

export function toMemberView(row: MemberRow): MemberView {
  return {
    externalId: row.external_id,
    churnProbability: row.probability,
    riskBand: row.risk_band,
    tags: row.tags,
  };
}

/** The live count and the first members of an unsaved expression. */
export async function previewSegment(
  db: Db,
  workspace: WorkspaceRow,
  expression: SegmentExpression,
): Promise<{ count: number; sample: MemberView[] }> {
  await checkExpressionReferences(db, workspace.id, expression);
  const [count, sample] = await Promise.all([
    countSegmentMembers(db, workspace.id, expression),
    listSegmentMembers(db, workspace.id, expression, {
      afterId: undefined,
      limit: PREVIEW_SAMPLE,
    }),
  ]);
  return { count, sample: sample.map(toMemberView) };
}

/** @throws ProblemError 404 when the workspace has no segment `slug` */
export async function getSegment(
  db: Db,
  workspace: WorkspaceRow,
  slug: string,
  options: { forUpdate?: boolean } = {},
): Promise<SegmentRow> {
  const row = await findSegmentBySlug(db, workspace.id, slug, options);
  if (row === undefined) throw ProblemError.notFound(`segment "${slug}"`);
  return row;
}

export async function getSegmentView(
  db: Db,
  workspace: WorkspaceRow,
  slug: string,
): Promise<SegmentView> {
  const row = await getSegment(db, workspace, slug);
  return toSegmentView(row, (await latestSnapshots(db, [row.id])).get(row.id));
}

export async function listSegmentViews(db: Db, workspace: WorkspaceRow): Promise<SegmentView[]> {
  const rows = await listSegments(db, workspace.id);
  const last = await latestSnapshots(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toSegmentView(row, last.get(row.id)));
}

/** @throws ProblemError 422 for a bad slug or unknown references, 409 when the slug is taken */
export async function createSegment(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  input: CreateSegmentInput,
): Promise<SegmentView> {
  checkSlug(input.slug);
  return writeTransaction(ctx, async (trx, record) => {
    await checkExpressionReferences(trx, workspace.id, input.expression);
    const row = await insertSegment(trx, {
      workspaceId: workspace.id,
      slug: input.slug,
      name: input.name,
      description: input.description,
      expression: input.expression,
      createdBy: ctx.actor?.keyId ?? null,
    });
    if (row === undefined) {
      throw ProblemError.conflict(`segment "${input.slug}" already exists in this workspace`);
    }
    await record({
      action: 'segment.created',
      resource: 'segment',
      resourceId: row.id,
      workspaceId: workspace.id,
      data: { slug: row.slug, expression: input.expression as unknown as JsonObject },
    });
    return toSegmentView(row, undefined);
  });
}

/** Changes a segment's name, description or expression; the audit names each change. */
export async function patchSegment(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  slug: string,
  patch: PatchSegmentInput,
): Promise<SegmentView> {
  return writeTransaction(ctx, async (trx, record) => {
    const before = await getSegment(trx, workspace, slug, { forUpdate: true });
    if (patch.expression !== undefined) {
      await checkExpressionReferences(trx, workspace.id, patch.expression);
    }
    const after = await updateSegment(trx, before.id, patch);
    const changed: JsonObject = {};
    for (const field of ['name', 'description', 'expression'] as const) {
      if (patch[field] !== undefined) {
        changed[field] = {
          from: before[field] as unknown as JsonObject,
          to: after[field] as unknown as JsonObject,
        };
      }
    }
    await record({
      action: 'segment.updated',
      resource: 'segment',
      resourceId: after.id,
      workspaceId: workspace.id,
      data: { slug, changed },
    });
    return toSegmentView(after, (await latestSnapshots(trx, [after.id])).get(after.id));
  });
}

/** Deletes a segment with its snapshots and their member sets. */
export async function removeSegment(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  slug: string,
): Promise<void> {
  await writeTransaction(ctx, async (trx, record) => {
    const row = await getSegment(trx, workspace, slug, { forUpdate: true });
    await deleteSegment(trx, row.id);
    await record({
      action: 'segment.deleted',
      resource: 'segment',
      resourceId: row.id,
      workspaceId: workspace.id,
      data: { slug },
    });
  });
}

/** One keyset page of a saved segment's current members. */
export async function segmentMembersPage(
  db: Db,
  workspace: WorkspaceRow,
  slug: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<Page<MemberView>> {
  const after = decodeCursor(page.cursor, CUSTOMER_ID_CURSOR);
  const segment = await getSegment(db, workspace, slug);
  const rows = await listSegmentMembers(db, workspace.id, segment.expression, {
    afterId: after === undefined ? undefined : Number(after),
    limit: page.limit + 1,
  });
  return toPage(rows, page.limit, (row) => String(row.id), toMemberView);
}
