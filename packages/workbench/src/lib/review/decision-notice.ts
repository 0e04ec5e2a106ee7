import type { components } from '../api/client.ts';
import type { UndoOutcome } from './undo-accept.ts';

type Suggestion = components['schemas']['Suggestion'];

/** What the review queue says after a decision, and whether it offers to undo it. */
export interface DecisionNotice {
  readonly suggestion: Suggestion;
  readonly text: string;
  /** Only an accept can be undone (by taking the tag back); a rejection is final. */
  readonly undoable: boolean;
}

const tagOf = (s: Suggestion) => `“${s.tagDisplayName}”`;

/**
 * The notice after one decision in the queue.
 *
 * @example decisionNotice('accept', s).text // 'Accepted “Steady buyers” for customer c001.'
 */
export function decisionNotice(
  decision: 'accept' | 'reject',
  suggestion: Suggestion,
): DecisionNotice {
  return decision === 'accept'
    ? {
        suggestion,
        text: `Accepted ${tagOf(suggestion)} for customer ${suggestion.customer}.`,
        undoable: true,
      }
    : {
        suggestion,
        text: `Rejected ${tagOf(suggestion)} for customer ${suggestion.customer}. A rejection cannot be undone: a decided suggestion cannot be reopened.`,
        undoable: false,
      };
}

/** The notice after undoing an accept: what happened to the customer's tag. */
export function undoNotice(outcome: UndoOutcome, suggestion: Suggestion): DecisionNotice {
  const who = `customer ${suggestion.customer}`;
  const tag = tagOf(suggestion);
  switch (outcome.kind) {
    case 'removed':
      return {
        suggestion,
        text: `Undone: ${who} no longer holds ${tag}. The suggestion stays accepted in the history (a decided suggestion cannot be reopened), so it does not come back to the queue.`,
        undoable: false,
      };
    case 'held-otherwise':
      return {
        suggestion,
        text: `Nothing undone: ${who} held ${tag} before this accept, or was given it again since, so the tag stays.`,
        undoable: false,
      };
    default:
      return {
        suggestion,
        text: `Nothing to undo: ${who} no longer holds ${tag}; it was removed meanwhile.`,
        undoable: false,
      };
  }
}
