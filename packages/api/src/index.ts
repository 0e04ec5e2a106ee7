export { createApp, API_VERSION, type AppDeps } from './app.ts';
export { parseConfig, ConfigError, type Config } from './config.ts';
export {
  loadConfig,
  startServer,
  startWorkerProcess,
  databaseTargetOf,
  WorkerSetupError,
  type RunningServer,
  type ServerOptions,
} from './server.ts';
export { createJsonLogger, createMemoryLogger, type Logger, type LogRecord } from './logger.ts';
export { connectDatabase, type DatabaseHandle, type DatabaseTarget } from './db/connect.ts';
export { namedStatement, runNamedStatement, type NamedStatement } from './db/named-statement.ts';
export type { Database, Db } from './db/database.ts';
export {
  MIGRATIONS,
  migrateToLatest,
  migrateDown,
  migrationStatus,
  migrationsAreCurrent,
  MigrationError,
} from './db/migrations/index.ts';
export {
  writeTransaction,
  systemContext,
  type ChangeHook,
  type ChangeRecord,
  type ServiceContext,
} from './audit/change-hooks.ts';
export { createReadiness, type Readiness } from './health/readiness.ts';
export {
  JobRegistry,
  JobCancelledError,
  PermanentJobError,
  type JobContext,
  type JobHandler,
  type JobOutcome,
} from './jobs/job-registry.ts';
export { createJobRegistry } from './jobs/job-handlers.ts';
export { createWorker, type Worker, type WorkerOptions } from './jobs/worker.ts';
export { ROLES, type Role } from './keys/roles.ts';
export type { Principal } from './keys/principal.ts';
export { ProblemError, PROBLEM_TYPES, type Problem, type ProblemSlug } from './http/problem.ts';
export { defineRoute, createRouter, ROLES_EXTENSION, type RouteRoles } from './http/route.ts';
/** The zod the API validates with (job handlers declare their params with it). */
export { z } from 'zod';
export { enqueueJob, findJob, requestJobCancel, claimNextJob } from './jobs/job.repository.ts';
/** Kysely's raw SQL tag, for handlers and tests that need a statement the builder lacks. */
export { sql } from 'kysely';
