import { describe, expect, it } from 'vitest';
import { createTurnTaker } from './turns.ts';

/** Whether work queued on the event loop before `call` has run when `call` settles. */
async function queuedWorkRanDuring(call: () => Promise<void>): Promise<boolean> {
  let ran = false;
  setImmediate(() => {
    ran = true;
  });
  await call();
  return ran;
}

describe('createTurnTaker', () => {
  it('gives the event loop a turn once the interval has passed', async () => {
    const takeTurn = createTurnTaker(0);
    expect(await queuedWorkRanDuring(takeTurn)).toBe(true);
  });

  it('returns at once, without a turn, within the interval', async () => {
    const takeTurn = createTurnTaker(60_000);
    expect(await queuedWorkRanDuring(takeTurn)).toBe(false);
  });
});
