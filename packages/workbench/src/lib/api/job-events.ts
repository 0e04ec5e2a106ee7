import { ApiProblem, problemOf } from './problem.ts';
import type { components } from './schema.d.ts';
import { SseParser } from './sse.ts';

export type Job = components['schemas']['Job'];

/**
 * Follows a job over its server-sent events (`/jobs/{id}/events`) until it ends, calling
 * `onProgress` with each state; resolves with the final job. Uses `fetch` rather than
 * `EventSource`, which cannot send the API key header.
 */
export async function followJob(
  apiKey: string,
  workspace: string,
  jobId: string,
  onProgress: (job: Job) => void,
  signal?: AbortSignal,
): Promise<Job> {
  const path = `/v1/workspaces/${encodeURIComponent(workspace)}/jobs/${encodeURIComponent(jobId)}/events`;
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { authorization: `Bearer ${apiKey}`, accept: 'text/event-stream' },
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    throw problemOf(error, undefined);
  }
  if (!response.ok || response.body === null) {
    throw problemOf(await response.json().catch(() => undefined), response);
  }
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let last: Job | undefined;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const event of parser.push(decoder.decode(value, { stream: true }))) {
      const job = JSON.parse(event.data) as Job;
      last = job;
      onProgress(job);
      if (event.event === 'end') {
        await reader.cancel().catch(() => undefined);
        return job;
      }
    }
  }
  if (last === undefined) {
    throw new ApiProblem({
      type: '/problems/stream-ended',
      title: 'The progress stream ended',
      status: 0,
      detail: 'the job progress stream closed before the job ended',
      requestId: response.headers.get('x-request-id') ?? '',
    });
  }
  return last;
}

/** The readable failure of a job that did not succeed. */
export function jobFailure(job: Job): string {
  if (job.status === 'cancelled') return 'the job was cancelled';
  return job.error?.message ?? job.message ?? `the job ${job.status}`;
}
