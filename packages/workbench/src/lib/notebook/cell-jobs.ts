import { followJob, jobFailure, type Job } from '../api/job-events.ts';
import type { NotebookState } from './notebook-state.svelte.ts';

/** Jobs some cell component is following right now (so a resumed page follows each once). */
const following = new Set<string>();

export function isFollowing(jobId: string): boolean {
  return following.has(jobId);
}

/**
 * Follows a cell's job over server-sent events, showing its progress in the cell; when it
 * ends, records the result refs (`toRefs` of the final job) or the readable failure.
 * Call it right after `notebook.start(cellId, { jobId })`, or to resume a reopened cell.
 */
export async function followCellJob(
  notebook: NotebookState,
  apiKey: string,
  cellId: string,
  jobId: string,
  toRefs: (job: Job) => Record<string, string> | string,
  signal?: AbortSignal,
): Promise<void> {
  if (following.has(jobId)) return;
  following.add(jobId);
  try {
    const end = await followJob(
      apiKey,
      notebook.workspace,
      jobId,
      (job) => notebook.reportProgress(cellId, job.progress, job.message),
      signal,
    );
    if (end.status !== 'succeeded') {
      notebook.fail(cellId, jobFailure(end));
      return;
    }
    const refs = toRefs(end);
    if (typeof refs === 'string') notebook.fail(cellId, refs);
    else notebook.finish(cellId, { jobId, ...refs });
  } catch (error) {
    if (!signal?.aborted) notebook.fail(cellId, error);
  } finally {
    following.delete(jobId);
  }
}

/**
 * Starts a cell's job with `startJob` and follows it; a job that cannot even start (a problem
 * from the API) shows as the cell's error.
 */
export async function runCellJob(
  notebook: NotebookState,
  apiKey: string,
  cellId: string,
  startJob: () => Promise<{ id: string }>,
  toRefs: (job: Job) => Record<string, string> | string,
): Promise<void> {
  try {
    const job = await startJob();
    notebook.start(cellId, { jobId: job.id });
    await followCellJob(notebook, apiKey, cellId, job.id, toRefs);
  } catch (error) {
    notebook.fail(cellId, error);
  }
}

/**
 * For a notebook reopened while a cell's job was running: follows `runningJobId` where it is
 * now. Call it from an `$effect`; it returns the clean-up that stops following. Readers who
 * may not change the cell (`canEdit` false) reload to see the result instead.
 */
export function resumeCellJob(
  notebook: NotebookState,
  apiKey: string,
  cellId: string,
  runningJobId: string | undefined,
  toRefs: (job: Job) => Record<string, string> | string,
  canEdit: boolean,
): (() => void) | undefined {
  if (runningJobId === undefined || !canEdit || isFollowing(runningJobId)) return undefined;
  const controller = new AbortController();
  void followCellJob(notebook, apiKey, cellId, runningJobId, toRefs, controller.signal);
  return () => controller.abort();
}
