import { describe, expect, it } from 'vitest';
import { findNulCharacter } from './nul-character.ts';

describe('findNulCharacter', () => {
  it('finds U+0000 in a value or a key at any depth, first one first', () => {
    expect(findNulCharacter('a\u0000b')).toEqual([]);
    expect(findNulCharacter({ items: [{ id: 'ok' }, { id: 'b\u0000' }] })).toEqual([
      'items',
      1,
      'id',
    ]);
    expect(findNulCharacter({ attributes: { 'pl\u0000an': 'pro' } })).toEqual([
      'attributes',
      'pl\u0000an',
    ]);
    expect(findNulCharacter([['x', '\u0000'], '\u0000'])).toEqual([0, 1]);
  });

  it('finds nothing in clean input, and does not look inside other objects', () => {
    expect(findNulCharacter({ a: ['x', 1, null, true], b: { c: 'y' } })).toBeUndefined();
    expect(findNulCharacter({ at: new Date(0), text: 'fine' })).toBeUndefined();
    expect(findNulCharacter(undefined)).toBeUndefined();
  });
});
