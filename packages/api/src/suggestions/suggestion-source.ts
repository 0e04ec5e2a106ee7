import type { SuggestionCandidate, SuggestionSource } from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import type { AuditedWrite } from '../jobs/job-registry.ts';

/**
 * A suggestion the generator may store: the engine's candidate, with the customer given by
 * its row id and the tag by its slug (the generator resolves slugs to tags and skips
 * deprecated ones).
 */
export interface StoredCandidate extends Omit<SuggestionCandidate, 'customerId' | 'tag'> {
  readonly customerId: number;
  readonly tagSlug: string;
}

/** What a provider works with while the suggestion job asks it for candidates. */
export interface CandidateContext {
  readonly db: Db;
  readonly workspaceId: string;
  /** Aborted when the job is cancelled: stop yielding. */
  readonly signal: AbortSignal;
  /** For defaults a provider stores on first use, audited like the job's results. */
  readonly write: AuditedWrite;
}

/**
 * One origin of suggestions (named clusters, the active churn model, rule tables). The
 * suggestion job asks every registered provider for its candidates, batch by batch, so a
 * million customers never sit in memory at once.
 */
export interface SuggestionProvider {
  readonly source: SuggestionSource;
  /** Yields candidates for the workspace in batches; stops early when `signal` aborts. */
  candidates(context: CandidateContext): AsyncIterable<readonly StoredCandidate[]>;
}
