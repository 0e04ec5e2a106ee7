import { describe, expect, it } from 'vitest';
import { createRng } from '@tagwise/engine';
import { cryptoUniform, DEFAULT_RETRY_POLICY, retryDelayMs } from './webhook-retry.ts';

const policy = { baseDelayMs: 1000, maxDelayMs: 10_000, maxAttempts: 6 };

describe('retryDelayMs', () => {
  it('doubles from the base, half fixed and half jittered', () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0))).toEqual([
      500, 1000, 2000, 4000,
    ]);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, policy, () => 0.999_999))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    expect(retryDelayMs(5, policy, () => 0.999_999)).toBe(10_000);
    expect(retryDelayMs(60, policy, () => 0.999_999)).toBe(10_000);
    expect(retryDelayMs(2000, DEFAULT_RETRY_POLICY, () => 0)).toBe(
      DEFAULT_RETRY_POLICY.maxDelayMs / 2,
    );
  });

  it('spreads retries with a seeded source and stays inside [delay/2, delay]', () => {
    const rng = createRng(42);
    const delays = Array.from({ length: 200 }, () =>
      retryDelayMs(3, policy, () => rng.nextFloat()),
    );
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(2000);
    expect(Math.max(...delays)).toBeLessThanOrEqual(4000);
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it('draws crypto jitter in [0, 1)', () => {
    const draws = Array.from({ length: 1000 }, cryptoUniform);
    expect(draws.every((u) => u >= 0 && u < 1)).toBe(true);
    expect(new Set(draws).size).toBeGreaterThan(990);
  });
});
