import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeSlug, RESERVED_SLUGS, slugProblem } from './tag-slug.ts';

/** The naming standard as stated, independent of the implementation under test. */
const STANDARD = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const followsStandard = (slug: string) =>
  STANDARD.test(slug) && slug.length >= 2 && slug.length <= 48;

/** Strings near the standard (so that many are accepted) mixed with arbitrary Unicode. */
const slugLike = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...'abcxyz019-'.split('')),
    minLength: 0,
    maxLength: 60,
  }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

/** Slugs built to follow the standard. */
const validSlug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 5 })
  .map((words) => words.join('-'))
  .filter((slug) => slug.length >= 2 && !RESERVED_SLUGS.includes(slug));

describe('the tag naming standard', () => {
  it('accepts only slugs that follow it', () => {
    fc.assert(
      fc.property(slugLike, (input) => {
        if (slugProblem(input) === undefined) expect(followsStandard(input)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts every slug that follows it (the reserved words aside)', () => {
    fc.assert(
      fc.property(validSlug, (slug) => {
        expect(slugProblem(slug)).toBeUndefined();
      }),
    );
  });

  it('proposes, for every rejected input, a slug it accepts', () => {
    fc.assert(
      fc.property(slugLike, (input) => {
        if (slugProblem(input) === undefined) return;
        const proposal = proposeSlug(input);
        expect(slugProblem(proposal)).toBeUndefined();
        expect(followsStandard(proposal)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a slug that follows it unchanged', () => {
    fc.assert(
      fc.property(validSlug, (slug) => {
        expect(proposeSlug(slug)).toBe(slug);
      }),
    );
  });

  it('reserves the words the API uses in tag paths', () => {
    expect(slugProblem('check')).toMatch(/reserved/);
    expect(proposeSlug('Check')).toBe('check-tag');
  });
});
