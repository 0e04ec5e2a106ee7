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
import { sendDelivery, type SendResult } from './webhook-sender.ts';
import type { WebhookTargets } from './webhook-target.ts';
import { PollPause } from '../jobs/poll-pause.ts';

export interface WebhookDelivererOptions {
  readonly db: Db;
  readonly logger: Logger;
  /** Wait between polls when nothing is due. @default 1000 */
  readonly pollIntervalMs?: number;
  /** Attempts in flight at once; a receiver that never answers holds one until the timeout. @default 10 */
  readonly concurrency?: number;
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
  /** Which hosts deliveries may go to. @default 'public' */
  readonly targets?: WebhookTargets;
}

export interface WebhookDeliverer {
  /** Starts the poll loop in the background. */
  start(): void;
  /** Stops polling; attempts in flight are aborted and handed back untried. */
  stop(): Promise<void>;
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
  const concurrency = options.concurrency ?? 10;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const leaseMs = options.leaseMs ?? 60_000;
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const uniform = options.uniform ?? cryptoUniform;
  const targets = options.targets ?? 'public';

  let running = false;
  let loop: Promise<void> | undefined;
  const pause = new PollPause();
  let stopping = new AbortController();
  let lastRecovery = Number.NEGATIVE_INFINITY;
  const inFlight = new Set<Promise<void>>();

  function outcomeOf(delivery: ClaimedDelivery, result: SendResult): AttemptOutcome {
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
    let result: SendResult;
    try {
      result = await sendDelivery(delivery, {
        timeoutMs: requestTimeoutMs,
        signal: stopping.signal,
        targets,
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

  /** Takes back expired claims, then claims up to `slots` due deliveries and starts them. */
  async function claimAndStart(slots: number): Promise<number> {
    if (Date.now() - lastRecovery >= Math.min(leaseMs, 30_000)) {
      lastRecovery = Date.now();
      const recovered = await recoverExpiredClaims(db, leaseMs);
      if (recovered > 0) logger.warn({ msg: 'took back expired webhook claims', recovered });
    }
    const claimed = await claimDueDeliveries(db, slots);
    for (const delivery of claimed) {
      const task: Promise<void> = attempt(delivery)
        .catch((error: unknown) => {
          // The claim stays; its lease expiry hands the delivery back.
          logger.error({
            msg: 'webhook attempt could not be recorded',
            deliveryId: delivery.id,
            ...errorFields(error),
          });
        })
        .finally(() => {
          inFlight.delete(task);
          pause.wake();
        });
      inFlight.add(task);
    }
    return claimed.length;
  }

  async function pollLoop(): Promise<void> {
    while (running) {
      const slots = concurrency - inFlight.size;
      let claimed = 0;
      if (slots > 0) {
        try {
          claimed = await claimAndStart(slots);
        } catch (error) {
          logger.error({ msg: 'webhook delivery poll failed', ...errorFields(error) });
        }
      }
      // Every slot filled means more may be due: poll again as soon as one frees up.
      if (running && (slots === 0 || claimed < slots)) {
        await pause.sleep(pollIntervalMs);
      }
    }
    await Promise.allSettled([...inFlight]);
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
      pause.wake();
      await loop;
    },
  };
}
