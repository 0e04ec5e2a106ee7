import { describe, expect, it } from 'vitest';
import type { components } from '../api/client.ts';
import { decisionNotice, undoNotice } from './decision-notice.ts';

type Suggestion = components['schemas']['Suggestion'];

const suggestion: Suggestion = {
  id: '11111111-0000-4000-8000-000000000000',
  customer: 'c001',
  tag: 'steady-buyers',
  tagDisplayName: 'Steady buyers',
  source: 'cluster',
  sourceVersion: '4f1a2b3c-0000-4000-8000-000000000000',
  confidence: 0.8,
  explanation: { factors: [], text: '' },
  status: 'accepted',
  decidedBy: 'key-1',
  decidedAt: '2026-11-24T13:05:00.123Z',
  reason: null,
  createdAt: '2026-11-24T12:00:00.000Z',
};

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
