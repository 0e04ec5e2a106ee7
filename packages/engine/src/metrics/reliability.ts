import { requireArgument } from '../errors.ts';
import { checkBinaryInputs } from './binary-labels.ts';

/** One bin of a reliability diagram; empty bins are kept with `count` 0 and NaN means. */
export interface ReliabilityBin {
  /** 0-based bin number. */
  readonly bin: number;
  /** The bin covers [lower, upper) — the last bin includes 1. */
  readonly lower: number;
  readonly upper: number;
  readonly meanPredicted: number;
  readonly observedRate: number;
  readonly count: number;
}

/**
 * Reliability table over `bins` equal-width probability bins: in each bin, the mean predicted
 * probability next to the observed positive rate. A calibrated model has them equal.
 *
 * @param bins - @default 10
 */
export function reliabilityTable(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): ReliabilityBin[] {
  checkBinaryInputs(probabilities, labels);
  requireArgument(
    Number.isInteger(bins) && bins >= 1,
    'bins',
    `must be an integer >= 1, got ${bins}`,
  );
  const sums = new Float64Array(bins);
  const positives = new Float64Array(bins);
  const counts = new Int32Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i]!;
    const b = Math.min(bins - 1, Math.floor(p * bins));
    sums[b]! += p;
    positives[b]! += labels[i]!;
    counts[b]!++;
  }
  return Array.from({ length: bins }, (_, b) => ({
    bin: b,
    lower: b / bins,
    upper: (b + 1) / bins,
    meanPredicted: counts[b]! > 0 ? sums[b]! / counts[b]! : Number.NaN,
    observedRate: counts[b]! > 0 ? positives[b]! / counts[b]! : Number.NaN,
    count: counts[b]!,
  }));
}

/**
 * Expected calibration error: Σ (countᵦ / n) · |meanPredictedᵦ − observedRateᵦ| over the
 * equal-width bins of `reliabilityTable`.
 *
 * @param bins - @default 10
 * @example
 * expectedCalibrationError([0.2, 0.2, 0.9, 0.9], [0, 1, 1, 1]); // 0.5·|0.2−0.5| + 0.5·|0.9−1| = 0.2
 */
export function expectedCalibrationError(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  bins = 10,
): number {
  let ece = 0;
  for (const bin of reliabilityTable(probabilities, labels, bins)) {
    if (bin.count > 0) {
      ece += (bin.count / labels.length) * Math.abs(bin.meanPredicted - bin.observedRate);
    }
  }
  return ece;
}
