import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { formatIssuePath, issuesAsFieldErrors, ProblemError } from '../http/problem.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import type { JobRegistry } from './job-registry.ts';
import { enqueueJob, findJob, requestJobCancel } from './job.repository.ts';
import type { JobView } from './job.schema.ts';
import type { JobRow, JsonObject } from './job.table.ts';

export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    message: row.message,
    params: row.params,
    result: row.result,
    error: row.error,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    cancelRequested: row.cancel_requested,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * Queues a job of a registered kind after checking the caller's role for that kind and
 * validating its params, on their own and against the workspace (422 naming
 * `<paramsPath>.<field>`). Routes whose body is the params pass `paramsPath` `''`.
 */
export async function createJob(
  ctx: ServiceContext,
  registry: JobRegistry,
  workspace: WorkspaceRow,
  input: { kind: string; params: Record<string, unknown> },
  paramsPath = 'params',
): Promise<JobRow> {
  const handler = registry.get(input.kind);
  if (handler === undefined) {
    const known = registry.kinds();
    throw ProblemError.validation(`unknown job kind "${input.kind}"`, [
      {
        path: 'kind',
        message: known.length === 0 ? 'no job kinds are registered' : `one of: ${known.join(', ')}`,
      },
    ]);
  }
  if (ctx.actor !== null && !handler.roles.includes(ctx.actor.role)) {
    throw ProblemError.forbidden(
      `role "${ctx.actor.role}" may not start "${input.kind}" jobs; allowed: ${handler.roles.join(', ')}`,
    );
  }
  const parsed = handler.params.safeParse(input.params);
  if (!parsed.success) {
    throw ProblemError.validation(
      `invalid params for "${input.kind}"`,
      issuesAsFieldErrors(parsed.error.issues, paramsPath),
    );
  }
  const found = await handler.checkAgainstWorkspace?.(ctx.db, workspace.id, parsed.data);
  if (found !== undefined) {
    throw ProblemError.validation(
      found.detail,
      found.errors.map((error) => ({
        ...error,
        path: formatIssuePath([error.path], paramsPath),
      })),
    );
  }
  return writeTransaction(ctx, async (trx, record) => {
    const job = await enqueueJob(trx, {
      workspaceId: workspace.id,
      kind: input.kind,
      params: parsed.data as JsonObject,
      ...(handler.maxAttempts === undefined ? {} : { maxAttempts: handler.maxAttempts }),
      createdBy: ctx.actor?.keyId ?? null,
    });
    await record({
      action: 'job.created',
      resource: 'job',
      resourceId: job.id,
      workspaceId: workspace.id,
      data: { kind: job.kind },
    });
    return job;
  });
}

export async function getJob(db: Db, workspace: WorkspaceRow, id: string): Promise<JobRow> {
  const job = await findJob(db, workspace.id, id);
  if (job === undefined) throw ProblemError.notFound(`job ${id}`);
  return job;
}

/**
 * Cancels a job. Queued → cancelled now; running → cancel requested (the handler stops at
 * its next check and its results are discarded); cancelled → unchanged; succeeded or
 * failed → 409.
 */
export async function cancelJob(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  id: string,
): Promise<JobRow> {
  return writeTransaction(ctx, async (trx, record) => {
    const job = await requestJobCancel(trx, workspace.id, id);
    if (job === undefined) throw ProblemError.notFound(`job ${id}`);
    if (job.status === 'succeeded' || job.status === 'failed') {
      throw ProblemError.conflict(`job ${id} already ${job.status}`);
    }
    await record({
      action: 'job.cancel-requested',
      resource: 'job',
      resourceId: id,
      workspaceId: workspace.id,
    });
    return job;
  });
}
