import { describe, expect, it } from 'vitest';
import { definitionChanges, formatFieldValue, type TagDefinition } from './tag-definition.ts';

const vip: TagDefinition = {
  slug: 'vip',
  displayName: 'VIP',
  kind: 'fact',
  category: 'value',
  definition: 'Spends the most',
  usageNote: '',
  owner: 'crm',
  status: 'active',
  autoAccept: false,
  source: { type: 'cluster', runId: '4f1a2b3c-0000-4000-8000-000000000000', cluster: 2 },
};

describe('tag definitions', () => {
  it('lists the fields a rollback would change, in history order', () => {
    const older = { ...vip, displayName: 'Very important', status: 'deprecated' as const };
    expect(definitionChanges(vip, older)).toEqual([
      { field: 'displayName', from: 'VIP', to: 'Very important' },
      { field: 'status', from: 'active', to: 'deprecated' },
    ]);
    expect(definitionChanges(vip, { ...vip, source: { ...vip.source! } } as TagDefinition)).toEqual(
      [],
    );
  });

  it('shows values in words', () => {
    expect(formatFieldValue('autoAccept', true)).toBe('on');
    expect(formatFieldValue('usageNote', '')).toBe('(empty)');
    expect(formatFieldValue('displayName', null)).toBe('–');
    expect(formatFieldValue('source', vip.source)).toBe('cluster 2 of clustering run 4f1a2b3c');
    expect(formatFieldValue('source', { type: 'manual' })).toBe('set by hand');
  });
});
