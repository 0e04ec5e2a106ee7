/** Lower-case ASCII words (letters and digits) joined by single hyphens. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MIN_LENGTH = 2;
export const SLUG_MAX_LENGTH = 48;

/** Why `slug` breaks the naming standard, or `undefined` when it follows it. */
export function slugProblem(slug: string): string | undefined {
  if (slug.length < SLUG_MIN_LENGTH || slug.length > SLUG_MAX_LENGTH) {
    return `must be ${SLUG_MIN_LENGTH}–${SLUG_MAX_LENGTH} characters long (got ${slug.length})`;
  }
  if (!SLUG_PATTERN.test(slug)) {
    return 'must be lower-case ASCII words (a-z, 0-9) joined by single hyphens';
  }
  return undefined;
}

/**
 * The nearest slug that follows the standard: accents stripped, lower-cased, every run of
 * other characters turned into one hyphen, trimmed to the maximum length.
 *
 * @example
 * proposeSlug('High Value  Customers!'); // 'high-value-customers'
 * proposeSlug('Café_Lovers');            // 'cafe-lovers'
 */
export function proposeSlug(input: string): string {
  let slug = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > SLUG_MAX_LENGTH) {
    slug = slug.slice(0, SLUG_MAX_LENGTH).replace(/-+$/, '');
  }
  if (slug.length < SLUG_MIN_LENGTH) slug = slug.length === 0 ? 'tag' : `${slug}-tag`;
  return slug;
}
