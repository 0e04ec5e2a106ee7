import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.ts';

/** A load that resolves when told to, counting how often it was started. */
function controlledLoad<V>() {
  let calls = 0;
  let finish!: (value: V | undefined) => void;
  let fail!: (error: Error) => void;
  const load = () => {
    calls++;
    return new Promise<V | undefined>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
  };
  return {
    load,
    calls: () => calls,
    finish: (v: V | undefined) => finish(v),
    fail: (e: Error) => fail(e),
  };
}

describe('TtlCache.getOrLoad', () => {
  it('shares one load among the requests that miss a key at once, and keeps its value', async () => {
    const cache = new TtlCache<string>(60_000);
    const source = controlledLoad<string>();
    const waiting = Array.from({ length: 5 }, () => cache.getOrLoad('k', source.load));
    source.finish('value');
    expect(await Promise.all(waiting)).toEqual(Array(5).fill('value'));
    expect(source.calls()).toBe(1);
    expect(await cache.getOrLoad('k', source.load)).toBe('value');
    expect(source.calls()).toBe(1);
  });

  it('loads again after a miss, a failure or an expiry', async () => {
    const cache = new TtlCache<string>(0);
    const source = controlledLoad<string>();
    const missing = cache.getOrLoad('k', source.load);
    source.finish(undefined);
    expect(await missing).toBeUndefined();
    const failing = cache.getOrLoad('k', source.load);
    source.fail(new Error('database down'));
    await expect(failing).rejects.toThrow('database down');
    const expiring = cache.getOrLoad('k', source.load);
    source.finish('value');
    expect(await expiring).toBe('value');
    const again = cache.getOrLoad('k', source.load);
    source.finish('newer');
    expect(await again).toBe('newer');
    expect(source.calls()).toBe(4);
  });

  it('does not keep what a load begun before clear() found', async () => {
    const cache = new TtlCache<string>(60_000);
    const before = controlledLoad<string>();
    const loading = cache.getOrLoad('k', before.load);
    cache.clear();
    before.finish('revoked');
    expect(await loading).toBe('revoked');
    const after = controlledLoad<string>();
    const reloaded = cache.getOrLoad('k', after.load);
    after.finish('current');
    expect(await reloaded).toBe('current');
    expect(after.calls()).toBe(1);
  });
});
