import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DebouncedCall } from './debounced-call.ts';

describe('DebouncedCall', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  /** A call whose answers the test releases by hand, in any order. */
  function controlledCall() {
    const pending = new Map<string, (value: string) => void>();
    const signals = new Map<string, AbortSignal>();
    const results: string[] = [];
    const errors: unknown[] = [];
    const starts: string[] = [];
    const call = new DebouncedCall<string, string>({
      delayMs: 300,
      run: (argument, signal) => {
        starts.push(argument);
        signals.set(argument, signal);
        return new Promise((resolve) => pending.set(argument, resolve));
      },
      onResult: (value) => results.push(value),
      onError: (error) => errors.push(error),
    });
    return { call, pending, signals, results, errors, starts };
  }

  it('calls once with the latest argument after the quiet time', async () => {
    const { call, pending, results, starts } = controlledCall();
    call.request('a');
    await vi.advanceTimersByTimeAsync(200);
    call.request('ab');
    await vi.advanceTimersByTimeAsync(299);
    expect(starts).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts).toEqual(['ab']);
    pending.get('ab')!('2 customers');
    await vi.runAllTimersAsync();
    expect(results).toEqual(['2 customers']);
  });

  it('aborts the call in flight and never reports its late answer', async () => {
    const { call, pending, signals, results } = controlledCall();
    call.request('slow');
    await vi.advanceTimersByTimeAsync(300);
    call.request('fast');
    expect(signals.get('slow')!.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    pending.get('fast')!('fast answer');
    pending.get('slow')!('slow answer');
    await vi.runAllTimersAsync();
    expect(results).toEqual(['fast answer']);
  });

  it('reports the failure of the latest call', async () => {
    const errors: unknown[] = [];
    const call = new DebouncedCall<number, number>({
      delayMs: 10,
      run: (n) => Promise.reject(new Error(`no ${n}`)),
      onResult: () => undefined,
      onError: (error) => errors.push(error),
    });
    call.request(1);
    await vi.runAllTimersAsync();
    expect(errors).toEqual([new Error('no 1')]);
  });
});
