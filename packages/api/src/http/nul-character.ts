/**
 * PostgreSQL's `text` and `jsonb` cannot hold U+0000: an input carrying it would fail deep in
 * the database. Inputs are checked for it where they arrive, so the caller learns which field.
 */
export const NUL_CHARACTER_MESSAGE = 'contains a NUL character (U+0000), which text cannot hold';

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/**
 * The path to the first string in `value` — an object key or a value, at any depth of arrays
 * and plain objects — that holds U+0000; `undefined` when there is none.
 *
 * @example
 * findNulCharacter({ customers: [{ externalId: 'a\u0000' }] }); // ['customers', 0, 'externalId']
 */
export function findNulCharacter(
  value: unknown,
  path: readonly (string | number)[] = [],
): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? [...path] : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findNulCharacter(item, [...path, index]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = findNulCharacter(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
