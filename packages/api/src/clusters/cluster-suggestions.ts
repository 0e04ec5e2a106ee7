import type { Factor } from '@tagwise/engine';
import { factorText } from '../suggestions/factor-text.ts';
import type { StoredCandidate, SuggestionProvider } from '../suggestions/suggestion-source.ts';
import {
  findActiveClusterRuns,
  findClusterTags,
  listClusterMembers,
} from './cluster-run.repository.ts';
import type { StoredProfiles } from './cluster-run.table.ts';
import { numericValue } from './customer-feature-values.ts';

/** Members read per query. */
const BATCH = 1000;

/**
 * Cluster suggestions: for every named cluster of each active run (one per feature set),
 * its tag for each member, with the membership probability as confidence, the run id as
 * source version, and the cluster's distinguishing features with the member's own values
 * (contribution = the member's z-score against the population).
 */
export const clusterSuggestionProvider: SuggestionProvider = {
  source: 'cluster',
  async *candidates({ db, workspaceId, signal }) {
    for (const run of await findActiveClusterRuns(db, workspaceId)) {
      const names = await findClusterTags(db, [run.id]);
      for (const name of names) {
        const profile = run.profiles.clusters.find((c) => c.cluster === name.cluster);
        const distinguishing = profile?.distinguishing ?? [];
        let afterCustomerId: number | undefined;
        while (!signal.aborted) {
          const members = await listClusterMembers(db, run.id, name.cluster, {
            afterCustomerId,
            limit: BATCH,
          });
          if (members.length === 0) break;
          yield members.map((member): StoredCandidate => {
            const factors = distinguishing.flatMap((feature): Factor[] => {
              const value = numericValue(member.features, member.attributes, feature.name);
              if (value === undefined) return [];
              return [
                {
                  feature: feature.name,
                  value,
                  contribution: zScore(run.profiles, feature.name, value),
                },
              ];
            });
            return {
              customerId: member.customer_id,
              tagSlug: name.slug,
              source: 'cluster',
              sourceVersion: run.id,
              confidence: member.confidence,
              factors,
              explanation: `Member of cluster ${name.cluster} ("${name.display_name}") with membership probability ${Math.round(member.confidence * 100)}%${
                factors.length === 0
                  ? ''
                  : `; ${factors.map((f) => factorText(f.feature, f.value)).join(', ')}`
              }.`,
            };
          });
          afterCustomerId = members[members.length - 1]!.customer_id;
          if (members.length < BATCH) break;
        }
      }
    }
  },
};

function zScore(profiles: StoredProfiles, feature: string, value: number): number {
  const population = profiles.population.find((p) => p.name === feature);
  if (population === undefined || !(population.sd > 0)) return 0;
  return (value - population.mean) / population.sd;
}
