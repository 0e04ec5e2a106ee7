import type { components } from '../api/client.ts';
import {
  formatCount,
  formatDateTime,
  formatMetric,
  formatNumber,
  formatPercent,
} from '../format.ts';

type FeatureSummary = components['schemas']['FeatureSummary'];
type ClusterRun = components['schemas']['ClusterRunSummary'];
type ChurnModel = components['schemas']['ChurnModel'];
type Job = components['schemas']['Job'];

/**
 * How current the customers' features are: their cut-off, and how many wait for a refresh.
 * A workspace of customer attributes alone (no events) is described by its attribute columns.
 */
export function featureFreshness(
  summary: Pick<FeatureSummary, 'customers' | 'withFeatures' | 'staleFeatures' | 'featuresAsOf'> & {
    readonly columns: readonly Pick<FeatureSummary['columns'][number], 'source'>[];
  },
): string {
  if (summary.customers === 0) return 'No customers yet: import customers or events.';
  if (summary.withFeatures === 0) {
    const attributes = summary.columns.filter((column) => column.source === 'attribute').length;
    return attributes === 0
      ? 'No features computed yet: refresh features.'
      : `${formatCount(attributes, 'attribute column')}; no features computed from events`;
  }
  const asOf = `features as of ${formatDateTime(summary.featuresAsOf)}`;
  const missing = summary.customers - summary.withFeatures;
  const notes = [
    ...(missing > 0 ? [`${formatNumber(missing)} without features`] : []),
    ...(summary.staleFeatures > 0 ? [`${formatNumber(summary.staleFeatures)} stale`] : []),
  ];
  return notes.length === 0 ? asOf : `${asOf}; ${notes.join(', ')}: refresh features`;
}

/** A card's headline figure and the line that explains it. */
export interface Headline {
  readonly figure: string;
  readonly detail: string;
}

/** Customers holding a current tag: the share, then how many of how many. */
export function taggedShare(tagged: number, customers: number): Headline {
  return {
    figure: customers === 0 ? '–' : formatPercent(tagged / customers),
    detail: `${formatNumber(tagged)} of ${formatNumber(customers)} customers hold at least one tag`,
  };
}

/** The newest clustering run: its k, then its features, customers and when it ran. */
export function clusteringHeadline(
  run: Pick<ClusterRun, 'k' | 'featureNames' | 'customerCount' | 'createdAt'>,
): Headline {
  return {
    figure: `k = ${run.k}`,
    detail: `on ${formatCount(run.featureNames.length, 'feature')}, ${formatCount(run.customerCount, 'customer')} · ${formatDateTime(run.createdAt)}`,
  };
}

/** The active churn model: its held-out quality, then version, classifier and age. */
export function churnModelHeadline(
  model: Pick<ChurnModel, 'version' | 'classifier' | 'heldout' | 'activatedAt' | 'createdAt'>,
): Headline {
  const metric = model.heldout.metric === 'roc_auc' ? 'ROC-AUC' : model.heldout.metric;
  return {
    figure: `${metric} ${formatMetric(model.heldout.value)}`,
    detail: `v${model.version} (${model.classifier}) · active since ${formatDateTime(model.activatedAt ?? model.createdAt)}`,
  };
}

/** A queued or running job for people: its kind, and where it is. */
export function jobLine(job: Pick<Job, 'kind' | 'status' | 'progress' | 'message'>): string {
  if (job.status === 'queued') return `${job.kind}: queued`;
  const message = job.message === null || job.message === '' ? '' : ` · ${job.message}`;
  return `${job.kind}: ${formatPercent(job.progress)}${message}`;
}
