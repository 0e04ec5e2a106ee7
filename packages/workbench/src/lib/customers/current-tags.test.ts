import { describe, expect, it } from 'vitest';
import type { components } from '../api/client.ts';
import { acceptedSuggestion } from '../testing/suggestion.ts';
import { currentTags } from './current-tags.ts';

type Suggestion = components['schemas']['Suggestion'];
type HeldTag = components['schemas']['HeldTag'];

const RUN = '4f1a2b3c-0000-4000-8000-000000000000';

function holding(tag: string, patch: Partial<HeldTag> = {}): HeldTag {
  return {
    tag,
    displayName: tag,
    kind: 'model',
    category: 'behaviour',
    source: 'cluster',
    sourceVersion: RUN,
    confidence: 0.8,
    suggestionId: `s-${tag}`,
    assignedBy: 'key-1',
    assignedAt: '2026-11-24T13:05:00.000Z',
    assignmentReason: null,
    ...patch,
  };
}

function suggestion(tag: string, patch: Partial<Suggestion> = {}): Suggestion {
  return acceptedSuggestion({
    id: `s-${tag}`,
    tag,
    tagDisplayName: tag,
    sourceVersion: RUN,
    decidedAt: '2026-11-24T13:05:00.000Z',
    ...patch,
  });
}

describe("a customer's current tags", () => {
  it('lists the tags held, each with the suggestion the holding names', () => {
    const steady = suggestion('steady');
    const byHand = holding('vip', {
      source: 'manual',
      sourceVersion: null,
      confidence: null,
      suggestionId: null,
    });
    const tags = currentTags(
      [holding('steady'), byHand],
      // Another suggestion of the same tag, source and version is not the one that gave it.
      [suggestion('steady', { id: 'older', status: 'rejected' }), steady, suggestion('vip')],
    );
    expect(tags).toEqual([{ holding: holding('steady'), suggestion: steady }, { holding: byHand }]);
  });

  it('keeps a holding whose suggestion is not among those read', () => {
    expect(currentTags([holding('steady')], [])).toEqual([{ holding: holding('steady') }]);
  });
});
