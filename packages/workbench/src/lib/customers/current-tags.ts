import type { components } from '../api/client.ts';

type Suggestion = components['schemas']['Suggestion'];
type HeldTag = components['schemas']['HeldTag'];

/** A tag a customer holds now, with the suggestion whose acceptance gave it, if one did. */
export interface CurrentTag {
  /** Its source, confidence and the suggestion it came from (`suggestionId`). */
  readonly holding: HeldTag;
  /** The suggestion that gave it, for its explanation; absent for a tag given by hand. */
  readonly suggestion?: Suggestion;
}

/**
 * The tags a customer holds now (the customer's `tags`), each with the suggestion the
 * holding names as the one that gave it.
 *
 * @example currentTags(customer.tags, suggestions.items).map((t) => t.holding.tag)
 */
export function currentTags(
  held: readonly HeldTag[],
  suggestions: readonly Suggestion[],
): CurrentTag[] {
  const byId = new Map(suggestions.map((s) => [s.id, s]));
  return held.map((holding) => {
    const suggestion = holding.suggestionId === null ? undefined : byId.get(holding.suggestionId);
    return suggestion === undefined ? { holding } : { holding, suggestion };
  });
}
