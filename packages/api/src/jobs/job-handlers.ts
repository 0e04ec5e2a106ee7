import { clusterRunJob } from '../clusters/cluster-run.job.ts';
import { churnScoreJob } from '../churn/churn-score.job.ts';
import { churnSuggestionProvider } from '../churn/churn-suggestions.ts';
import { churnTrainJob } from '../churn/churn-train.job.ts';
import { clusterSuggestionProvider } from '../clusters/cluster-suggestions.ts';
import { featureRefreshJob } from '../features/feature-refresh.job.ts';
import { ruleSuggestionProvider } from '../rules/rule-suggestions.ts';
import { segmentSnapshotJob } from '../segments/segment-snapshot.job.ts';
import { createSuggestJob } from '../suggestions/suggest.job.ts';
import type { SuggestionProvider } from '../suggestions/suggestion-source.ts';
import { JobRegistry } from './job-registry.ts';

/** Every source of suggestions the `suggest` job asks, in this order. */
export const SUGGESTION_PROVIDERS: readonly SuggestionProvider[] = [
  clusterSuggestionProvider,
  churnSuggestionProvider,
  ruleSuggestionProvider,
];

/**
 * The registry of every production job kind; serve and worker both use it. Later features
 * (clustering runs, churn training, scoring) add one `register` line here.
 */
export function createJobRegistry(): JobRegistry {
  return new JobRegistry()
    .register(featureRefreshJob)
    .register(clusterRunJob)
    .register(createSuggestJob(SUGGESTION_PROVIDERS))
    .register(churnTrainJob)
    .register(churnScoreJob)
    .register(segmentSnapshotJob);
}
