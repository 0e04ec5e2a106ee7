import type { ChangeHook } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import type { Readiness } from '../health/readiness.ts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import type { Logger } from '../logger.ts';
import type { ApiMetrics } from '../ops/metrics.ts';
import type { WebhookTargets } from '../webhooks/webhook-target.ts';

/** Everything the HTTP app needs, passed in (tests build their own). */
export interface AppDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly jobs: JobRegistry;
  readonly readiness: Readiness;
  /** Run inside every write transaction (audit log, webhook outbox). @default [] */
  readonly changeHooks?: readonly ChangeHook[];
  /** Shared with the worker so job durations reach `/metrics`. @default one of its own */
  readonly metrics?: ApiMetrics;
  /** Which hosts webhook subscriptions may name. @default 'public' */
  readonly webhookTargets?: WebhookTargets;
  /** How often the job SSE stream polls the job row. @default 500 */
  readonly sseIntervalMs?: number;
}
