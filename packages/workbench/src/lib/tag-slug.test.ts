import { describe, expect, it } from 'vitest';
import { proposeSlug, slugProblem } from './tag-slug.ts';

describe('tag slug standard (same rules as the API)', () => {
  it('accepts lower-case hyphenated words of 2–48 characters', () => {
    expect(slugProblem('high-value-regulars')).toBeUndefined();
    expect(slugProblem('a1')).toBeUndefined();
    expect(slugProblem('x'.repeat(48))).toBeUndefined();
  });

  it('names what is wrong', () => {
    expect(slugProblem('a')).toBe('must be 2–48 characters long (got 1)');
    expect(slugProblem('x'.repeat(49))).toBe('must be 2–48 characters long (got 49)');
    for (const bad of [
      'High-Value',
      'big  spenders',
      'double--hyphen',
      '-lead',
      'trail-',
      'café',
    ]) {
      expect(slugProblem(bad), bad).toBe(
        'must be lower-case ASCII words (a-z, 0-9) joined by single hyphens',
      );
    }
  });

  it('proposes the nearest valid slug', () => {
    expect(proposeSlug('High Value  Customers!')).toBe('high-value-customers');
    expect(proposeSlug('Café_Lovers')).toBe('cafe-lovers');
    expect(proposeSlug('x')).toBe('x-tag');
    expect(proposeSlug('!!!')).toBe('tag');
    const long = proposeSlug('word '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(48);
    expect(slugProblem(long)).toBeUndefined();
  });
});
