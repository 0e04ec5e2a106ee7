import { describe, expect, it } from 'vitest';
import { createRng } from '../random/prng.ts';
import { CompensatedSum } from './compensated-sum.ts';

function sumOf(terms: readonly number[]): number {
  const total = new CompensatedSum();
  for (const term of terms) total.add(term);
  return total.value();
}

describe('CompensatedSum', () => {
  it('gives the correctly rounded sum where plain addition does not', () => {
    expect(0.1 + 0.2 + 0.3).not.toBe(0.6);
    expect(sumOf([0.1, 0.2, 0.3])).toBe(0.6);
    // A small term lost entirely by plain addition next to large ones.
    expect(1e16 + 1 - 1e16).toBe(0);
    expect(sumOf([1e16, 1, -1e16])).toBe(1);
  });

  it('gives the same sum in any order of the terms', () => {
    const rng = createRng(3);
    const amounts = Array.from({ length: 500 }, () => Math.round(rng.nextFloat() * 100_000) / 100);
    const reversed = sumOf(amounts.toReversed());
    const sorted = sumOf(amounts.toSorted((a, b) => a - b));
    expect(sumOf(amounts)).toBe(reversed);
    expect(sumOf(amounts)).toBe(sorted);
  });

  it('starts again from zero after reset', () => {
    const total = new CompensatedSum();
    total.add(5.5);
    total.reset();
    total.add(0.25);
    expect(total.value()).toBe(0.25);
  });
});
