import type { Db } from '../db/database.ts';
import { proposeSlug } from './tag-slug.ts';
import { listTags } from './tag.repository.ts';
import type { TagRow, TagStatus } from './tag.table.ts';

/** An existing tag that a new name looks like, and why. */
export interface NearDuplicate {
  readonly slug: string;
  readonly displayName: string;
  readonly status: TagStatus;
  readonly reason: string;
}

/**
 * The slug as compared for near-duplicates: normalised like a proposal, without hyphens,
 * so `high-value`, `highvalue` and `High Value` meet.
 */
export const slugKey = (slug: string): string => proposeSlug(slug).replace(/-/g, '');

/**
 * The display name as compared for near-duplicates: compatibility-normalised, lower-cased,
 * without spacing or punctuation (any script: `高价值 客户` meets `高价值客户`).
 */
export const displayNameKey = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{Z}\s]+/gu, '');

/** What a name being checked is compared by. */
interface Probe {
  readonly slug: string | undefined;
  readonly slugKey: string | undefined;
  readonly displayName: string | undefined;
  readonly displayNameKey: string | undefined;
}

function probeOf(name: { slug?: string | undefined; displayName?: string | undefined }): Probe {
  const displayName = name.displayName?.trim();
  const nameKey = displayName === undefined ? '' : displayNameKey(displayName);
  return {
    slug: name.slug,
    slugKey: name.slug === undefined || name.slug === '' ? undefined : slugKey(name.slug),
    displayName,
    // A name of only punctuation or spaces resembles nothing.
    displayNameKey: nameKey === '' ? undefined : nameKey,
  };
}

/** Why `tag` resembles the probe, or undefined when it does not (an exact slug is a conflict, not a resemblance). */
function resemblance(probe: Probe, tag: TagRow): string | undefined {
  if (tag.slug === probe.slug) return undefined;
  const reasons: string[] = [];
  if (probe.slugKey !== undefined && slugKey(tag.slug) === probe.slugKey) {
    reasons.push(
      `slug "${tag.slug}" differs from "${probe.slug}" only in case, hyphens or punctuation`,
    );
  }
  if (
    probe.displayNameKey !== undefined &&
    displayNameKey(tag.display_name) === probe.displayNameKey
  ) {
    reasons.push(
      `display name "${tag.display_name}" differs from "${probe.displayName}" only in case, spacing or punctuation`,
    );
  }
  return reasons.length === 0 ? undefined : reasons.join('; ');
}

/** Tags read per query while scanning a workspace. */
const PAGE = 500;
/** More look-alikes than this tell nobody anything new. */
const MAX_MATCHES = 20;

/**
 * The workspace's tags (any status) that a slug and/or display name nearly duplicate, in
 * slug order, and whether the slug itself is taken. Scans the workspace's tags page by page
 * (the comparison is Unicode-aware, which SQL collations here are not).
 *
 * @example
 * await findNearDuplicates(db, workspaceId, { slug: 'highvalue', displayName: 'High Value!' });
 * // { slugTaken: false, nearDuplicates: [{ slug: 'high-value', reason: 'slug "high-value" differs…' }] }
 */
export async function findNearDuplicates(
  db: Db,
  workspaceId: string,
  name: { slug?: string | undefined; displayName?: string | undefined },
  options: { excludeId?: string } = {},
): Promise<{ slugTaken: boolean; nearDuplicates: NearDuplicate[] }> {
  const probe = probeOf(name);
  const nearDuplicates: NearDuplicate[] = [];
  let slugTaken = false;
  let afterSlug: string | undefined;
  for (;;) {
    const page = await listTags(db, workspaceId, { afterSlug, limit: PAGE });
    for (const tag of page) {
      if (tag.id === options.excludeId) continue;
      if (tag.slug === probe.slug) slugTaken = true;
      const reason = resemblance(probe, tag);
      if (reason !== undefined && nearDuplicates.length < MAX_MATCHES) {
        nearDuplicates.push({
          slug: tag.slug,
          displayName: tag.display_name,
          status: tag.status,
          reason,
        });
      }
    }
    if (page.length < PAGE) return { slugTaken, nearDuplicates };
    afterSlug = page[page.length - 1]!.slug;
  }
}
