import { EngineError, requireArgument } from '../errors.ts';
import { createRng, shuffledIndices } from '../random/prng.ts';

/**
 * Assigns each row to one of `k` folds so every fold gets (as near as possible) the same
 * share of each class: each class's rows are shuffled (seeded) and dealt round-robin,
 * continuing the deal from one class to the next so fold sizes differ by at most one.
 *
 * @param labels - `[rows]` 0/1
 * @returns `[rows]` fold number in 0..k−1
 * @example
 * stratifiedFolds(Uint8Array.from([0, 0, 0, 1, 1, 1]), 3, 7); // each fold: one 0, one 1
 */
export function stratifiedFolds(labels: ArrayLike<number>, k: number, seed: number): Int32Array {
  requireArgument(Number.isInteger(k) && k >= 2, 'folds', `must be an integer >= 2, got ${k}`);
  const rng = createRng(seed);
  const folds = new Int32Array(labels.length);
  let dealt = 0;
  for (const cls of [1, 0]) {
    const members: number[] = [];
    for (let i = 0; i < labels.length; i++) if (labels[i] === cls) members.push(i);
    if (members.length < k) {
      throw new EngineError(
        'degenerate_data',
        `${k} folds need at least ${k} rows of each class; class ${cls} has ${members.length}`,
        ['folds'],
      );
    }
    const order = shuffledIndices(members.length, rng);
    for (let j = 0; j < order.length; j++) folds[members[order[j]!]!] = dealt++ % k;
  }
  return folds;
}

/** Row indices `[inFold]` and `[outOfFold]` of fold `fold`. */
export function foldIndices(
  folds: Int32Array,
  fold: number,
): { test: Int32Array; train: Int32Array } {
  const test: number[] = [];
  const train: number[] = [];
  for (let i = 0; i < folds.length; i++) (folds[i] === fold ? test : train).push(i);
  return { test: Int32Array.from(test), train: Int32Array.from(train) };
}

/**
 * A seeded stratified split of `rows` (indices into `labels`) into a part of about `fraction`
 * and the rest, each class split in that proportion.
 */
export function stratifiedSplit(
  rows: ArrayLike<number>,
  labels: ArrayLike<number>,
  fraction: number,
  seed: number,
): { held: Int32Array; kept: Int32Array } {
  requireArgument(fraction > 0 && fraction < 1, 'validationFraction', 'must be in (0, 1)');
  const rng = createRng(seed);
  const held: number[] = [];
  const kept: number[] = [];
  for (const cls of [1, 0]) {
    const members: number[] = [];
    for (let j = 0; j < rows.length; j++) if (labels[rows[j]!] === cls) members.push(rows[j]!);
    const order = shuffledIndices(members.length, rng);
    const take = Math.max(members.length > 1 ? 1 : 0, Math.round(members.length * fraction));
    order.forEach((o, j) => (j < take ? held : kept).push(members[o]!));
  }
  return {
    held: Int32Array.from(held.sort((a, b) => a - b)),
    kept: Int32Array.from(kept.sort((a, b) => a - b)),
  };
}
