import type { Db } from '../db/database.ts';
import { errorFields, type Logger } from '../logger.ts';
import {
  claimDueDeliveries,
  finishAttempt,
  recoverExpiredClaims,
  releaseClaim,
  type AttemptOutcome,
  type ClaimedDelivery,
} from './webhook-delivery.repository.ts';
import {
  cryptoUniform,
  DEFAULT_RETRY_POLICY,
  retryDelayMs,
  type RetryPolicy,
  type UniformSource,
} from './webhook-retry.ts';
import { sendDelivery } from './webhook-sender.ts';

export interface WebhookDelivererOptions {
  readonly db: Db;
  readonly logger: Logger;
  /** Wait between polls when nothing is due. @default 1000 */
  readonly pollIntervalMs?: number;
  /** Deliveries claimed and sent concurrently per poll. @default 10 */
  readonly batchSize?: number;
  /** An attempt without an answer for this long fails. @default 10000 */
  readonly requestTimeoutMs?: number;
  /**
   * A claim older than this is taken back (its deliverer crashed); keep it well above
   * `requestTimeoutMs`. @default 60000
   */
  readonly leaseMs?: number;
  /** @default DEFAULT_RETRY_POLICY (30 s doubling to 6 h, 12 attempts) */
  readonly retry?: Partial<RetryPolicy>;
  /** Jitter source. @default cryptoUniform */
  readonly uniform?: UniformSource;
}

export interface WebhookDeliverer {
  /** Starts the poll loop in the background. */
  start(): void;
  /** Stops polling; attempts in flight are aborted and handed back untried. */
  stop(): Promise<void>;
  /** Takes back expired claims, then claims and sends one batch; returns how many were sent. */
  runOnce(): Promise<number>;
}

/**
 * The delivery loop: polls the outbox, POSTs each due delivery signed with its
 * subscription's secret, and records the outcome — delivered on a 2xx, otherwise retried
 * with exponential backoff until the policy's last attempt, then dead. Delivery is at
 * least once: a crash after the receiver answered but before the outcome was stored sends
 * the same delivery id again once the lease expires. Several deliverers (in several
 * processes on a PostgreSQL server) share the outbox safely.
 *
 * @example
 * const deliverer = createWebhookDeliverer({ db, logger });
 * deliverer.start();
 * await deliverer.stop();
 */
export function createWebhookDeliverer(options: WebhookDelivererOptions): WebhookDeliverer {
  const { db, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 10;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const uniform = options.uniform ?? cryptoUniform;

  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let stopping = new AbortController();
  let lastRecovery = Number.NEGATIVE_INFINITY;

  function outcomeOf(
    delivery: ClaimedDelivery,
    result: Awaited<ReturnType<typeof sendDelivery>>,
  ): AttemptOutcome {
    if (result.ok) return { status: 'delivered', statusCode: result.statusCode };
    if (delivery.attempts >= policy.maxAttempts) {
      return { status: 'dead', statusCode: result.statusCode, error: result.error };
    }
    return {
      status: 'failed',
      statusCode: result.statusCode,
      error: result.error,
      retryDelayMs: retryDelayMs(delivery.attempts, policy, uniform),
    };
  }

  async function attempt(delivery: ClaimedDelivery): Promise<void> {
    const claim = { id: delivery.id, claimToken: delivery.claim_token };
    let result: Awaited<ReturnType<typeof sendDelivery>>;
    try {
      result = await sendDelivery(delivery, {
        timeoutMs: requestTimeoutMs,
        signal: stopping.signal,
      });
    } catch (error) {
      if (!stopping.signal.aborted) throw error;
      await releaseClaim(db, claim);
      return;
    }
    const outcome = outcomeOf(delivery, result);
    if (!(await finishAttempt(db, claim, outcome))) {
      logger.warn({
        msg: 'webhook claim expired before the attempt finished',
        deliveryId: claim.id,
      });
      return;
    }
    if (outcome.status !== 'delivered') {
      logger.warn({
        msg: outcome.status === 'dead' ? 'webhook delivery is dead' : 'webhook attempt failed',
        deliveryId: delivery.id,
        subscriptionId: delivery.subscription_id,
        attempt: delivery.attempts,
        error: outcome.error,
      });
    }
  }

  async function runOnce(): Promise<number> {
    if (Date.now() - lastRecovery >= Math.min(leaseMs, 30_000)) {
      lastRecovery = Date.now();
      const recovered = await recoverExpiredClaims(db, leaseMs);
      if (recovered > 0) logger.warn({ msg: 'took back expired webhook claims', recovered });
    }
    const claimed = await claimDueDeliveries(db, batchSize);
    const settled = await Promise.allSettled(claimed.map(attempt));
    for (const failure of settled) {
      // The claim stays; its lease expiry hands the delivery back.
      if (failure.status === 'rejected') {
        logger.error({
          msg: 'webhook attempt could not be recorded',
          ...errorFields(failure.reason),
        });
      }
    }
    return claimed.length;
  }

  async function pollLoop(): Promise<void> {
    while (running) {
      let sent = 0;
      try {
        sent = await runOnce();
      } catch (error) {
        logger.error({ msg: 'webhook delivery poll failed', ...errorFields(error) });
      }
      // A full batch means more may be due: poll again at once.
      if (sent < batchSize && running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollIntervalMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      stopping = new AbortController();
      loop = pollLoop();
    },
    async stop() {
      running = false;
      stopping.abort();
      wake?.();
      await loop;
    },
    runOnce,
  };
}
