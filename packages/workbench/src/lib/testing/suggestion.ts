import type { components } from '../api/client.ts';

type Suggestion = components['schemas']['Suggestion'];

/**
 * For tests: an accepted cluster suggestion of "steady-buyers" to customer c001, with `patch`
 * changing any of its fields.
 */
export function acceptedSuggestion(patch: Partial<Suggestion> = {}): Suggestion {
  return {
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
    ...patch,
  };
}
