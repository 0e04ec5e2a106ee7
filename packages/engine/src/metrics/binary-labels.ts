import { EngineError } from '../errors.ts';

/**
 * Checks that `probabilities` and `labels` describe the same rows and hold usable values:
 * probabilities in [0, 1] (or any finite score when `scoresOnly`), labels 0 or 1.
 *
 * @param probabilities - `[rows]`
 * @param labels - `[rows]` 0 = negative, 1 = positive
 */
export function checkBinaryInputs(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  options: { scoresOnly?: boolean } = {},
): void {
  if (probabilities.length !== labels.length) {
    throw new EngineError(
      'shape_mismatch',
      `got ${probabilities.length} predictions for ${labels.length} labels`,
    );
  }
  if (labels.length === 0) throw new EngineError('empty_input', 'no rows to evaluate');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (label !== 0 && label !== 1) {
      throw new EngineError('invalid_argument', `labels[${i}]: must be 0 or 1, got ${label}`, [
        'labels',
        i,
      ]);
    }
    const p = probabilities[i]!;
    if (!Number.isFinite(p) || (!options.scoresOnly && (p < 0 || p > 1))) {
      throw new EngineError(
        'invalid_argument',
        `probabilities[${i}]: must be ${options.scoresOnly ? 'finite' : 'in [0, 1]'}, got ${p}`,
        ['probabilities', i],
      );
    }
  }
}

/** Number of positive labels. */
export function countPositives(labels: ArrayLike<number>): number {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i]!;
  return positives;
}

/** Row indices ordered by score, highest first; ties keep row order (a stable sort). */
export function indicesByScoreDescending(scores: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i);
  return order.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/**
 * Keeps at most `maxPoints` of a curve for plotting: the first and last point always, and
 * evenly spaced points between. A curve already short enough is returned as is.
 */
export function thinCurve<T>(points: readonly T[], maxPoints: number): T[] {
  if (points.length <= maxPoints || maxPoints < 2) return [...points];
  const out: T[] = [];
  const step = (points.length - 1) / (maxPoints - 1);
  for (let k = 0; k < maxPoints; k++) out.push(points[Math.round(k * step)]!);
  return out;
}
