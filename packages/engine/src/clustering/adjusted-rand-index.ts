import { EngineError } from '../errors.ts';

/**
 * Adjusted Rand index (Hubert & Arabie 1985) between two labelings of the same points: 1 for
 * identical partitions (label values themselves do not matter), about 0 for independent ones,
 * negative when worse than chance. Two identical trivial partitions (one cluster, or all
 * singletons) score 1, as in scikit-learn.
 *
 * @param truth - `[n]` labels, any integers
 * @param predicted - `[n]` labels, any integers
 * @example
 * adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0]); // 1
 */
export function adjustedRandIndex(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const n = truth.length;
  if (predicted.length !== n) {
    throw new EngineError(
      'shape_mismatch',
      `predicted: has ${predicted.length} labels, truth has ${n}`,
      ['predicted'],
    );
  }
  const truthIds = compactLabels(truth);
  const predictedIds = compactLabels(predicted);
  const truthSizes = new Float64Array(truthIds.count);
  const predictedSizes = new Float64Array(predictedIds.count);
  const cells = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const a = truthIds.ids[i]!;
    const b = predictedIds.ids[i]!;
    truthSizes[a]! += 1;
    predictedSizes[b]! += 1;
    const key = a * predictedIds.count + b;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  let index = 0;
  for (const size of cells.values()) index += pairs(size);
  let truthPairs = 0;
  for (const size of truthSizes) truthPairs += pairs(size);
  let predictedPairs = 0;
  for (const size of predictedSizes) predictedPairs += pairs(size);
  const expected = n < 2 ? 0 : (truthPairs * predictedPairs) / pairs(n);
  const maximum = (truthPairs + predictedPairs) / 2;
  // Zero only when both partitions are the same trivial one (or n < 2): a perfect match.
  if (maximum - expected === 0) return 1;
  return (index - expected) / (maximum - expected);
}

function pairs(size: number): number {
  return (size * (size - 1)) / 2;
}

function compactLabels(labels: ArrayLike<number>): { ids: Int32Array; count: number } {
  const ids = new Int32Array(labels.length);
  const seen = new Map<number, number>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    let id = seen.get(label);
    if (id === undefined) {
      id = seen.size;
      seen.set(label, id);
    }
    ids[i] = id;
  }
  return { ids, count: seen.size };
}
