import { randomInt } from 'node:crypto';

/** How failed deliveries are retried. */
export interface RetryPolicy {
  /** Delay before the second attempt; each later one doubles it. @default 30000 (30 s) */
  readonly baseDelayMs: number;
  /** No delay grows beyond this. @default 21600000 (6 h) */
  readonly maxDelayMs: number;
  /** After this many failed attempts a delivery is dead. @default 12 (about 8–15 h of retries) */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 60 * 60_000,
  maxAttempts: 12,
};

/** A uniform number in [0, 1). */
export type UniformSource = () => number;

const JITTER_RESOLUTION = 2 ** 32;

/** Uniform numbers from the operating system's CSPRNG (never `Math.random`). */
export const cryptoUniform: UniformSource = () => randomInt(JITTER_RESOLUTION) / JITTER_RESOLUTION;

/**
 * The wait before the next attempt after `failedAttempts` failures: exponential
 * (`base × 2^(failedAttempts − 1)`, capped at `maxDelayMs`) with "equal jitter" — half the
 * delay fixed, half random — so receivers that come back are not hit by every retry at once.
 *
 * @example
 * retryDelayMs(3, { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 5 }, () => 0) // 2000
 */
export function retryDelayMs(
  failedAttempts: number,
  policy: RetryPolicy,
  uniform: UniformSource = cryptoUniform,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  return Math.round(delay / 2 + (delay / 2) * uniform());
}
