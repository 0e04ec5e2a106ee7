import type { JsonValue } from '../jobs/job.table.ts';
import type { TagCategory, TagKind, TagRow, TagSource, TagStatus } from './tag.table.ts';

/**
 * Everything that defines a tag, as a version snapshot stores it: what it is called, what
 * it means, who owns it, whether it is in use and where its suggestions come from. Ids and
 * timestamps are not part of it (a rollback restores a definition, not a row).
 */
export interface TagDefinition {
  readonly slug: string;
  readonly displayName: string;
  readonly kind: TagKind;
  readonly category: TagCategory;
  readonly definition: string;
  readonly usageNote: string;
  readonly owner: string;
  readonly status: TagStatus;
  readonly autoAccept: boolean;
  readonly source: TagSource | null;
}

/** The fields of a definition, in the order diffs list them. */
export const TAG_DEFINITION_FIELDS = [
  'slug',
  'displayName',
  'kind',
  'category',
  'definition',
  'usageNote',
  'owner',
  'status',
  'autoAccept',
  'source',
] as const satisfies readonly (keyof TagDefinition)[];

export type TagDefinitionField = (typeof TAG_DEFINITION_FIELDS)[number];

/** One field that differs between two definitions (`from` is null for a new tag). */
export interface FieldChange {
  readonly field: TagDefinitionField;
  readonly from: JsonValue;
  readonly to: JsonValue;
}

/** The definition a tag row holds now. */
export function definitionOf(row: TagRow): TagDefinition {
  return {
    slug: row.slug,
    displayName: row.display_name,
    kind: row.kind,
    category: row.category,
    definition: row.definition,
    usageNote: row.usage_note,
    owner: row.owner,
    status: row.status,
    autoAccept: row.auto_accept,
    source: row.source,
  };
}

/** `value` as JSON text with object keys sorted, so jsonb's key order does not matter. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The field-level diff from `before` to `after`; every field (from `null`) when there is no
 * `before`. Sources compare by content, whatever their key order.
 *
 * @example
 * diffDefinitions(v1, { ...v1, status: 'deprecated' });
 * // [{ field: 'status', from: 'active', to: 'deprecated' }]
 */
export function diffDefinitions(
  before: TagDefinition | undefined,
  after: TagDefinition,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TAG_DEFINITION_FIELDS) {
    const from = before === undefined ? null : (before[field] as JsonValue);
    const to = after[field] as JsonValue;
    if (before === undefined || canonicalJson(from) !== canonicalJson(to)) {
      changes.push({ field, from, to });
    }
  }
  return changes;
}
