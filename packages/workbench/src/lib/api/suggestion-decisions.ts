import { formatDateTime } from '../format.ts';
import { unwrap, type ApiClient, type components } from './client.ts';
import { ApiProblem, messageOf } from './problem.ts';

export type Suggestion = components['schemas']['Suggestion'];
export type Decision = 'accept' | 'reject';

/** The decision a 409 carries when another operator decided the suggestion first. */
interface WinningDecision {
  readonly status: string;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

/** A decision or its undo that did not land, in words an operator can read. */
export class SuggestionActionFailure extends Error {
  override readonly name = 'SuggestionActionFailure';
  /**
   * The API refused for good (someone else decided first, nothing left to undo): trying
   * again cannot succeed.
   */
  readonly final: boolean;
  constructor(message: string, final: boolean) {
    super(message);
    this.final = final;
  }
}

/**
 * Accepts or rejects one suggestion and returns it as decided. A failure is thrown as a
 * `SuggestionActionFailure`, final when someone else decided first; it then names their
 * decision, key and time.
 */
export async function decideSuggestion(
  api: ApiClient,
  workspace: string,
  suggestionId: string,
  decision: Decision,
): Promise<Suggestion> {
  const options = { params: { path: { workspace, suggestionId } }, body: {} };
  try {
    return await unwrap(
      decision === 'accept'
        ? api.POST('/v1/workspaces/{workspace}/suggestions/{suggestionId}/accept', options)
        : api.POST('/v1/workspaces/{workspace}/suggestions/{suggestionId}/reject', options),
    );
  } catch (error) {
    throw decisionFailure(error);
  }
}

function decisionFailure(error: unknown): SuggestionActionFailure {
  if (error instanceof ApiProblem && error.status === 409) {
    const winner = (error.problem as { decision?: WinningDecision }).decision;
    if (winner !== undefined) {
      const by = winner.decidedBy?.slice(0, 8) ?? 'the system';
      return new SuggestionActionFailure(
        `Already ${winner.status.replace('_', '-')} by key ${by} at ${formatDateTime(winner.decidedAt)}.`,
        true,
      );
    }
  }
  return new SuggestionActionFailure(messageOf(error), false);
}
