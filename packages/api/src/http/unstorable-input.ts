/**
 * PostgreSQL's `text` and `jsonb` cannot hold U+0000, and a string with an unpaired UTF-16
 * surrogate has no UTF-8 form (the driver would store U+FFFD in its place, silently). Inputs
 * are checked for both where they arrive, so the caller learns which field is wrong. Nesting
 * is bounded too: no real payload nests deeper than a few levels, and a body nested thousands
 * deep would exhaust the stack of whatever walks it next (this check, the driver, the server).
 */
import { formatIssuePath, type ProblemFieldError } from './problem.ts';

/** With the `u` flag a well-formed pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why `text` cannot be stored as it is, if it cannot. */
function reasonFor(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contains a NUL character (U+0000), which text cannot hold';
  if (LONE_SURROGATE.test(text)) {
    return 'contains an unpaired UTF-16 surrogate, which is not valid Unicode';
  }
  return undefined;
}

/** Deeper than any payload the API takes (rule conditions, cell configs nest a few levels). */
export const MAX_NESTING = 64;

/** The entries of an array or a plain object; other objects (dates) hold no input text. */
function childrenOf(item: object): Iterable<[string | number, unknown]> {
  if (Array.isArray(item)) return item.entries();
  const prototype = Object.getPrototypeOf(item) as unknown;
  const plain = prototype === Object.prototype || prototype === null;
  return plain ? Object.entries(item) : [];
}

/**
 * The first string in `value` — an object key or a value, in arrays and plain objects down to
 * `MAX_NESTING` levels — that cannot be stored, with its path (`customers.1.attributes.plan`)
 * and why; or the first array or object nested deeper than that. Runs on every validated
 * request, so the path is one stack, copied only for the answer.
 *
 * @example
 * findUnstorableInput({ customers: [{ externalId: 'a\u0000' }] });
 * // { path: 'customers.0.externalId', message: 'contains a NUL character (U+0000), …' }
 */
export function findUnstorableInput(value: unknown): ProblemFieldError | undefined {
  const path: (string | number)[] = [];
  const visit = (item: unknown): ProblemFieldError | undefined => {
    if (typeof item === 'string') {
      const message = reasonFor(item);
      return message === undefined ? undefined : { path: formatIssuePath(path), message };
    }
    if (typeof item !== 'object' || item === null) return undefined;
    if (path.length === MAX_NESTING) {
      return { path: formatIssuePath(path), message: `nests deeper than ${MAX_NESTING} levels` };
    }
    for (const [key, child] of childrenOf(item)) {
      path.push(key);
      const keyReason = typeof key === 'string' ? reasonFor(key) : undefined;
      const found =
        keyReason === undefined
          ? visit(child)
          : { path: formatIssuePath(path), message: keyReason };
      path.pop();
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return visit(value);
}
