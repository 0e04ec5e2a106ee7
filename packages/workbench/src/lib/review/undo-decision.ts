import { unwrap, type ApiClient, type components } from '../api/client.ts';
import { ApiProblem, messageOf } from '../api/problem.ts';

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

/** A decision that could not be undone, in words an operator can read. */
export class UndoFailure extends Error {
  override readonly name = 'UndoFailure';
  /** The API refused (nothing to undo, or a newer suggestion followed): trying again cannot succeed. */
  readonly final: boolean;
  constructor(message: string, final: boolean) {
    super(message);
    this.final = final;
  }
}

const HISTORY_PAGE = 500;

/** Whether the customer holds the tag now (an open holding anywhere in their tag history). */
export async function holdsTag(
  api: ApiClient,
  workspace: string,
  customer: string,
  tag: string,
): Promise<boolean> {
  let cursor: string | undefined;
  for (;;) {
    const page = await unwrap(
      api.GET('/v1/workspaces/{workspace}/customers/{externalId}/tags', {
        params: {
          path: { workspace, externalId: customer },
          query: { limit: HISTORY_PAGE, ...(cursor === undefined ? {} : { cursor }) },
        },
      }),
    );
    if (page.items.some((h) => h.tag === tag && h.removedAt === null)) return true;
    if (page.nextCursor === null) return false;
    cursor = page.nextCursor;
  }
}

/**
 * Undoes the decision on a suggestion (`POST …/reopen`): it is pending again and, for an
 * accept, the API takes back the tag that accept gave if the customer still holds it. The
 * customer's tags are read before and after, so the outcome says what happened to the tag.
 * A refusal (409) is thrown as a final `UndoFailure` with the API's reason.
 *
 * @example (await undoDecision(api, 'shop', accepted)).outcome // 'tag-taken-back'
 */
export async function undoDecision(
  api: ApiClient,
  workspace: string,
  suggestion: Suggestion,
): Promise<UndoneDecision> {
  const wasAccepted = suggestion.status === 'accepted' || suggestion.status === 'auto_accepted';
  const heldBefore =
    wasAccepted && (await holdsTag(api, workspace, suggestion.customer, suggestion.tag));
  let reopened: Suggestion;
  try {
    reopened = await unwrap(
      api.POST('/v1/workspaces/{workspace}/suggestions/{suggestionId}/reopen', {
        params: { path: { workspace, suggestionId: suggestion.id } },
      }),
    );
  } catch (error) {
    throw undoFailure(error, suggestion);
  }
  if (!heldBefore) return { suggestion: reopened, outcome: 'reopened' };
  const heldAfter = await holdsTag(api, workspace, suggestion.customer, suggestion.tag);
  return { suggestion: reopened, outcome: heldAfter ? 'tag-kept' : 'tag-taken-back' };
}

/** The API's reason, naming the suggestion by its tag and customer instead of its id. */
function undoFailure(error: unknown, suggestion: Suggestion): UndoFailure {
  if (error instanceof ApiProblem && error.status === 409) {
    const named = `the suggestion “${suggestion.tagDisplayName}” for customer ${suggestion.customer}`;
    const reason = error.problem.detail.replace(/^suggestion \S+/, named);
    return new UndoFailure(`Could not undo: ${reason}${reason.endsWith('.') ? '' : '.'}`, true);
  }
  return new UndoFailure(messageOf(error), false);
}
