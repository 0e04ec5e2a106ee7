/** Lower-case ASCII words (letters and digits) joined by single hyphens. */
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MIN_LENGTH = 2;
export const SLUG_MAX_LENGTH = 48;
/** Words the API uses in tag paths (`/tags/check`), so no tag may be named by them. */
export const RESERVED_SLUGS: readonly string[] = ['check'];

/** Why `slug` breaks the naming standard, or `undefined` when it follows it. */
export function slugProblem(slug: string): string | undefined {
  if (slug.length < SLUG_MIN_LENGTH || slug.length > SLUG_MAX_LENGTH) {
    return `must be ${SLUG_MIN_LENGTH}–${SLUG_MAX_LENGTH} characters long (got ${slug.length})`;
  }
  if (!SLUG_PATTERN.test(slug)) {
    return 'must be lower-case ASCII words (a-z, 0-9) joined by single hyphens';
  }
  if (RESERVED_SLUGS.includes(slug)) return `"${slug}" is reserved by the API`;
  return undefined;
}

/**
 * The nearest slug that follows the standard: accents stripped, lower-cased, every run of
 * other characters turned into one hyphen, trimmed to the maximum length; too short or
 * reserved results get a `-tag` suffix. `slugProblem(proposeSlug(x))` is always undefined.
 *
 * @example
 * proposeSlug('High Value  Customers!'); // 'high-value-customers'
 * proposeSlug('Café_Lovers');            // 'cafe-lovers'
 * proposeSlug('高价值客户');              // 'tag' (nothing ASCII to keep)
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
  if (slug.length === 0) return 'tag';
  if (slug.length < SLUG_MIN_LENGTH || RESERVED_SLUGS.includes(slug)) return `${slug}-tag`;
  return slug;
}
