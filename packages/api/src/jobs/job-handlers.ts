import { clusterRunJob } from '../clusters/cluster-run.job.ts';
import { churnScoreJob } from '../churn/churn-score.job.ts';
import { churnTrainJob } from '../churn/churn-train.job.ts';
import { featureRefreshJob } from '../features/feature-refresh.job.ts';
import { JobRegistry } from './job-registry.ts';

/**
 * The registry of every production job kind; serve and worker both use it. Later features
 * (clustering runs, churn training, scoring) add one `register` line here.
 */
export function createJobRegistry(): JobRegistry {
  return new JobRegistry()
    .register(featureRefreshJob)
    .register(clusterRunJob)
    .register(churnTrainJob)
    .register(churnScoreJob);
}
