import {
  createJobRegistry,
  createMemoryLogger,
  parseConfig,
  startServer,
  type JobRegistry,
  type RunningServer,
  type ServerOptions,
} from '@tagwise/api';
import {
  createTestDatabase,
  createWorkspaceFixture,
  type TestDatabase,
  type TestDatabaseKind,
  type WorkspaceFixture,
} from '@tagwise/api/testing';
import { assertMatchesOpenApi } from '../support/openapi-contract.ts';
import { stepsJob } from '../support/steps-job.ts';

export interface TestServer {
  readonly url: string;
  readonly server: RunningServer;
  readonly database: TestDatabase;
  readonly acme: WorkspaceFixture;
  readonly globex: WorkspaceFixture;
  request(path: string, init?: RequestOptions): Promise<Response>;
  close(): Promise<void>;
}

export interface RequestOptions {
  readonly key?: string;
  readonly method?: string;
  readonly json?: unknown;
  readonly csv?: string;
  readonly headers?: Record<string, string>;
}

/**
 * Starts the real server on an ephemeral port over a fresh database, with two workspaces
 * (`acme`, `globex`) holding one key per role, and a worker that polls quickly.
 */
export async function startTestServer(
  kind: TestDatabaseKind,
  options: {
    jobs?: JobRegistry;
    startupTasks?: ServerOptions['startupTasks'];
    changeHooks?: ServerOptions['changeHooks'];
    webhookOptions?: ServerOptions['webhookOptions'];
    /** Test receivers listen on loopback, so webhooks may call any host unless a test says otherwise. */
    webhookTargets?: 'public' | 'any';
  } = {},
): Promise<TestServer> {
  const database = await createTestDatabase(kind);
  const acme = await createWorkspaceFixture(database.db, 'acme');
  const globex = await createWorkspaceFixture(database.db, 'globex');
  const config = parseConfig({
    PORT: '0',
    TAGWISE_WEBHOOK_TARGETS: options.webhookTargets ?? 'any',
  });
  const server = await startServer(config, {
    database,
    logger: createMemoryLogger(),
    jobs: options.jobs ?? createJobRegistry().register(stepsJob),
    workerOptions: { pollIntervalMs: 20, progressIntervalMs: 0, heartbeatIntervalMs: 200 },
    sseIntervalMs: 20,
    ...(options.startupTasks === undefined ? {} : { startupTasks: options.startupTasks }),
    ...(options.changeHooks === undefined ? {} : { changeHooks: options.changeHooks }),
    ...(options.webhookOptions === undefined ? {} : { webhookOptions: options.webhookOptions }),
  });
  // Every answer a test sees is checked against the published OpenAPI document.
  const request = async (path: string, init: RequestOptions = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.key !== undefined) headers.authorization = `Bearer ${init.key}`;
    let body: string | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.csv !== undefined) {
      headers['content-type'] = 'text/csv';
      body = init.csv;
    }
    const method = init.method ?? (body === undefined ? 'GET' : 'POST');
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    await assertMatchesOpenApi(method, response);
    return response;
  };
  return {
    url: server.url,
    server,
    database,
    acme,
    globex,
    request,
    async close() {
      await server.close();
      await database.destroy();
    },
  };
}

/** One server-sent event. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string | undefined;
}

/** Reads a `text/event-stream` response until it closes, yielding each event. */
export async function* readSse(response: Response): AsyncGenerator<SseEvent> {
  if (response.body === null) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      let id: string | undefined;
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        else if (line.startsWith('id:')) id = line.slice(3).trim();
      }
      yield { event, data: data.join('\n'), id };
    }
  }
}

/** Shared matcher: the body is an RFC 9457 problem of `type` with this status. */
export async function expectProblem(
  response: Response,
  status: number,
  slug: string,
): Promise<{
  type: string;
  title: string;
  detail: string;
  errors?: { path: string; message: string }[];
  requestId: string;
}> {
  const text = await response.text();
  if (
    response.status !== status ||
    response.headers.get('content-type') !== 'application/problem+json'
  ) {
    throw new Error(`expected a ${status} ${slug} problem, got ${response.status}: ${text}`);
  }
  const body = JSON.parse(text) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { path: string; message: string }[];
    requestId: string;
  };
  if (body.type !== `/problems/${slug}` || body.status !== status) {
    throw new Error(`expected problem ${slug}, got ${text}`);
  }
  if (body.requestId !== response.headers.get('x-request-id')) {
    throw new Error('the problem requestId differs from the X-Request-Id header');
  }
  return body;
}
