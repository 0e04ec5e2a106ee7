import { waitForJob, type E2eServer } from './server.ts';

interface SuggestionJson {
  id: string;
}

/** What `tagSeededWorkspace` made. */
export interface TaggedWorkspace {
  /** The tag naming the first cluster of the run. */
  readonly clusterTag: string;
  readonly accepted: number;
  readonly rejected: number;
}

/**
 * Gives the seeded workspace tags the way operators would, through the API: a k = 3 run on
 * RFM features, its cluster 0 named as a tag, suggestions from clusters and the default
 * rule tables, every rule suggestion accepted in bulk, and the cluster suggestions decided
 * one by one, every third rejected, so the reliability table has both outcomes.
 */
export async function tagSeededWorkspace(
  server: E2eServer,
  workspace: string,
): Promise<TaggedWorkspace> {
  const base = `/v1/workspaces/${workspace}`;
  const run = await waitForJob(
    server,
    workspace,
    await server.api('POST', `${base}/cluster-runs`, {
      featureNames: ['recency_days', 'frequency', 'monetary'],
      scaling: 'log1p',
      k: 3,
      seed: 1,
    }),
  );
  const runId = run.result?.runId as string;
  const clusterTag = 'steady-buyers';
  await server.api('POST', `${base}/cluster-runs/${runId}/clusters/0/tag`, {
    slug: clusterTag,
    displayName: 'Steady buyers',
    category: 'behaviour',
  });
  await waitForJob(
    server,
    workspace,
    await server.api('POST', `${base}/suggestions/generate`, { sources: ['cluster', 'rule'] }),
  );
  await server.api('POST', `${base}/suggestions/decide`, {
    decision: 'accept',
    filter: { source: 'rule' },
    dryRun: false,
  });
  const pending = await server.api<{ items: SuggestionJson[] }>(
    'GET',
    `${base}/suggestions?status=pending&source=cluster&limit=500`,
  );
  let accepted = 0;
  for (const [index, suggestion] of pending.items.entries()) {
    const decision = index % 3 === 2 ? 'reject' : 'accept';
    await server.api('POST', `${base}/suggestions/${suggestion.id}/${decision}`, {});
    if (decision === 'accept') accepted++;
  }
  return { clusterTag, accepted, rejected: pending.items.length - accepted };
}
