import type { ProblemFieldError } from './problem.ts';
import { formatIssuePath } from './problem.ts';

/**
 * PostgreSQL's `text` and `jsonb` cannot hold U+0000, and a string with an unpaired UTF-16
 * surrogate has no UTF-8 form (the driver would store U+FFFD in its place, silently). Inputs
 * are checked for both where they arrive, so the caller learns which field is wrong.
 */
const NUL_MESSAGE = 'contains a NUL character (U+0000), which text cannot hold';
const SURROGATE_MESSAGE = 'contains an unpaired UTF-16 surrogate, which is not valid Unicode';

/** With the `u` flag a well-formed pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why `text` cannot be stored as it is, if it cannot. */
export function unstorableTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(text)) return SURROGATE_MESSAGE;
  return undefined;
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

function find(value: unknown, path: (string | number)[]): ProblemFieldError | undefined {
  if (typeof value === 'string') {
    const message = unstorableTextReason(value);
    return message === undefined ? undefined : { path: formatIssuePath(path), message };
  }
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = find(item, [...path, index]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (!isPlainObject(value)) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const message = unstorableTextReason(key);
    if (message !== undefined) return { path: formatIssuePath([...path, key]), message };
    const found = find(item, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The first string in `value` — an object key or a value, at any depth of arrays and plain
 * objects — that cannot be stored, with its path (`customers.1.attributes.plan`) and why.
 *
 * @example
 * findUnstorableText({ customers: [{ externalId: 'a\u0000' }] });
 * // { path: 'customers.0.externalId', message: 'contains a NUL character (U+0000), …' }
 */
export const findUnstorableText = (value: unknown): ProblemFieldError | undefined =>
  find(value, []);
