import type { components } from '../api/client.ts';
import { formatNumber } from '../format.ts';

type ClusterRun = components['schemas']['ClusterRun'];

/**
 * The line saying whom a run clustered and whom it left out for lacking a chosen feature,
 * as the run recorded it (runs stored before that was recorded say only whom they clustered).
 *
 * @example runCoverage({ customerCount: 4338, featureNames: ['recency_days', 'frequency'],
 *   leftOut: { customers: 1, missingByFeature: { recency_days: 1, frequency: 0 } } })
 * // '4,338 customers clustered; 1 left out (no value in recency_days).'
 */
export function runCoverage(
  run: Pick<ClusterRun, 'customerCount' | 'featureNames' | 'leftOut'>,
): string {
  const { customerCount, leftOut } = run;
  const clustered = `${formatNumber(customerCount)} customer${customerCount === 1 ? '' : 's'} clustered`;
  if (leftOut === null) return `${clustered}.`;
  if (leftOut.customers === 0) return `${clustered}; none left out.`;
  // In the run's own feature order: the stored counts' key order is not kept.
  const gaps = run.featureNames.filter((name) => (leftOut.missingByFeature[name] ?? 0) > 0);
  const why =
    gaps.length === 1
      ? `no value in ${gaps[0]}`
      : `no value in ${gaps.map((name) => `${name} for ${formatNumber(leftOut.missingByFeature[name]!)}`).join(', in ')}`;
  return `${clustered}; ${formatNumber(leftOut.customers)} left out (${why}).`;
}
