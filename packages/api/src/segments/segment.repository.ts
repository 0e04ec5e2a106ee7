import type { Db } from '../db/database.ts';
import type { SegmentExpression } from './segment-expression.ts';
import type { SegmentRow, SegmentSnapshotRow } from './segment.table.ts';

/** Inserts a segment; `undefined` when the slug is taken in the workspace. */
export async function insertSegment(
  db: Db,
  segment: {
    workspaceId: string;
    slug: string;
    name: string;
    description: string;
    expression: SegmentExpression;
    createdBy: string | null;
  },
): Promise<SegmentRow | undefined> {
  return db
    .insertInto('segments')
    .values({
      workspace_id: segment.workspaceId,
      slug: segment.slug,
      name: segment.name,
      description: segment.description,
      expression: JSON.stringify(segment.expression),
      created_by: segment.createdBy,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'slug']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** A workspace's segment by slug; `forUpdate` locks it until the transaction ends. */
export async function findSegmentBySlug(
  db: Db,
  workspaceId: string,
  slug: string,
  options: { forUpdate?: boolean } = {},
): Promise<SegmentRow | undefined> {
  let query = db
    .selectFrom('segments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('slug', '=', slug);
  if (options.forUpdate === true) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Every segment of a workspace by slug (a workspace keeps a handful to hundreds). */
export async function listSegments(db: Db, workspaceId: string): Promise<SegmentRow[]> {
  return db
    .selectFrom('segments')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('slug')
    .execute();
}

export async function updateSegment(
  db: Db,
  segmentId: string,
  patch: { name?: string; description?: string; expression?: SegmentExpression },
): Promise<SegmentRow> {
  return db
    .updateTable('segments')
    .set({
      ...(patch.name === undefined ? {} : { name: patch.name }),
      ...(patch.description === undefined ? {} : { description: patch.description }),
      ...(patch.expression === undefined ? {} : { expression: JSON.stringify(patch.expression) }),
      updated_at: new Date(),
    })
    .where('id', '=', segmentId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteSegment(db: Db, segmentId: string): Promise<void> {
  await db.deleteFrom('segments').where('id', '=', segmentId).execute();
}

/** The latest snapshot of each of these segments, by segment id. */
export async function latestSnapshots(
  db: Db,
  segmentIds: readonly string[],
): Promise<Map<string, SegmentSnapshotRow>> {
  if (segmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('segment_snapshots')
    .selectAll()
    .distinctOn('segment_id')
    .where('segment_id', 'in', segmentIds)
    .orderBy('segment_id')
    .orderBy('taken_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((row) => [row.segment_id, row]));
}

/** A segment's snapshots, oldest first. */
export async function listSnapshots(db: Db, segmentId: string): Promise<SegmentSnapshotRow[]> {
  return db
    .selectFrom('segment_snapshots')
    .selectAll()
    .where('segment_id', '=', segmentId)
    .orderBy('taken_at')
    .orderBy('id')
    .execute();
}

export async function findSnapshot(
  db: Db,
  segmentId: string,
  snapshotId: string,
): Promise<SegmentSnapshotRow | undefined> {
  return db
    .selectFrom('segment_snapshots')
    .selectAll()
    .where('segment_id', '=', segmentId)
    .where('id', '=', snapshotId)
    .executeTakeFirst();
}
