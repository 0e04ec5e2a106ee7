import { z } from '@hono/zod-openapi';
import { JOB_STATUSES } from './job.table.ts';

export const JobStatusSchema = z.enum(JOB_STATUSES).openapi('JobStatus');

export const JobSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    status: JobStatusSchema,
    progress: z.number().min(0).max(1),
    message: z.string().nullable(),
    params: z.record(z.string(), z.unknown()),
    result: z.unknown().nullable(),
    error: z.object({ code: z.string(), message: z.string() }).catchall(z.unknown()).nullable(),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    cancelRequested: z.boolean(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Job');

export type JobView = z.infer<typeof JobSchema>;

export const CreateJobSchema = z
  .object({
    kind: z.string().min(1).max(100).openapi({ example: 'feature-refresh' }),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .openapi('CreateJob');

export const JobParams = z.object({
  workspace: z.string().openapi({ param: { name: 'workspace', in: 'path' } }),
  jobId: z.uuid().openapi({ param: { name: 'jobId', in: 'path' } }),
});
