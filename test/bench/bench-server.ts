import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { repositoryRoot } from '../support/tagwise-cli.ts';

/** A Tagwise server in a process of its own (`api-bench-server.ts`), and how to call it. */
export interface BenchServer {
  readonly pid: number;
  readonly tagwise: string;
  readonly bare: string;
  readonly key: string;
  stop(): Promise<void>;
}

/** Starts the server on `target` (a `DatabaseTarget`) with a fresh admin key. */
export async function startBenchServer(target: object): Promise<BenchServer> {
  const key = `tw_bench_${randomBytes(24).toString('hex')}`;
  const child: ChildProcess = spawn(
    // Node itself with the tsx loader (not the tsx launcher), so `pid` is the server's own.
    process.execPath,
    [
      '--import',
      'tsx',
      join(repositoryRoot, 'test', 'bench', 'api-bench-server.ts'),
      JSON.stringify(target),
      key,
    ],
    { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  child.stdout!.resume(); // its access log
  const ports = await new Promise<{ tagwisePort: number; barePort: number }>((resolve, reject) => {
    child.once('message', (message) =>
      resolve(message as { tagwisePort: number; barePort: number }),
    );
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  return {
    pid: child.pid!,
    tagwise: `http://127.0.0.1:${ports.tagwisePort}`,
    bare: `http://127.0.0.1:${ports.barePort}`,
    key,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** One authenticated JSON call; a non-2xx answer is an error carrying the problem. */
export async function call<T = unknown>(
  server: BenchServer,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${server.tagwise}${path}`, {
    method,
    headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json: unknown = await response.json();
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  }
  return json as T;
}

export interface JobState {
  readonly status: string;
  readonly error: unknown;
}

/** Queues a job in `workspace` and returns its id. */
export async function startJob(
  server: BenchServer,
  workspace: string,
  kind: string,
  params: object,
): Promise<string> {
  const job = await call<{ id: string }>(server, 'POST', `/v1/workspaces/${workspace}/jobs`, {
    kind,
    params,
  });
  return job.id;
}

/** The job's state: done when `status` is `succeeded`; `failed` and `cancelled` throw. */
export async function jobState(
  server: BenchServer,
  workspace: string,
  kind: string,
  jobId: string,
): Promise<JobState> {
  const state = await call<JobState>(server, 'GET', `/v1/workspaces/${workspace}/jobs/${jobId}`);
  if (state.status === 'failed' || state.status === 'cancelled') {
    throw new Error(`${kind} ${state.status}: ${JSON.stringify(state.error)}`);
  }
  return state;
}

/** Runs a job to success, checking every half second. */
export async function runJob(
  server: BenchServer,
  workspace: string,
  kind: string,
  params: object,
): Promise<void> {
  const jobId = await startJob(server, workspace, kind, params);
  while ((await jobState(server, workspace, kind, jobId)).status !== 'succeeded') {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
