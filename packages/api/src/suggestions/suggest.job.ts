import { queueSegmentSnapshots } from '../segments/segment-refresh.ts';
import { z } from 'zod';
import { routeSuggestion, type SuggestionSource } from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import type { JobHandler } from '../jobs/job-registry.ts';
import type { JsonObject } from '../jobs/job.table.ts';
import { assignCustomerTags, heldTagPairs } from '../tags/customer-tag.repository.ts';
import { findTagsBySlugs } from '../tags/tag.repository.ts';
import type { TagRow } from '../tags/tag.table.ts';
import { findSuggestionPolicy } from './suggestion-policy.repository.ts';
import type { SuggestionProvider } from './suggestion-source.ts';
import { insertSuggestions, supersedeOlderPending } from './suggestion.repository.ts';
import type { NewSuggestionRow } from './suggestion.table.ts';

const SOURCES = ['cluster', 'churn', 'rule'] as const satisfies readonly SuggestionSource[];

export const suggestParamsSchema = z
  .object({
    sources: z
      .array(z.enum(SOURCES))
      .min(1)
      .optional()
      .describe('Only these sources; default: every registered provider'),
  })
  .strict();

export type SuggestParams = z.infer<typeof suggestParamsSchema>;

/** Why candidates were not stored, per source (shown in the job result). */
interface SourceCounts {
  candidates: number;
  routedToReview: number;
  routedToAutoAccept: number;
  belowReviewThreshold: number;
  alreadyHeld: number;
  unknownTag: number;
  inactiveTag: number;
}

const emptyCounts = (): SourceCounts => ({
  candidates: 0,
  routedToReview: 0,
  routedToAutoAccept: 0,
  belowReviewThreshold: 0,
  alreadyHeld: 0,
  unknownTag: 0,
  inactiveTag: 0,
});

async function resolveTags(
  db: Db,
  workspaceId: string,
  cache: Map<string, TagRow | null>,
  slugs: readonly string[],
): Promise<void> {
  const unknown = [...new Set(slugs)].filter((slug) => !cache.has(slug));
  if (unknown.length === 0) return;
  const found = await findTagsBySlugs(db, workspaceId, unknown);
  for (const slug of unknown) cache.set(slug, found.get(slug) ?? null);
}

/**
 * `suggest`: asks every registered provider (named clusters, rule tables, the active churn
 * model...) for candidates, batch by batch; drops candidates whose tag is missing or not
 * active, whose customer already holds the tag, or whose confidence is below the workspace
 * policy's review threshold; and in the finishing transaction stores the rest — at or above
 * the auto-accept threshold on tags with auto-accept on as `auto_accepted` customer tags,
 * the others as `pending` for review. A (customer, tag, source, version) suggested before is
 * never stored again, so a rejection stays remembered. A workspace with segments gets a
 * `segment-snapshot` job queued by the same transaction: one snapshot per refresh.
 *
 * @param providers - the sources, asked in order
 */
