import type { components } from '../api/client.ts';

type Suggestion = components['schemas']['Suggestion'];
type CustomerTagHolding = components['schemas']['CustomerTagHolding'];

/** A tag a customer holds now, with the accepted suggestion that gave it, if one did. */
export interface CurrentTag {
  readonly holding: CustomerTagHolding;
  /** Its confidence and reason; absent for a tag given by hand. */
  readonly suggestion?: Suggestion;
}

const accepted = (s: Suggestion) => s.status === 'accepted' || s.status === 'auto_accepted';

/**
 * The tags a customer holds now (open holdings, newest first as the history lists them),
 * each with the accepted suggestion of the same tag, source and version that gave it. A tag
 * taken away (an undone accept, a removal) is not listed even though its suggestion stays
 * accepted.
 *
 * @example currentTags(history.items, suggestions.items).map((t) => t.holding.tag)
 */
export function currentTags(
  holdings: readonly CustomerTagHolding[],
  suggestions: readonly Suggestion[],
): CurrentTag[] {
  return holdings
    .filter((h) => h.removedAt === null)
    .map((holding) => {
      const suggestion = suggestions.find(
        (s) =>
          accepted(s) &&
          s.tag === holding.tag &&
          s.source === holding.source &&
          s.sourceVersion === holding.sourceVersion,
      );
      return suggestion === undefined ? { holding } : { holding, suggestion };
    });
}
