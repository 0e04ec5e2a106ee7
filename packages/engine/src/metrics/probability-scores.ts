import { checkBinaryInputs } from './binary-labels.ts';

/**
 * Brier score: mean of (p − y)². 0 is perfect; always predicting the prevalence π scores
 * π(1 − π).
 *
 * @example
 * brierScore([0.8, 0.3], [1, 0]); // (0.04 + 0.09) / 2 = 0.065
 */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkBinaryInputs(probabilities, labels);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) sum += (probabilities[i]! - labels[i]!) ** 2;
  return sum / labels.length;
}

/**
 * Mean negative log-likelihood (natural log). Probabilities are clipped to [ε, 1 − ε] so one
 * confident mistake gives a large finite loss instead of Infinity.
 *
 * @param epsilon - @default 1e-15
 */
export function logLoss(
  probabilities: ArrayLike<number>,
  labels: ArrayLike<number>,
  epsilon = 1e-15,
): number {
  checkBinaryInputs(probabilities, labels);
  let sum = 0;
  for (let i = 0; i < labels.length; i++) {
    const p = Math.min(1 - epsilon, Math.max(epsilon, probabilities[i]!));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / labels.length;
}
