import { unwrap, type ApiClient, type components } from '../api/client.ts';
import { ApiProblem, messageOf } from '../api/problem.ts';
import { SuggestionActionFailure } from '../api/suggestion-decisions.ts';

type Suggestion = components['schemas']['Suggestion'];

/** What undoing a decision did besides putting the suggestion back in the queue. */
export type UndoOutcome =
  /** The accept had given the customer the tag; it was taken back. */
  | 'tag-taken-back'
  /** The customer held the tag apart from the accept, and keeps it. */
  | 'tag-kept'
  /** Nothing else changed: a rejection, or an accept whose tag was gone already. */
  | 'reopened';

/** An undone decision: the suggestion as the API returned it (pending) and what happened. */
export interface UndoneDecision {
  readonly suggestion: Suggestion;
  readonly outcome: UndoOutcome;
}

/**
 * Undoes the decision on a suggestion (`POST …/reopen`): it is pending again and, for an
 * accept, the API takes back the tag that accept gave if the customer still holds it; its
 * answer says whether it did and whether the customer holds the tag now. A refusal (409) is
 * thrown as a final `SuggestionActionFailure` with the API's reason (nothing to undo,
 * or a newer suggestion followed).
 *
 * @example (await undoDecision(api, 'shop', accepted)).outcome // 'tag-taken-back'
 */
export async function undoDecision(
  api: ApiClient,
  workspace: string,
  suggestion: Suggestion,
): Promise<UndoneDecision> {
  let reopened;
  try {
    reopened = await unwrap(
      api.POST('/v1/workspaces/{workspace}/suggestions/{suggestionId}/reopen', {
        params: { path: { workspace, suggestionId: suggestion.id } },
      }),
    );
  } catch (error) {
    throw undoFailure(error, suggestion);
  }
  const { tagTakenBack, tagHeld, ...pending } = reopened;
  const wasAccepted = suggestion.status === 'accepted' || suggestion.status === 'auto_accepted';
  const outcome: UndoOutcome = tagTakenBack
    ? 'tag-taken-back'
    : wasAccepted && tagHeld
      ? 'tag-kept'
      : 'reopened';
  return { suggestion: pending, outcome };
}

/** The API's reason, naming the suggestion by its tag and customer instead of its id. */
function undoFailure(error: unknown, suggestion: Suggestion): SuggestionActionFailure {
  if (error instanceof ApiProblem && error.status === 409) {
    const named = `the suggestion “${suggestion.tagDisplayName}” for customer ${suggestion.customer}`;
    const reason = error.problem.detail.replace(/^suggestion \S+/, named);
    return new SuggestionActionFailure(
      `Could not undo: ${reason}${reason.endsWith('.') ? '' : '.'}`,
      true,
    );
  }
  return new SuggestionActionFailure(messageOf(error), false);
}
