import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, SaveConflict, type SaveState } from './autosave.ts';

describe('Autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(save: () => Promise<void>) {
    const states: SaveState['kind'][] = [];
    const saver = new Autosaver({
      save,
      onState: (s) => states.push(s.kind),
      delayMs: 500,
      describe: (e) => String(e),
    });
    return { saver, states };
  }

  it('saves once after changes stop', async () => {
    const save = vi.fn(async () => {});
    const { saver, states } = setup(save);
    saver.changed();
    await vi.advanceTimersByTimeAsync(300);
    saver.changed();
    await vi.advanceTimersByTimeAsync(300);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(300);
    expect(save).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toBe('saved');
    expect(saver.dirty).toBe(false);
  });

  it('saves changes made during a save right after it, never two at once', async () => {
    let release: () => void = () => {};
    let inFlight = 0;
    let most = 0;
    const save = vi.fn(
      () =>
        new Promise<void>((resolve) => {
          inFlight++;
          most = Math.max(most, inFlight);
          release = () => {
            inFlight--;
            resolve();
          };
        }),
    );
    const { saver } = setup(save);
    saver.changed();
    await vi.advanceTimersByTimeAsync(500);
    saver.changed();
    const flushing = saver.flush();
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await flushing;
    expect(save).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });

  it('stops on a conflict until resumed, keeping the change', async () => {
    const save = vi
      .fn<() => Promise<void>>()
      .mockRejectedValueOnce(new SaveConflict('v2 by someone'))
      .mockResolvedValue();
    const { saver, states } = setup(save);
    saver.changed();
    await vi.advanceTimersByTimeAsync(500);
    expect(states.at(-1)).toBe('conflict');
    saver.changed();
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saver.dirty).toBe(true);
    await saver.resume();
    expect(save).toHaveBeenCalledTimes(2);
    expect(states.at(-1)).toBe('saved');
  });
});
