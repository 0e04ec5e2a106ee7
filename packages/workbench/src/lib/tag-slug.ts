/**
 * The tag naming standard, checked as the analyst types (the API checks it again on save):
 * lower-case ASCII words (a-z, 0-9) joined by single hyphens, 2–48 characters.
 */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MIN_LENGTH = 2;
export const SLUG_MAX_LENGTH = 48;

/** Why `slug` breaks the standard, or `undefined` when it follows it. */
export function slugProblem(slug: string): string | undefined {
  if (slug.length < SLUG_MIN_LENGTH || slug.length > SLUG_MAX_LENGTH) {
    return `must be ${SLUG_MIN_LENGTH}–${SLUG_MAX_LENGTH} characters long (got ${slug.length})`;
  }
  if (!SLUG_PATTERN.test(slug))
    return 'must be lower-case ASCII words (a-z, 0-9) joined by single hyphens';
  return undefined;
}

/**
 * The nearest valid slug: accents stripped, lower-cased, other characters turned into one
 * hyphen, trimmed to the maximum length.
 *
 * @example
 * proposeSlug('High Value  Customers!'); // 'high-value-customers'
 */
export function proposeSlug(input: string): string {
  let slug = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > SLUG_MAX_LENGTH) slug = slug.slice(0, SLUG_MAX_LENGTH).replace(/-+$/, '');
  if (slug.length < SLUG_MIN_LENGTH) slug = slug.length === 0 ? 'tag' : `${slug}-tag`;
  return slug;
}
