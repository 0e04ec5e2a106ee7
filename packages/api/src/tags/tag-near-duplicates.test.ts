import { describe, expect, it } from 'vitest';
import { displayNameKey, slugKey } from './tag-near-duplicates.ts';

describe('near-duplicate keys', () => {
  it('make slugs meet when they differ only in hyphens, case or punctuation', () => {
    expect(slugKey('high-value')).toBe(slugKey('highvalue'));
    expect(slugKey('High_Value!')).toBe(slugKey('high-value'));
    expect(slugKey('high-value')).not.toBe(slugKey('high-values'));
  });

  it('make display names meet when they differ only in case, spacing or punctuation, in any script', () => {
    expect(displayNameKey('High value')).toBe(displayNameKey('high-VALUE!'));
    expect(displayNameKey('高价值客户')).toBe(displayNameKey('高价值 客户。'));
    expect(displayNameKey('Ｖｉｐ')).toBe(displayNameKey('vip'));
    expect(displayNameKey('高价值客户')).not.toBe(displayNameKey('低价值客户'));
  });
});
