import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { answerClientError } from './http/client-error.ts';
import { drainingClose } from './http/draining-close.ts';
import type { ChangeHook } from './audit/change-hooks.ts';
import { defaultChangeHooks } from './audit/default-change-hooks.ts';
import { parseConfig, type Config } from './config.ts';
import { connectDatabase, type DatabaseHandle, type DatabaseTarget } from './db/connect.ts';
import { migrateToLatest, migrationsAreCurrent } from './db/migrations/index.ts';
import { createReadiness, type Readiness } from './health/readiness.ts';
import { createJobRegistry } from './jobs/job-handlers.ts';
import type { JobRegistry } from './jobs/job-registry.ts';
import { createWorker, type Worker, type WorkerOptions } from './jobs/worker.ts';
import { ensureBootstrapKey } from './keys/api-key.service.ts';
import { asyncStandardOutput, createJsonLogger, errorFields, type Logger } from './logger.ts';
import { createMetrics } from './ops/metrics.ts';
import {
  createWebhookDeliverer,
  type WebhookDelivererOptions,
} from './webhooks/webhook-deliverer.ts';

/** Tuning of the webhook delivery loop (tests shorten the backoff). */
export type WebhookOptions = Partial<Omit<WebhookDelivererOptions, 'db' | 'logger'>>;

/** How long an idle keep-alive connection stays open. */
const KEEP_ALIVE_MS = 65_000;

/**
 * Node closes idle connections after 5 s by default. A client reusing a connection at that
 * moment (likely when a long synchronous step delays the server's timers) sees ECONNRESET;
 * a longer idle time than clients and proxies use (typically 4–60 s) leaves closing to them.
 */
function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Must exceed keepAliveTimeout, or Node may cut a request that arrives on an idle connection.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}

/** Reads and validates the environment. The only place that touches `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseConfig(env);
}

/** PGlite in the data directory, or the server of `DATABASE_URL`. */
export function databaseTargetOf(config: Config): DatabaseTarget {
  return config.databaseUrl === undefined
    ? { kind: 'pglite', dataDir: config.dataDir }
    : { kind: 'postgres', url: config.databaseUrl };
}

export interface ServerOptions {
  readonly logger?: Logger;
  /** @default createJobRegistry() */
  readonly jobs?: JobRegistry;
  /** Run a worker and the webhook delivery loop in this process. @default true */
  readonly worker?: boolean;
  readonly workerOptions?: Partial<Omit<WorkerOptions, 'db' | 'registry' | 'logger'>>;
  readonly webhookOptions?: WebhookOptions;
  readonly changeHooks?: readonly ChangeHook[];
  readonly sseIntervalMs?: number;
  /** First-start work (imports, training); `/readyz` says ready once all have finished. */
  readonly startupTasks?: readonly ((database: DatabaseHandle) => Promise<void>)[];
  /** Use this database instead of opening the configured one (tests). */
  readonly database?: DatabaseHandle;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly database: DatabaseHandle;
  readonly readiness: Readiness;
  readonly worker: Worker | undefined;
  /** Resolves when startup tasks have finished (or failed: then readiness says why). */
  readonly started: Promise<void>;
  /**
   * Stops accepting requests, lets those in progress finish (event streams end at once),
   * stops the worker and delivery loop, then closes the database if the server opened it.
   */
  close(): Promise<void>;
}

/**
 * Opens the database, applies migrations, declares the bootstrap key, serves the app and
 * starts the in-process worker and webhook delivery loop. `/readyz` turns ready after the startup tasks.
 *
 * @example
 * const server = await startServer(loadConfig());
 * // ... later
 * await server.close();
 */
