import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createJobRegistry,
  createMemoryLogger,
  parseConfig,
  startServer,
  type RunningServer,
} from '@tagwise/api';
import { assertMatchesOpenApi } from '../../support/openapi-contract.ts';
import { stepsJob } from '../../support/steps-job.ts';

export const WORKBENCH_BUILD = fileURLToPath(
  new URL('../../../packages/workbench/build', import.meta.url),
);

/** The real server on an ephemeral port, PGlite in a temp dir, serving the built workbench. */
export interface E2eServer {
  readonly url: string;
  readonly key: string;
  readonly server: RunningServer;
  /** A JSON call with the bootstrap admin key; throws with the body on a non-2xx answer. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startE2eServer(): Promise<E2eServer> {
  if (!existsSync(join(WORKBENCH_BUILD, 'index.html'))) {
    throw new Error(`the workbench is not built (${WORKBENCH_BUILD}): run \`pnpm build\` first`);
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'tagwise-e2e-'));
  const key = 'tw_e2e_bootstrap_key_0123456789abcdefghijklmnop';
  const server = await startServer(
    parseConfig({ PORT: '0', TAGWISE_DATA_DIR: join(dataDir, 'data'), TAGWISE_BOOTSTRAP_KEY: key }),
    {
      logger: createMemoryLogger(),
      // The product's jobs, and one whose steps a test releases (see `stepGate`).
      jobs: createJobRegistry().register(stepsJob),
      workerOptions: { pollIntervalMs: 50, progressIntervalMs: 0, heartbeatIntervalMs: 500 },
      sseIntervalMs: 100,
    },
  );
  await server.started;
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await assertMatchesOpenApi(method, response);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  return {
    url: server.url,
    key,
    server,
    api,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface JobJson {
  id: string;
  status: string;
  error: { message: string } | null;
  result?: Record<string, unknown> | null;
}

/** Polls a job until it ends; throws unless it succeeded. */
export async function waitForJob(
  server: E2eServer,
  workspace: string,
  job: JobJson,
): Promise<JobJson> {
  for (let i = 0; i < 600; i++) {
    const current = await server.api<JobJson>('GET', `/v1/workspaces/${workspace}/jobs/${job.id}`);
    if (current.status === 'succeeded') return current;
    if (current.status === 'failed' || current.status === 'cancelled') {
      throw new Error(`job ${job.id} ${current.status}: ${current.error?.message ?? ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`job ${job.id} did not end`);
}
