import { unwrap, type ApiClient, type components } from '../api/client.ts';

type Suggestion = components['schemas']['Suggestion'];
export type CustomerTagHolding = components['schemas']['CustomerTagHolding'];

/** Kept with the closed holding as why it ended. */
export const UNDO_REASON = 'accept undone in the review queue';

/**
 * The holding an accepted suggestion gave its customer, among the customer's holdings: the
 * open one of the same tag from the same source and version, given at the decision or
 * later. Accepting records the decision and gives the tag in one step, so they carry the
 * same time; a holding given before the decision (by hand, or by another source) is not the
 * accept's and is not matched.
 *
 * @example holdingGivenBy(acceptedSuggestion, history.items) // the holding, or undefined
 */
export function holdingGivenBy(
  suggestion: Suggestion,
  holdings: readonly CustomerTagHolding[],
): CustomerTagHolding | undefined {
  if (suggestion.status !== 'accepted' || suggestion.decidedAt === null) return undefined;
  const decidedAt = Date.parse(suggestion.decidedAt);
  return holdings.find(
    (h) =>
      h.removedAt === null &&
      h.customer === suggestion.customer &&
      h.tag === suggestion.tag &&
      h.source === suggestion.source &&
      h.sourceVersion === suggestion.sourceVersion &&
      Date.parse(h.assignedAt) >= decidedAt,
  );
}

/** What undoing an accept did. */
export type UndoOutcome =
  /** The holding the accept gave was closed. */
  | { readonly kind: 'removed'; readonly holding: CustomerTagHolding }
  /** The customer holds the tag, but not from this accept (held before, or given again since). */
  | { readonly kind: 'held-otherwise' }
  /** The customer no longer holds the tag (someone removed it meanwhile). */
  | { readonly kind: 'not-held' };

const HISTORY_PAGE = 100;

/**
 * Takes back the tag an accepted suggestion gave: finds the holding it made in the
 * customer's tag history and closes it (history keeps it, with `UNDO_REASON`). Leaves a
 * holding that did not come from this accept alone. The suggestion itself stays accepted:
 * a decided suggestion cannot be reopened.
 */
export async function undoAccept(
  api: ApiClient,
  workspace: string,
  suggestion: Suggestion,
): Promise<UndoOutcome> {
  const path = { workspace, externalId: suggestion.customer };
  let cursor: string | undefined;
  // Newest first: the accept's holding is on the first page unless many came after it.
  for (;;) {
    const page = await unwrap(
      api.GET('/v1/workspaces/{workspace}/customers/{externalId}/tags', {
        params: {
          path,
          query: { limit: HISTORY_PAGE, ...(cursor === undefined ? {} : { cursor }) },
        },
      }),
    );
    const open = page.items.find((h) => h.tag === suggestion.tag && h.removedAt === null);
    if (open !== undefined) {
      if (holdingGivenBy(suggestion, [open]) === undefined) return { kind: 'held-otherwise' };
      const holding = await unwrap(
        api.DELETE('/v1/workspaces/{workspace}/customers/{externalId}/tags/{tag}', {
          params: { path: { ...path, tag: suggestion.tag }, query: { reason: UNDO_REASON } },
        }),
      );
      return { kind: 'removed', holding };
    }
    if (page.nextCursor === null) return { kind: 'not-held' };
    cursor = page.nextCursor;
  }
}
