import { describe, expect, it } from 'vitest';
import { diffDefinitions, type TagDefinition } from './tag-definition.ts';

const v1: TagDefinition = {
  slug: 'likely-to-churn',
  displayName: 'Likely to churn',
  kind: 'predictive',
  category: 'lifecycle',
  definition: 'High churn probability',
  usageNote: '',
  owner: 'retention team',
  status: 'active',
  autoAccept: false,
  source: { type: 'model', modelKind: 'churn', threshold: 0.7 },
};

describe('diffDefinitions', () => {
  it('lists every field from null for a new tag', () => {
    const changes = diffDefinitions(undefined, v1);
    expect(changes.map((c) => c.field)).toEqual([
      'slug',
      'displayName',
      'kind',
      'category',
      'definition',
      'usageNote',
      'owner',
      'status',
      'autoAccept',
      'source',
    ]);
    expect(changes.every((c) => c.from === null)).toBe(true);
    expect(changes.find((c) => c.field === 'owner')?.to).toBe('retention team');
  });

  it('lists only the fields that differ, with before and after', () => {
    const v2: TagDefinition = {
      ...v1,
      status: 'deprecated',
      source: { type: 'model', modelKind: 'churn', threshold: 0.9 },
    };
    expect(diffDefinitions(v1, v2)).toEqual([
      { field: 'status', from: 'active', to: 'deprecated' },
      { field: 'source', from: v1.source, to: v2.source },
    ]);
  });

  it('compares sources by content, whatever their key order', () => {
    const reordered = JSON.parse('{"threshold":0.7,"modelKind":"churn","type":"model"}');
    expect(diffDefinitions(v1, { ...v1, source: reordered })).toEqual([]);
  });
});
