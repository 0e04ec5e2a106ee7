import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { JobHandler, WorkspaceCheck } from '../jobs/job-registry.ts';
import { findSegmentBySlug, listSegments } from './segment.repository.ts';
import { snapshotSegmentIn } from './segment-snapshot.service.ts';

const paramsSchema = z
  .object({
    segments: z
      .array(z.string().min(1).max(200))
      .min(1)
      .max(1000)
      .optional()
      .describe('Slugs of the segments to snapshot; default: every segment of the workspace'),
  })
  .strict();

export type SegmentSnapshotParams = z.infer<typeof paramsSchema>;

async function segmentSlugs(db: Db, workspaceId: string): Promise<string[]> {
  return (await listSegments(db, workspaceId)).map((segment) => segment.slug);
}

/** The requested segments the workspace does not have, each naming its index. */
function missingSegments(
  existing: readonly string[],
  requested: readonly string[] | undefined,
): WorkspaceCheck {
  const known = new Set(existing);
  const errors = (requested ?? []).flatMap((slug, index) =>
    known.has(slug) ? [] : [{ path: `segments.${index}`, message: `no segment "${slug}"` }],
  );
  return errors.length === 0 ? undefined : { detail: 'some segments do not exist', errors };
}

/**
 * `segment-snapshot`: snapshots segments of the workspace (all of them by default), e.g.
 * after each feature refresh or churn scoring. Evaluation and diffing happen in SQL inside
 * the job's finishing transaction, so a cancelled or failed job leaves no snapshot, and the
 * entered/left events reach the change hooks (webhooks) with the snapshots.
 */
export const segmentSnapshotJob: JobHandler<SegmentSnapshotParams> = {
  kind: 'segment-snapshot',
  description: "Snapshot the workspace's segments: member counts and who entered or left",
  roles: ['admin', 'analyst'],
  params: paramsSchema,
  checkAgainstWorkspace: async (db, workspaceId, params) =>
    missingSegments(await segmentSlugs(db, workspaceId), params.segments),
  async run({ db, job, params }) {
    // The worker has checked `params.segments` against the workspace (`checkAgainstWorkspace`).
    const existing = await segmentSlugs(db, job.workspace_id);
    const slugs = params.segments === undefined ? existing : [...new Set(params.segments)];
    return {
      result: { segments: slugs },
      message: `${slugs.length} segment${slugs.length === 1 ? '' : 's'} snapshotted`,
      async persist(trx, record) {
        for (const slug of slugs) {
          const segment = await findSegmentBySlug(trx, job.workspace_id, slug, { forUpdate: true });
          // Deleted while the job waited: nothing left to snapshot.
          if (segment !== undefined) await snapshotSegmentIn(trx, record, segment, job.id);
        }
      },
    };
  },
};
