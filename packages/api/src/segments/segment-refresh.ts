import type { Db } from '../db/database.ts';
import { enqueueJob } from '../jobs/job.repository.ts';

/**
 * Queues a `segment-snapshot` job for a workspace whose tags or predictions were just
 * refreshed, so segment sizes and who entered or left are recorded once per refresh. Does
 * nothing for a workspace without segments. Call it inside the refresh's finishing
 * transaction: the snapshot is queued exactly when the refresh commits.
 */
export async function queueSegmentSnapshots(trx: Db, workspaceId: string): Promise<void> {
  const any = await trx
    .selectFrom('segments')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .limit(1)
    .executeTakeFirst();
  if (any === undefined) return;
  await enqueueJob(trx, { workspaceId, kind: 'segment-snapshot', params: {} });
}
