import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { decodeCursor, pageQuerySchema, pageSchema, toPage, UUID_PATTERN } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { findJob, listJobs } from './job.repository.ts';
import { CreateJobSchema, JobParams, JobSchema, JobStatusSchema } from './job.schema.ts';
import { cancelJob, createJob, getJob, toJobView } from './job.service.ts';
import { TERMINAL_JOB_STATUSES } from './job.table.ts';

const createJobRoute = defineRoute(['admin', 'analyst'], {
  method: 'post',
  path: '/workspaces/{workspace}/jobs',
  tags: ['jobs'],
  summary: 'Queue a job of a registered kind',
  description: 'Each kind also declares which roles may start it and validates its params.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: CreateJobSchema } } },
  },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: JobSchema } } },
  },
});

const listJobsRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/jobs',
  tags: ['jobs'],
  summary: 'List jobs, newest first',
  request: {
    params: WorkspaceParams,
    query: pageQuerySchema(200).extend({
      kind: z.string().max(100).optional(),
      status: JobStatusSchema.optional(),
    }),
  },
  responses: {
    200: {
      description: 'One page of jobs',
      content: { 'application/json': { schema: pageSchema(JobSchema, 'JobPage') } },
    },
  },
});

const getJobRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/jobs/{jobId}',
  tags: ['jobs'],
  summary: 'Get a job with its progress, result or error',
  request: { params: JobParams },
  responses: {
    200: { description: 'The job', content: { 'application/json': { schema: JobSchema } } },
  },
});

const cancelJobRoute = defineRoute(['admin', 'analyst'], {
  method: 'post',
  path: '/workspaces/{workspace}/jobs/{jobId}/cancel',
  tags: ['jobs'],
  summary: 'Cancel a job (queued: at once; running: at its next check)',
  description: 'The previous results stay active: a cancelled job writes nothing.',
  request: { params: JobParams },
  responses: {
    202: {
      description: 'The job after the request',
      content: { 'application/json': { schema: JobSchema } },
    },
    409: { description: 'The job already finished' },
  },
});

const jobEventsRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/jobs/{jobId}/events',
  tags: ['jobs'],
  summary: 'Server-sent events with the job as it progresses',
  description:
    'Sends `progress` events (data: the Job as JSON) whenever the job changes, then one `end` event with the final Job and closes. Reconnecting clients simply get the current state first.',
  request: { params: JobParams },
  responses: {
    200: {
      description: 'An event stream',
      content: { 'text/event-stream': { schema: z.string() } },
    },
  },
});

/** `/v1/workspaces/{workspace}/jobs`. */
export function jobRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  const intervalMs = deps.sseIntervalMs ?? 500;
  return createRouter()
    .openapi(createJobRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      const job = await createJob(ctx, deps.jobs, workspaceOf(c), c.req.valid('json'));
      return c.json(toJobView(job), 202);
    })
    .openapi(listJobsRoute, async (c) => {
      const { limit, cursor, kind, status } = c.req.valid('query');
      const rows = await listJobs(deps.db, workspaceOf(c).id, {
        afterId: decodeCursor(cursor, UUID_PATTERN),
        limit: limit + 1,
        kind,
        status,
      });
      return c.json(
        toPage(rows, limit, (r) => r.id, toJobView),
        200,
      );
    })
    .openapi(getJobRoute, async (c) => {
      const job = await getJob(deps.db, workspaceOf(c), c.req.valid('param').jobId);
      return c.json(toJobView(job), 200);
    })
    .openapi(cancelJobRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      const job = await cancelJob(ctx, workspaceOf(c), c.req.valid('param').jobId);
      return c.json(toJobView(job), 202);
    })
    .openapi(jobEventsRoute, async (c) => {
      const workspace = workspaceOf(c);
      const { jobId } = c.req.valid('param');
      await getJob(deps.db, workspace, jobId); // 404 before the stream starts
      return streamSSE(c, async (stream) => {
        let sent = '';
        let sequence = 0;
        while (!stream.aborted) {
          const job = await findJob(deps.db, workspace.id, jobId);
          if (job === undefined) break;
          const data = JSON.stringify(toJobView(job));
          const done = TERMINAL_JOB_STATUSES.includes(job.status);
          if (data !== sent) {
            sent = data;
            await stream.writeSSE({ event: 'progress', data, id: String(++sequence) });
          }
          if (done) {
            await stream.writeSSE({ event: 'end', data, id: String(++sequence) });
            break;
          }
          await stream.sleep(intervalMs);
        }
      }) as unknown as ReturnType<typeof c.text>;
    });
}
