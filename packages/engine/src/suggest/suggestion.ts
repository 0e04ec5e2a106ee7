export type SuggestionSource = 'cluster' | 'churn' | 'rule';

/** One feature behind a suggestion: its value for this customer and, when known, its pull. */
export interface Factor {
  readonly feature: string;
  readonly value: number | string;
  /** Signed contribution (log-odds for churn, z-score against the population for clusters). */
  readonly contribution?: number;
}

/** A tag the engine proposes for one customer, before any operator decision. */
export interface SuggestionCandidate {
  readonly customerId: string;
  readonly tag: string;
  readonly source: SuggestionSource;
  /** The run, model or rule-table version that produced it. */
  readonly sourceVersion: string;
  /** A probability in [0, 1] (see DESIGN §2 for what it means per source). */
  readonly confidence: number;
  readonly factors: readonly Factor[];
  /** One sentence a reviewer can read. */
  readonly explanation: string;
}

/**
 * Where a confidence lands: below `reviewFrom` the suggestion is not made; from `reviewFrom`
 * up to `autoAcceptFrom` it goes to human review (the abstain band); at or above
 * `autoAcceptFrom` it is accepted automatically — only for tags whose auto-accept is switched
 * on, otherwise it too goes to review.
 */
export interface SuggestionPolicy {
  readonly reviewFrom: number;
  readonly autoAcceptFrom: number;
}

export const DEFAULT_SUGGESTION_POLICY: SuggestionPolicy = {
  reviewFrom: 0.5,
  autoAcceptFrom: 0.95,
};

export type Routing = 'skip' | 'review' | 'auto-accept';

/**
 * Routes one suggestion by its confidence.
 *
 * @example
 * routeSuggestion(0.97, DEFAULT_SUGGESTION_POLICY, false); // 'review' (auto-accept is off)
 * routeSuggestion(0.97, DEFAULT_SUGGESTION_POLICY, true);  // 'auto-accept'
 * routeSuggestion(0.2, DEFAULT_SUGGESTION_POLICY, true);   // 'skip'
 */
export function routeSuggestion(
  confidence: number,
  policy: SuggestionPolicy,
  autoAccept: boolean,
): Routing {
  if (!(confidence >= policy.reviewFrom)) return 'skip';
  return autoAccept && confidence >= policy.autoAcceptFrom ? 'auto-accept' : 'review';
}
