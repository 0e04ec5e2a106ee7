import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SegmentExpression } from './segment-expression.ts';
import { segmentCustomers } from './segment-members.repository.ts';
import type { SegmentChange, SegmentSnapshotRow } from './segment.table.ts';

/** Starts a snapshot row (counts are filled by `completeSnapshot`). */
export async function insertSnapshot(
  db: Db,
  snapshot: {
    segmentId: string;
    workspaceId: string;
    expression: SegmentExpression;
    jobId: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('segment_snapshots')
    .values({
      segment_id: snapshot.segmentId,
      workspace_id: snapshot.workspaceId,
      expression: JSON.stringify(snapshot.expression),
      size: 0,
      entered_count: 0,
      left_count: 0,
      job_id: snapshot.jobId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stores the current members of `expression` under the snapshot, in the database alone. */
export async function insertSnapshotMembers(
  db: Db,
  workspaceId: string,
  expression: SegmentExpression,
  snapshotId: string,
): Promise<number> {
  const result = await db
    .insertInto('segment_members')
    .columns(['snapshot_id', 'customer_id'])
    .expression(
      segmentCustomers(db, workspaceId, expression).select([
        sql<string>`${snapshotId}::uuid`.as('snapshot_id'),
        'c.id as customer_id',
      ]),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/**
 * Records who entered (members of `snapshotId` not in `previousId`) and who left (members
 * of `previousId` not in `snapshotId`). Without a previous snapshot everyone entered.
 */
export async function insertSnapshotChanges(
  db: Db,
  snapshotId: string,
  previousId: string | null,
): Promise<{ entered: number; left: number }> {
  const diff = async (change: SegmentChange, from: string | null, without: string | null) => {
    if (from === null) return 0;
    const { numAffectedRows } = await sql`
      INSERT INTO segment_changes (snapshot_id, change, customer_id)
      SELECT ${snapshotId}::uuid, ${change}, m.customer_id
        FROM segment_members m
       WHERE m.snapshot_id = ${from}::uuid
         AND NOT EXISTS (
           SELECT 1 FROM segment_members o
            WHERE o.snapshot_id = ${without}::uuid AND o.customer_id = m.customer_id)`.execute(db);
    return Number(numAffectedRows ?? 0);
  };
  return {
    entered: await diff('entered', snapshotId, previousId),
    left: await diff('left', previousId, snapshotId),
  };
}

export async function completeSnapshot(
  db: Db,
  snapshotId: string,
  counts: { size: number; entered: number; left: number },
): Promise<SegmentSnapshotRow> {
  return db
    .updateTable('segment_snapshots')
    .set({ size: counts.size, entered_count: counts.entered, left_count: counts.left })
    .where('id', '=', snapshotId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Drops a snapshot's member set once a later snapshot has recorded its diff against it. */
export async function deleteSnapshotMembers(db: Db, snapshotId: string): Promise<void> {
  await db.deleteFrom('segment_members').where('snapshot_id', '=', snapshotId).execute();
}

/** One keyset page of the customers who entered or left at a snapshot, by internal id. */
export async function listSnapshotChanges(
  db: Db,
  snapshotId: string,
  change: SegmentChange,
  page: { afterId: number | undefined; limit: number },
): Promise<{ customer_id: number; external_id: string }[]> {
  let query = db
    .selectFrom('segment_changes as sc')
    .innerJoin('customers as c', 'c.id', 'sc.customer_id')
    .select(['sc.customer_id', 'c.external_id'])
    .where('sc.snapshot_id', '=', snapshotId)
    .where('sc.change', '=', change)
    .orderBy('sc.customer_id')
    .limit(page.limit);
  if (page.afterId !== undefined) query = query.where('sc.customer_id', '>', page.afterId);
  return query.execute();
}
