import { systemContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import type { JobRegistry } from './job-registry.ts';
import { findJob } from './job.repository.ts';
import { createJob } from './job.service.ts';
import type { JobRow } from './job.table.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';

const POLL_MS = 250;

/** A long step of the demo set-up, run as an ordinary job so the worker does the work. */
export interface JobStep {
  readonly label: string;
  readonly kind: string;
  readonly params: Record<string, unknown>;
}

export class JobStepFailedError extends Error {
  override readonly name = 'JobStepFailedError';
}

/**
 * Queues the step's job and waits for the in-process worker to finish it, reporting its
 * progress.
 *
 * @returns the finished job
 * @throws JobStepFailedError when the job fails or is cancelled
 */
export async function runJobStep(
  db: Db,
  registry: JobRegistry,
  workspace: WorkspaceRow,
  step: JobStep,
  onProgress: (fraction: number, message: string | null) => void,
): Promise<JobRow> {
  const queued = await createJob(systemContext(db), registry, workspace, {
    kind: step.kind,
    params: step.params,
  });
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const job = await findJob(db, workspace.id, queued.id);
    if (job === undefined) throw new JobStepFailedError(`${step.label}: job ${queued.id} vanished`);
    onProgress(job.progress, job.message);
    if (job.status === 'succeeded') return job;
    if (job.status === 'failed' || job.status === 'cancelled') {
      throw new JobStepFailedError(
        `${step.label} ${job.status}: ${job.error?.message ?? 'no reason recorded'}`,
      );
    }
  }
}
