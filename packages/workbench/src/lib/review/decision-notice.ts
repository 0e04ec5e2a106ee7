import type { components } from '../api/client.ts';
import type { UndoOutcome } from './undo-decision.ts';

type Suggestion = components['schemas']['Suggestion'];

/** What the review queue says after a decision, and whether it offers to undo it. */
export interface DecisionNotice {
  readonly suggestion: Suggestion;
  readonly text: string;
  /** A decision can be undone (the suggestion goes back to the queue); an undo cannot. */
  readonly undoable: boolean;
}

const tagOf = (s: Suggestion) => `“${s.tagDisplayName}”`;

/**
 * The notice after one decision in the queue: accepts and rejections alike can be undone.
 *
 * @example decisionNotice('accept', s).text // 'Accepted “Steady buyers” for customer c001.'
 */
export function decisionNotice(
  decision: 'accept' | 'reject',
  suggestion: Suggestion,
): DecisionNotice {
  const verb = decision === 'accept' ? 'Accepted' : 'Rejected';
  return {
    suggestion,
    text: `${verb} ${tagOf(suggestion)} for customer ${suggestion.customer}.`,
    undoable: true,
  };
}

const TAG_OUTCOME: Record<UndoOutcome, string> = {
  'tag-taken-back': '; the tag was taken back',
  'tag-kept': '; the customer keeps the tag they held before',
  reopened: '',
};

/**
 * The notice after undoing a decision: the suggestion is back in the queue, and what
 * happened to the customer's tag.
 *
 * @example undoNotice('tag-taken-back', s).text
 * // 'Undone: the suggestion “Steady buyers” for customer c001 is back in the queue; the tag was taken back.'
 */
export function undoNotice(outcome: UndoOutcome, suggestion: Suggestion): DecisionNotice {
  return {
    suggestion,
    text: `Undone: the suggestion ${tagOf(suggestion)} for customer ${suggestion.customer} is back in the queue${TAG_OUTCOME[outcome]}.`,
    undoable: false,
  };
}
