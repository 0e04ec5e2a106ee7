import { unwrap, type ApiClient, type components } from './client.ts';

export type ClusterRun = components['schemas']['ClusterRun'];

const cache = new Map<string, Promise<ClusterRun>>();

/**
 * A clustering run, fetched once per page load (runs do not change, except their cluster
 * names: `forgetClusterRun` after naming one). Cluster and Profiles cells share it.
 */
export function loadClusterRun(
  api: ApiClient,
  workspace: string,
  runId: string,
): Promise<ClusterRun> {
  const key = `${workspace}/${runId}`;
  let run = cache.get(key);
  if (run === undefined) {
    run = unwrap(
      api.GET('/v1/workspaces/{workspace}/cluster-runs/{runId}', {
        params: { path: { workspace, runId } },
      }),
    );
    run.catch(() => cache.delete(key));
    cache.set(key, run);
  }
  return run;
}

export function forgetClusterRun(workspace: string, runId: string): void {
  cache.delete(`${workspace}/${runId}`);
}
