import { describe, expect, it } from 'vitest';
import { acceptedSuggestion } from '../testing/suggestion.ts';
import { decisionNotice, undoNotice } from './decision-notice.ts';

const suggestion = acceptedSuggestion();

describe('the notice after a decision', () => {
  it('says what was decided and offers to undo an accept and a rejection alike', () => {
    expect(decisionNotice('accept', suggestion)).toEqual({
      suggestion,
      text: 'Accepted “Steady buyers” for customer c001.',
      undoable: true,
    });
    const rejected = { ...suggestion, status: 'rejected' as const };
    expect(decisionNotice('reject', rejected)).toEqual({
      suggestion: rejected,
      text: 'Rejected “Steady buyers” for customer c001.',
      undoable: true,
    });
  });

  it('says the suggestion is back in the queue and what happened to the tag', () => {
    const back = 'Undone: the suggestion “Steady buyers” for customer c001 is back in the queue';
    expect(undoNotice('tag-taken-back', suggestion).text).toBe(`${back}; the tag was taken back.`);
    expect(undoNotice('tag-kept', suggestion).text).toBe(
      `${back}; the customer keeps the tag they held before.`,
    );
    expect(undoNotice('reopened', suggestion)).toEqual({
      suggestion,
      text: `${back}.`,
      undoable: false,
    });
  });
});
