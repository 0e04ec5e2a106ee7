import type { components } from '../api/client.ts';

type Suggestion = components['schemas']['Suggestion'];
type CustomerTagHolding = components['schemas']['CustomerTagHolding'];

/** A tag a customer holds now, with the suggestion whose acceptance gave it, if one did. */
export interface CurrentTag {
  /** Its source, confidence and the suggestion it came from (`suggestionId`). */
  readonly holding: CustomerTagHolding;
  /** The suggestion that gave it, for its explanation; absent for a tag given by hand. */
  readonly suggestion?: Suggestion;
}

/**
 * The tags a customer holds now (open holdings, newest first as the history lists them),
 * each with the suggestion the holding names as the one that gave it. A tag taken away (an
 * undone accept, a removal) is not listed.
 *
 * @example currentTags(history.items, suggestions.items).map((t) => t.holding.tag)
 */
export function currentTags(
  holdings: readonly CustomerTagHolding[],
  suggestions: readonly Suggestion[],
): CurrentTag[] {
  const byId = new Map(suggestions.map((s) => [s.id, s]));
  return holdings
    .filter((h) => h.removedAt === null)
    .map((holding) => {
      const suggestion = holding.suggestionId === null ? undefined : byId.get(holding.suggestionId);
      return suggestion === undefined ? { holding } : { holding, suggestion };
    });
}
