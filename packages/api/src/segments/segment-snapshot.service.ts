import {
  writeTransaction,
  type DomainEvent,
  type RecordChange,
  type ServiceContext,
} from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { decodeCursor, toPage, type Page } from '../http/cursor.ts';
import { ProblemError } from '../http/problem.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import {
  completeSnapshot,
  deleteSnapshotMembers,
  insertSnapshot,
  insertSnapshotChanges,
  insertSnapshotMembers,
  listSnapshotChanges,
} from './segment-snapshot.repository.ts';
import { findSnapshot, latestSnapshots, listSnapshots } from './segment.repository.ts';
import type { SegmentSnapshotView } from './segment.schema.ts';
import { CUSTOMER_ID_CURSOR, getSegment, toSnapshotView } from './segment.service.ts';
import { SEGMENT_CHANGES, type SegmentChange, type SegmentRow } from './segment.table.ts';

/** Domain events handed to one `record` call: bounds memory and the size of each hook's write. */
export const EVENTS_PER_RECORD = 10_000;

/**
 * The entered then left events of a snapshot, read back by keyset and handed out in chunks
 * of at most `EVENTS_PER_RECORD` (a small diff is one chunk).
 */
async function* changeEventChunks(
  trx: Db,
  segment: SegmentRow,
  snapshotId: string,
): AsyncGenerator<DomainEvent[]> {
  let pending: DomainEvent[] = [];
  for (const change of SEGMENT_CHANGES) {
    let afterId: number | undefined;
    for (;;) {
      const rows = await listSnapshotChanges(trx, snapshotId, change, {
        afterId,
        limit: EVENTS_PER_RECORD,
      });
      for (const row of rows) {
        pending.push({
          type: change === 'entered' ? 'segment.entered' : 'segment.left',
          customerId: row.customer_id,
          payload: { segment: segment.slug, snapshotId },
        });
      }
      while (pending.length >= EVENTS_PER_RECORD) {
        yield pending.slice(0, EVENTS_PER_RECORD);
        pending = pending.slice(EVENTS_PER_RECORD);
      }
      if (rows.length < EVENTS_PER_RECORD) break;
      afterId = rows[rows.length - 1]!.customer_id;
    }
  }
  if (pending.length > 0) yield pending;
}

/**
 * Evaluates a segment inside `trx` and stores the result as its newest snapshot: the member
 * set (in SQL, never in memory), who entered and who left since the previous snapshot, and
 * one `segment.snapshotted` change per chunk of entered/left events, so webhooks fire.
 * `segment` must have been read `FOR UPDATE` in `trx`, so two snapshots of one segment never
 * diff against the same predecessor. The predecessor's member set is dropped afterwards:
 * its diff is recorded.
 */
export async function snapshotSegmentIn(
  trx: Db,
  record: RecordChange,
  segment: SegmentRow,
  jobId: string | null = null,
): Promise<SegmentSnapshotView> {
  const previous = (await latestSnapshots(trx, [segment.id])).get(segment.id);
  const snapshotId = await insertSnapshot(trx, {
    segmentId: segment.id,
    workspaceId: segment.workspace_id,
    expression: segment.expression,
    jobId,
  });
  const size = await insertSnapshotMembers(
    trx,
    segment.workspace_id,
    segment.expression,
    snapshotId,
  );
  const { entered, left } = await insertSnapshotChanges(trx, snapshotId, previous?.id ?? null);
  const snapshot = await completeSnapshot(trx, snapshotId, { size, entered, left });
  if (previous !== undefined) await deleteSnapshotMembers(trx, previous.id);
  const change = {
    action: 'segment.snapshotted',
    resource: 'segment',
    resourceId: segment.id,
    workspaceId: segment.workspace_id,
    data: { segment: segment.slug, snapshotId, size, entered, left },
  };
  let recorded = false;
  for await (const events of changeEventChunks(trx, segment, snapshotId)) {
    await record({ ...change, events });
    recorded = true;
  }
  if (!recorded) await record(change);
  return toSnapshotView(snapshot);
}

/** Snapshots a segment now (one transaction). */
export async function takeSnapshot(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  slug: string,
): Promise<SegmentSnapshotView> {
  return writeTransaction(ctx, async (trx, record) =>
    snapshotSegmentIn(trx, record, await getSegment(trx, workspace, slug, { forUpdate: true })),
  );
}

/** A segment's snapshots, oldest first (its size over time). */
export async function snapshotViews(
  db: Db,
  workspace: WorkspaceRow,
  slug: string,
): Promise<SegmentSnapshotView[]> {
  const segment = await getSegment(db, workspace, slug);
  return (await listSnapshots(db, segment.id)).map(toSnapshotView);
}

/** One keyset page of the customers who entered or left the segment at a snapshot. */
export async function snapshotChangesPage(
  db: Db,
  workspace: WorkspaceRow,
  slug: string,
  snapshotId: string,
  page: { change: SegmentChange; cursor?: string | undefined; limit: number },
): Promise<Page<{ externalId: string }>> {
  const after = decodeCursor(page.cursor, CUSTOMER_ID_CURSOR);
  const segment = await getSegment(db, workspace, slug);
  if ((await findSnapshot(db, segment.id, snapshotId)) === undefined) {
    throw ProblemError.notFound(`snapshot ${snapshotId} of segment "${slug}"`);
  }
  const rows = await listSnapshotChanges(db, snapshotId, page.change, {
    afterId: after === undefined ? undefined : Number(after),
    limit: page.limit + 1,
  });
  return toPage(
    rows,
    page.limit,
    (row) => String(row.customer_id),
    (row) => ({ externalId: row.external_id }),
  );
}