export function createSuggestJob(
  providers: readonly SuggestionProvider[],
): JobHandler<SuggestParams> {
  return {
    kind: 'suggest',
    description: 'Generate tag suggestions from every source, routed by the suggestion policy',
    roles: ['admin', 'analyst'],
    params: suggestParamsSchema,
    async run(context) {
      const { db, job, params } = context;
      const workspaceId = job.workspace_id;
      const policy = await findSuggestionPolicy(db, workspaceId);
      const selected = providers.filter(
        (p) => params.sources === undefined || params.sources.includes(p.source),
      );
      const tags = new Map<string, TagRow | null>();
      const rows: NewSuggestionRow[] = [];
      const counts: Partial<Record<SuggestionSource, SourceCounts>> = {};
      for (const [index, provider] of selected.entries()) {
        const sourceCounts = (counts[provider.source] ??= emptyCounts());
        await context.progress(index / selected.length, `asking the ${provider.source} source`);
        for await (const batch of provider.candidates({
          db,
          workspaceId,
          signal: context.signal,
          write: context.write,
        })) {
          context.throwIfCancelled();
          sourceCounts.candidates += batch.length;
          await resolveTags(
            db,
            workspaceId,
            tags,
            batch.map((c) => c.tagSlug),
          );
          const usable = batch.filter((candidate) => {
            const tag = tags.get(candidate.tagSlug);
            if (tag == null) sourceCounts.unknownTag++;
            else if (tag.status !== 'active') sourceCounts.inactiveTag++;
            return tag != null && tag.status === 'active';
          });
          const held = await heldTagPairs(
            db,
            usable.map((c) => c.customerId),
            usable.map((c) => tags.get(c.tagSlug)!.id),
          );
          for (const candidate of usable) {
            const tag = tags.get(candidate.tagSlug)!;
            if (held.has(`${candidate.customerId}:${tag.id}`)) {
              sourceCounts.alreadyHeld++;
              continue;
            }
            const routing = routeSuggestion(candidate.confidence, policy, tag.auto_accept);
            if (routing === 'skip') {
              sourceCounts.belowReviewThreshold++;
              continue;
            }
            if (routing === 'auto-accept') sourceCounts.routedToAutoAccept++;
            else sourceCounts.routedToReview++;
            rows.push({
              workspace_id: workspaceId,
              customer_id: candidate.customerId,
              tag_id: tag.id,
              source: candidate.source,
              source_version: candidate.sourceVersion,
              confidence: Math.min(1, Math.max(0, candidate.confidence)),
              explanation: JSON.stringify({
                factors: candidate.factors,
                text: candidate.explanation,
              }),
              status: routing === 'auto-accept' ? 'auto_accepted' : 'pending',
              ...(routing === 'auto-accept' ? { decided_at: new Date() } : {}),
              job_id: job.id,
            });
          }
        }
      }
      context.throwIfCancelled();
      const outcome = { created: 0, autoAccepted: 0, alreadySuggested: 0, superseded: 0 };
      // Filled in by `persist`; the worker stores the result after it ran (see `JobOutcome`).
      const result: JsonObject = {
        policy: { reviewFrom: policy.reviewFrom, autoAcceptFrom: policy.autoAcceptFrom },
        sources: counts as unknown as JsonObject,
        outcome,
      };
      return {
        result,
        // Read after `persist` (see `JobOutcome`), so it states what was stored.
        get message() {
          return `${outcome.created} new suggestions (${outcome.autoAccepted} auto-accepted); ${outcome.alreadySuggested} already suggested, ${outcome.superseded} older pending ones superseded`;
        },
        analyze: ['suggestions', 'customer_tags'],
        persist: async (trx, record) => {
          const inserted = await insertSuggestions(trx, rows);
          outcome.created = inserted.length;
          outcome.alreadySuggested = rows.length - inserted.length;
          outcome.superseded = await supersedeOlderPending(trx, inserted);
          const accepted = inserted.filter((s) => s.status === 'auto_accepted');
          const assigned = await assignCustomerTags(
            trx,
            accepted.map((s) => ({
              workspace_id: workspaceId,
              customer_id: s.customer_id,
              tag_id: s.tag_id,
              source: s.source,
              source_version: s.source_version,
              confidence: s.confidence,
              suggestion_id: s.id,
              assigned_by: null,
            })),
          );
          outcome.autoAccepted = assigned.length;
          await queueSegmentSnapshots(trx, workspaceId);
          const slugOf = new Map([...tags.values()].flatMap((t) => (t ? [[t.id, t.slug]] : [])));
          await record({
            action: 'suggestions.generated',
            resource: 'job',
            resourceId: job.id,
            workspaceId,
            data: { ...outcome },
            events: inserted
              .filter((s) => s.status === 'pending')
              .map((s) => ({
                type: 'suggestion.created' as const,
                customerId: Number(s.customer_id),
                payload: {
                  suggestionId: s.id,
                  tag: slugOf.get(s.tag_id) ?? s.tag_id,
                  source: s.source,
                  sourceVersion: s.source_version,
                  confidence: s.confidence,
                },
              })),
          });
          if (assigned.length > 0) {
            // Auto-accepted tags skipped review: the audit log says how many of each tag this
            // job assigned (each holding keeps its suggestion and source version), and every
            // holding is announced to webhook subscribers.
            const byTag: Record<string, number> = {};
            for (const holding of assigned) {
              const slug = slugOf.get(holding.tag_id) ?? holding.tag_id;
              byTag[slug] = (byTag[slug] ?? 0) + 1;
            }
            await record({
              action: 'customer-tags.auto-assigned',
              resource: 'job',
              resourceId: job.id,
              workspaceId,
              data: { count: assigned.length, byTag },
              events: assigned.map((holding) => ({
                type: 'tag.assigned' as const,
                customerId: Number(holding.customer_id),
                payload: {
                  tag: slugOf.get(holding.tag_id) ?? holding.tag_id,
                  source: holding.source,
                  sourceVersion: holding.source_version,
                  confidence: holding.confidence,
                  suggestionId: holding.suggestion_id,
                  autoAccepted: true,
                },
              })),
            });
          }
        },
      };
    },
  };
}
