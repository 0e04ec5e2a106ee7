/** A point of a precision–recall curve as the API sends it (thresholds descending). */
export interface PrPoint {
  readonly recall: number;
  readonly precision: number;
}

/**
 * The points of a precision–recall curve to plot. The API lists one point per threshold;
 * when the highest-scored customer did not churn, its point reads recall 0, precision 0 —
 * no customer found yet, so no precision at all — and plotted it is a spike down to zero at
 * the left edge. Such points are dropped and the curve starts at recall 0 with the precision
 * of its first real point (the step the average precision is computed with).
 *
 * @example
 * prCurveForPlot([{ recall: 0, precision: 0 }, { recall: 0.1, precision: 0.5 }]);
 * // [{ recall: 0, precision: 0.5 }, { recall: 0.1, precision: 0.5 }]
 */
export function prCurveForPlot<T extends PrPoint>(points: readonly T[]): PrPoint[] {
  const real = points.filter((p) => p.recall > 0);
  const first = real[0];
  if (first === undefined) return [];
  return [{ recall: 0, precision: first.precision }, ...real];
}
