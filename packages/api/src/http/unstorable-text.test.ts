import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './unstorable-text.ts';

const reasonFor = (text: string) => findUnstorableText(text)?.message;

describe('unstorable text', () => {
  it('tells a NUL character and an unpaired surrogate from text that is fine', () => {
    expect(reasonFor('a\u0000b')).toMatch(/NUL character/);
    expect(reasonFor('cut emoji \ud83d')).toMatch(/unpaired UTF-16 surrogate/);
    expect(reasonFor('\ude00 first')).toMatch(/unpaired UTF-16 surrogate/);
    expect(reasonFor('emoji 😀, umlaut ü, empty')).toBeUndefined();
    expect(reasonFor('')).toBeUndefined();
  });

  it('finds the first such string, value or key, at any depth, with its path', () => {
    expect(findUnstorableText({ items: [{ id: 'ok' }, { id: 'b\u0000' }] })).toEqual({
      path: 'items.1.id',
      message: expect.stringMatching(/NUL/) as unknown,
    });
    expect(findUnstorableText({ attributes: { 'pl\ud800an': 'pro' } })).toEqual({
      path: 'attributes.pl\ud800an',
      message: expect.stringMatching(/surrogate/) as unknown,
    });
    expect(findUnstorableText([['x', '\u0000'], '\u0000'])?.path).toBe('0.1');
    expect(findUnstorableText('\u0000')?.path).toBe('(root)');
  });

  it('finds nothing in clean input, and does not look inside other objects', () => {
    expect(findUnstorableText({ a: ['x', 1, null, true], b: { c: 'y 😀' } })).toBeUndefined();
    expect(findUnstorableText({ at: new Date(0), text: 'fine' })).toBeUndefined();
    expect(findUnstorableText(undefined)).toBeUndefined();
  });
});
