import { EngineError, requireArgument } from '../errors.ts';

export type CalibrationMethod = 'platt' | 'isotonic';

/** Platt scaling: p = 1 / (1 + exp(−(a·score + b))). */
export interface PlattCalibrator {
  readonly method: 'platt';
  readonly a: number;
  readonly b: number;
}

/**
 * Isotonic regression as a monotone step function over score blocks; between two blocks the
 * probability is interpolated linearly, outside them it is held at the end values.
 */
export interface IsotonicCalibrator {
  readonly method: 'isotonic';
  /** `[blocks]` lowest and highest score of each block, ascending */
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** `[blocks]` fitted probability, non-decreasing */
  readonly value: readonly number[];
}

/** A fitted score → probability map, JSON-serialisable. */
export type Calibrator = PlattCalibrator | IsotonicCalibrator;

function checkInputs(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (scores.length !== labels.length) {
    throw new EngineError(
      'shape_mismatch',
      `got ${scores.length} scores for ${labels.length} labels`,
    );
  }
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    requireArgument(labels[i] === 0 || labels[i] === 1, `labels[${i}]`, 'must be 0 or 1');
    requireArgument(Number.isFinite(scores[i]!), `scores[${i}]`, 'must be finite');
    positives += labels[i]!;
  }
  if (positives === 0 || positives === labels.length) {
    throw new EngineError(
      'degenerate_data',
      `calibration needs both classes; got ${positives} positives in ${labels.length} rows`,
    );
  }
  return positives;
}

/**
 * Fits Platt scaling by Newton's method with backtracking on the regularised targets of
 * Platt (1999) — (n₊ + 1)/(n₊ + 2) for positives, 1/(n₋ + 2) for negatives — which keep the
 * fit finite even when the scores separate the classes.
 *
 * @param scores - `[rows]` uncalibrated scores (logits), from rows the model did not train on
 * @param labels - `[rows]` 0/1
 */
export function fitPlatt(scores: ArrayLike<number>, labels: ArrayLike<number>): PlattCalibrator {
  const positives = checkInputs(scores, labels);
  const n = labels.length;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (n - positives + 2);
  const target = Float64Array.from({ length: n }, (_, i) => (labels[i] === 1 ? hi : lo));
  const objective = (a: number, b: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const z = a * scores[i]! + b;
      // −[t log σ(z) + (1 − t) log(1 − σ(z))] = log(1 + e^z) − t z, computed stably
      sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - target[i]! * z;
    }
    return sum;
  };
  let a = 1;
  let b = Math.log((positives + 1) / (n - positives + 1));
  let current = objective(a, b);
  for (let iteration = 0; iteration < 100; iteration++) {
    let gA = 0;
    let gB = 0;
    let hAA = 1e-12;
    let hAB = 0;
    let hBB = 1e-12;
    for (let i = 0; i < n; i++) {
      const s = scores[i]!;
      const p = 1 / (1 + Math.exp(-(a * s + b)));
      const d = p - target[i]!;
      const w = p * (1 - p);
      gA += d * s;
      gB += d;
      hAA += w * s * s;
      hAB += w * s;
      hBB += w;
    }
    const det = hAA * hBB - hAB * hAB;
    if (Math.abs(gA) + Math.abs(gB) < 1e-9 * n || det <= 0) break;
    const stepA = (hBB * gA - hAB * gB) / det;
    const stepB = (hAA * gB - hAB * gA) / det;
    let scale = 1;
    let next = objective(a - stepA, b - stepB);
    while (next > current && scale > 1e-8) {
      scale /= 2;
      next = objective(a - scale * stepA, b - scale * stepB);
    }
    a -= scale * stepA;
    b -= scale * stepB;
    const improvement = current - next;
    current = next;
    if (improvement < 1e-12 * n) break;
  }
  return { method: 'platt', a, b };
}

/**
 * Fits isotonic regression by pool-adjacent-violators on scores sorted ascending (equal
 * scores pooled first, so ties always get one value).
 */
export function fitIsotonic(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): IsotonicCalibrator {
  checkInputs(scores, labels);
  const order = Int32Array.from({ length: scores.length }, (_, i) => i).sort(
    (x, y) => scores[x]! - scores[y]!,
  );
  const lower: number[] = [];
  const upper: number[] = [];
  const sum: number[] = [];
  const weight: number[] = [];
  for (let k = 0; k < order.length;) {
    const s = scores[order[k]!]!;
    let total = 0;
    let count = 0;
    while (k < order.length && scores[order[k]!] === s) {
      total += labels[order[k]!]!;
      count++;
      k++;
    }
    lower.push(s);
    upper.push(s);
    sum.push(total);
    weight.push(count);
    // Merge backwards while the new block's mean undercuts the previous one.
    while (sum.length > 1) {
      const last = sum.length - 1;
      if (sum[last - 1]! / weight[last - 1]! <= sum[last]! / weight[last]!) break;
      sum[last - 1]! += sum[last]!;
      weight[last - 1]! += weight[last]!;
      upper[last - 1] = upper[last]!;
      lower.pop();
      upper.pop();
      sum.pop();
      weight.pop();
    }
  }
  return { method: 'isotonic', lower, upper, value: sum.map((s, i) => s / weight[i]!) };
}

/** Fits the chosen calibrator. */
export function fitCalibrator(
  method: CalibrationMethod,
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): Calibrator {
  requireArgument(
    method === 'platt' || method === 'isotonic',
    'calibration',
    `unknown method "${String(method)}"`,
  );
  return method === 'platt' ? fitPlatt(scores, labels) : fitIsotonic(scores, labels);
}

/** Smallest distance from 0 and 1 an isotonic probability is clipped to, so log loss stays finite. */
const ISOTONIC_FLOOR = 1e-4;

/** The calibrated probability of one score. */
export function calibrate(calibrator: Calibrator, score: number): number {
  if (calibrator.method === 'platt')
    return 1 / (1 + Math.exp(-(calibrator.a * score + calibrator.b)));
  const { lower, upper, value } = calibrator;
  let p: number;
  if (score <= upper[0]!) p = value[0]!;
  else if (score >= lower[lower.length - 1]!) p = value[value.length - 1]!;
  else {
    // last block whose lower bound is <= score
    let lo = 0;
    let hi = lower.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lower[mid]! <= score) lo = mid;
      else hi = mid - 1;
    }
    if (score <= upper[lo]!) p = value[lo]!;
    else {
      const t = (score - upper[lo]!) / (lower[lo + 1]! - upper[lo]!);
      p = value[lo]! + t * (value[lo + 1]! - value[lo]!);
    }
  }
  return Math.min(1 - ISOTONIC_FLOOR, Math.max(ISOTONIC_FLOOR, p));
}

/** Calibrated probabilities `[rows]` of `scores` `[rows]`. */
export function calibrateAll(calibrator: Calibrator, scores: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: scores.length }, (_, i) => calibrate(calibrator, scores[i]!));
}
