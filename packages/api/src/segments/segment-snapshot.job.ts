import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { PermanentJobError, type JobHandler } from '../jobs/job-registry.ts';
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
  async checkAgainstWorkspace(db, workspaceId, params) {
    const known = new Set(await segmentSlugs(db, workspaceId));
    const errors = (params.segments ?? []).flatMap((slug, index) =>
      known.has(slug) ? [] : [{ path: `segments.${index}`, message: `no segment "${slug}"` }],
    );
    return errors.length === 0 ? undefined : { detail: 'some segments do not exist', errors };
  },
  async run({ db, job, params }) {
    const existing = await segmentSlugs(db, job.workspace_id);
    const slugs = params.segments === undefined ? existing : [...new Set(params.segments)];
    const known = new Set(existing);
    const unknown = slugs.filter((slug) => !known.has(slug));
    if (unknown.length > 0) {
      throw new PermanentJobError(`no segment ${unknown.map((s) => `"${s}"`).join(', ')}`);
    }
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
