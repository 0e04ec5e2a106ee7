import type { components } from '../api/client.ts';
import { formatNumber } from '../format.ts';

type ClusterRun = components['schemas']['ClusterRun'];
type FeatureSummary = components['schemas']['FeatureSummary'];

/**
 * How many customers a clustering run left out, as its job reported when it finished
 * (`result.skipped`: customers without a number in one of the chosen features). `undefined`
 * when the job's result does not say (an older run, a job no longer kept).
 */
export function skippedOf(jobResult: unknown): number | undefined {
  if (typeof jobResult !== 'object' || jobResult === null) return undefined;
  const skipped = (jobResult as { skipped?: unknown }).skipped;
  return typeof skipped === 'number' && Number.isInteger(skipped) && skipped >= 0
    ? skipped
    : undefined;
}

/**
 * The chosen features some customers have no number in, as the feature summary counts them,
 * when that summary describes what the run read: every customer (not a sample) as of the
 * same feature cut-off. Empty when it cannot be told.
 */
export function featuresWithGaps(
  run: Pick<ClusterRun, 'featureNames' | 'featuresAsOf'>,
  summary: Pick<FeatureSummary, 'sample' | 'featuresAsOf' | 'columns'> | null,
): string[] {
  if (summary === null || summary.sample !== null) return [];
  if (run.featuresAsOf === null || summary.featuresAsOf === null) return [];
  if (Date.parse(run.featuresAsOf) !== Date.parse(summary.featuresAsOf)) return [];
  return run.featureNames.filter((name) => {
    const columns = summary.columns.filter((c) => c.name === name);
    // A name both computed and an attribute: a customer lacks it only if both are missing.
    return columns.length > 0 && columns.every((c) => c.missing > 0);
  });
}

/**
 * The line saying whom a run clustered and whom it left out, and why as far as it is known.
 *
 * @example runCoverage({ customerCount: 4338, … }, 1, ['recency_days'])
 * // '4,338 customers clustered; 1 left out (no value in recency_days).'
 */
export function runCoverage(
  run: Pick<ClusterRun, 'customerCount'>,
  skipped: number | undefined,
  gaps: readonly string[],
): string {
  const clustered = `${formatNumber(run.customerCount)} customer${run.customerCount === 1 ? '' : 's'} clustered`;
  if (skipped === undefined) return `${clustered}.`;
  if (skipped === 0) return `${clustered}; none left out.`;
  const why =
    gaps.length === 0
      ? 'no value in at least one of the chosen features'
      : `no value in ${gaps.length === 1 ? gaps[0] : `${gaps.slice(0, -1).join(', ')} or ${gaps.at(-1)}`}`;
  return `${clustered}; ${formatNumber(skipped)} left out (${why}).`;
}
