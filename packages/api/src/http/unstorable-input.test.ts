import { describe, expect, it } from 'vitest';
import { findUnstorableInput, MAX_NESTING } from './unstorable-input.ts';

const reasonFor = (text: string) => findUnstorableInput(text)?.message;

describe('unstorable input', () => {
  it('tells a NUL character and an unpaired surrogate from text that is fine', () => {
    expect(reasonFor('a\u0000b')).toMatch(/NUL character/);
    expect(reasonFor('cut emoji \ud83d')).toMatch(/unpaired UTF-16 surrogate/);
    expect(reasonFor('\ude00 first')).toMatch(/unpaired UTF-16 surrogate/);
    expect(reasonFor('emoji 😀, umlaut ü, empty')).toBeUndefined();
    expect(reasonFor('')).toBeUndefined();
  });

  it('finds the first such string, value or key, at any depth, with its path', () => {
    expect(findUnstorableInput({ items: [{ id: 'ok' }, { id: 'b\u0000' }] })).toEqual({
      path: 'items.1.id',
      message: expect.stringMatching(/NUL/) as unknown,
    });
    expect(findUnstorableInput({ attributes: { 'pl\ud800an': 'pro' } })).toEqual({
      path: 'attributes.pl\ud800an',
      message: expect.stringMatching(/surrogate/) as unknown,
    });
    expect(findUnstorableInput([['x', '\u0000'], '\u0000'])?.path).toBe('0.1');
    expect(findUnstorableInput('\u0000')?.path).toBe('(root)');
  });

  it('finds nothing in clean input, and does not look inside other objects', () => {
    expect(findUnstorableInput({ a: ['x', 1, null, true], b: { c: 'y 😀' } })).toBeUndefined();
    expect(findUnstorableInput({ at: new Date(0), text: 'fine' })).toBeUndefined();
    expect(findUnstorableInput(undefined)).toBeUndefined();
  });

  it('refuses nesting past the limit at the first level too deep, however deep it goes', () => {
    const nested = (depth: number): unknown => {
      let value: unknown = 'leaf';
      for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
      return value;
    };
    expect(findUnstorableInput(nested(MAX_NESTING))).toBeUndefined();
    const tooDeep = findUnstorableInput({ payload: nested(MAX_NESTING) });
    expect(tooDeep?.message).toBe(`nests deeper than ${MAX_NESTING} levels`);
    expect(tooDeep?.path.split('.')).toHaveLength(MAX_NESTING);
    expect(findUnstorableInput(nested(100_000))?.message).toMatch(/nests deeper/);
  });
});
