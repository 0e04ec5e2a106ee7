import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/database.ts';
import type { JobObservation } from '../jobs/worker.ts';
import { errorFields, type Logger } from '../logger.ts';
import { countActiveJobs, countFailedWebhookDeliveries } from './metric-sources.repository.ts';

/** Seconds; from 5 ms (a cached read) to 10 minutes (a large clustering job). */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const JOB_BUCKETS = [0.1, 0.5, 1, 5, 15, 30, 60, 120, 300, 600];

/** One answered HTTP request. */
export interface RequestObservation {
  readonly method: string;
  /** The route pattern, never the raw path. */
  readonly route: string;
  readonly status: number;
  readonly seconds: number;
}

/** The Prometheus metrics of one API process. */
export interface ApiMetrics {
  /** This instance's registry: two apps in one process (tests) never share counters. */
  readonly registry: Registry;
  observeRequest(observation: RequestObservation): void;
  observeJob(observation: JobObservation): void;
}

/**
 * Creates the metrics of one app: request counts and latencies, job durations, and gauges
 * read from the database at scrape time (queue depth; failed and dead webhook deliveries once
 * the webhook tables exist). A gauge whose query fails is left out of that scrape and the
 * failure logged, so request metrics still come through while the database is down.
 *
 * @example
 * const metrics = createMetrics({ db, logger });
 * const text = await metrics.registry.metrics();
 */
export function createMetrics(options: { db: Db; logger: Logger }): ApiMetrics {
  const { db, logger } = options;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'tagwise_' });

  const requests = new Counter({
    name: 'tagwise_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'tagwise_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (until the response starts), by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: 'tagwise_job_duration_seconds',
    help: 'Time one attempt of a job ran in this process, by job kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers: [registry],
  });

  /** A gauge by status read at scrape time; if the read fails it is empty for that scrape. */
  const scrapedGauge = (
    name: string,
    help: string,
    read: (set: (status: string, value: number) => void) => Promise<void>,
  ) =>
    new Gauge({
      name,
      help,
      labelNames: ['status'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        try {
          await read((status, value) => this.set({ status }, value));
        } catch (error) {
          logger.warn({ msg: 'metrics collection failed', metric: name, ...errorFields(error) });
        }
      },
    });
  scrapedGauge(
    'tagwise_jobs',
    'Jobs waiting in the queue or running, by status (read at scrape time)',
    async (set) => {
      const counts = await countActiveJobs(db);
      set('queued', counts.queued);
      set('running', counts.running);
    },
  );
  scrapedGauge(
    'tagwise_webhook_deliveries_failing',
    'Webhook deliveries that failed and wait for a retry (failed) or ran out of retries (dead), read at scrape time',
    async (set) => {
      const counts = await countFailedWebhookDeliveries(db);
      set('failed', counts.failed);
      set('dead', counts.dead);
    },
  );

  return {
    registry,
    observeRequest({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      latency.observe(labels, seconds);
    },
    observeJob({ kind, outcome, seconds }) {
      jobDuration.observe({ kind, outcome }, seconds);
    },
  };
}
