import { unwrap, type ApiClient, type components } from './client.ts';

export type ChurnModel = components['schemas']['ChurnModel'];
export type ChurnModelDetail = components['schemas']['ChurnModelDetail'];

const cache = new Map<string, Promise<ChurnModelDetail>>();

/** A churn model with its evaluation, fetched once per page load (`forget` after activating). */
export function loadChurnModel(
  api: ApiClient,
  workspace: string,
  modelId: string,
): Promise<ChurnModelDetail> {
  const key = `${workspace}/${modelId}`;
  let model = cache.get(key);
  if (model === undefined) {
    model = unwrap(
      api.GET('/v1/workspaces/{workspace}/churn/models/{modelId}', {
        params: { path: { workspace, modelId } },
      }),
    );
    model.catch(() => cache.delete(key));
    cache.set(key, model);
  }
  return model;
}

export function forgetChurnModel(workspace: string, modelId: string): void {
  cache.delete(`${workspace}/${modelId}`);
}

/** The workspace's active churn model, if any. */
export async function activeChurnModel(
  api: ApiClient,
  workspace: string,
): Promise<ChurnModel | null> {
  const page = await unwrap(
    api.GET('/v1/workspaces/{workspace}/churn/models', {
      params: { path: { workspace }, query: { status: 'active', limit: 1 } },
    }),
  );
  return page.items[0] ?? null;
}