export async function startServer(
  config: Config,
  options: ServerOptions = {},
): Promise<RunningServer> {
  const logger = options.logger ?? createJsonLogger(asyncStandardOutput(), process.stderr);
  const database = options.database ?? (await connectDatabase(databaseTargetOf(config)));
  const ownsDatabase = options.database === undefined;
  const applied = await migrateToLatest(database.db);
  if (applied.applied.length > 0)
    logger.info({ msg: 'migrations applied', migrations: applied.applied });
  if (config.bootstrapKey !== undefined) await ensureBootstrapKey(database.db, config.bootstrapKey);

  const jobs = options.jobs ?? createJobRegistry();
  const readiness = createReadiness('running startup tasks');
  const changeHooks = options.changeHooks ?? defaultChangeHooks();
  const metrics = createMetrics({ db: database.db, logger });
  const app = createApp({
    db: database.db,
    logger,
    jobs,
    readiness,
    changeHooks,
    metrics,
    webhookTargets: config.webhookTargets,
    ...(options.sseIntervalMs === undefined ? {} : { sseIntervalMs: options.sseIntervalMs }),
  });
  let server: ServerType;
  try {
    server = await listen(app.fetch, config.port);
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
  keepConnectionsAlive(server as Server);
  const closeServer = drainingClose(server as Server);
  const port = (server.address() as AddressInfo).port;
  const worker =
    options.worker === false
      ? undefined
      : createWorker({
          db: database.db,
          registry: jobs,
          logger,
          changeHooks,
          observeJob: metrics.observeJob,
          ...options.workerOptions,
        });
  worker?.start();
  const deliverer =
    options.worker === false
      ? undefined
      : createWebhookDeliverer({
          db: database.db,
          logger,
          targets: config.webhookTargets,
          ...options.webhookOptions,
        });
  deliverer?.start();
  logger.info({ msg: 'listening', port, database: database.kind, worker: worker?.id ?? null });

  const started = (async () => {
    for (const task of options.startupTasks ?? []) await task(database);
    readiness.markReady();
  })().catch((error: unknown) => {
    readiness.markNotReady(
      `a startup task failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    logger.error({ msg: 'startup task failed', ...errorFields(error) });
  });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    database,
    readiness,
    worker,
    started,
    async close() {
      await Promise.all([worker?.stop(), deliverer?.stop(), closeServer()]);
      if (ownsDatabase) await database.close();
    },
  };
}

/** The HTTP port cannot be listened on; the message says why and what to set. */
export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError';
}

/** Serves `fetch` on every interface at `port` (0: any free port). */
function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: '0.0.0.0' }, () => resolve(server));
    server.on('clientError', answerClientError);
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortUnavailableError(
              `port ${port} is in use by another program; set PORT to a free one`,
            )
          : error.code === 'EACCES'
            ? new PortUnavailableError(
                `port ${port} needs privileges this process lacks; set PORT to 1024 or above`,
              )
            : error,
      );
    });
  });
}

export class WorkerSetupError extends Error {
  override readonly name = 'WorkerSetupError';
}

/**
 * Runs a standalone worker and webhook delivery loop against a PostgreSQL server (PGlite's
 * data directory belongs to one process: `serve` runs both itself there). Resolves with a
 * stop function.
 */
export async function startWorkerProcess(
  config: Config,
  options: {
    logger?: Logger;
    jobs?: JobRegistry;
    workerOptions?: ServerOptions['workerOptions'];
    webhookOptions?: WebhookOptions;
  } = {},
): Promise<{ worker: Worker; stop(): Promise<void> }> {
  if (config.databaseUrl === undefined) {
    throw new WorkerSetupError(
      'a separate worker needs DATABASE_URL (a PostgreSQL server); with the embedded database, `tagwise serve` runs the worker itself',
    );
  }
  const logger = options.logger ?? createJsonLogger(asyncStandardOutput(), process.stderr);
  const database = await connectDatabase(databaseTargetOf(config));
  if (!(await migrationsAreCurrent(database.db))) {
    await database.close();
    throw new WorkerSetupError(
      'the database has pending migrations: run `tagwise db migrate` first',
    );
  }
  const worker = createWorker({
    db: database.db,
    registry: options.jobs ?? createJobRegistry(),
    logger,
    changeHooks: defaultChangeHooks(),
    ...options.workerOptions,
  });
  worker.start();
  const deliverer = createWebhookDeliverer({
    db: database.db,
    logger,
    targets: config.webhookTargets,
    ...options.webhookOptions,
  });
  deliverer.start();
  logger.info({ msg: 'worker started', workerId: worker.id });
  return {
    worker,
    async stop() {
      await Promise.all([worker.stop(), deliverer.stop()]);
      await database.close();
    },
  };
}
