import { requireArgument } from '../errors.ts';

/**
 * Named probability bands: `labels[i]` covers [thresholds[i − 1], thresholds[i]), the first
 * from 0, the last up to and including 1.
 */
export interface RiskBands {
  /** Ascending, strictly inside (0, 1). */
  readonly thresholds: readonly number[];
  /** One more than `thresholds`. */
  readonly labels: readonly string[];
}

/** low < 0.3 ≤ medium < 0.6 ≤ high */
export const DEFAULT_RISK_BANDS: RiskBands = {
  thresholds: [0.3, 0.6],
  labels: ['low', 'medium', 'high'],
};

/** Throws `invalid_argument` naming what is wrong with `bands`. */
export function validateRiskBands(bands: RiskBands): RiskBands {
  const { thresholds, labels } = bands;
  requireArgument(
    labels.length === thresholds.length + 1,
    'riskBands.labels',
    `need ${thresholds.length + 1} labels for ${thresholds.length} thresholds, got ${labels.length}`,
  );
  thresholds.forEach((t, i) => {
    requireArgument(t > 0 && t < 1, `riskBands.thresholds[${i}]`, `must be in (0, 1), got ${t}`);
    if (i > 0)
      requireArgument(
        t > thresholds[i - 1]!,
        `riskBands.thresholds[${i}]`,
        'thresholds must increase',
      );
  });
  requireArgument(
    new Set(labels).size === labels.length && labels.every((l) => l.trim() !== ''),
    'riskBands.labels',
    'labels must be distinct and non-empty',
  );
  return { thresholds: [...thresholds], labels: [...labels] };
}

/** The band of probability `p`. */
export function riskBand(bands: RiskBands, p: number): string {
  let i = 0;
  while (i < bands.thresholds.length && p >= bands.thresholds[i]!) i++;
  return bands.labels[i]!;
}
