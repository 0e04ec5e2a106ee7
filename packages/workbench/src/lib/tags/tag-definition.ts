import type { components } from '../api/schema.d.ts';

export type TagDefinition = components['schemas']['TagDefinition'];
export type TagSource = components['schemas']['TagSource'];
export type TagDefinitionField = components['schemas']['TagFieldChange']['field'];

/** The definition fields in the order the history lists them, with their labels. */
export const FIELD_LABELS: Record<TagDefinitionField, string> = {
  slug: 'Slug',
  displayName: 'Display name',
  kind: 'Kind',
  category: 'Category',
  definition: 'Definition',
  usageNote: 'Usage note',
  owner: 'Owner',
  status: 'Status',
  autoAccept: 'Auto-accept',
  source: 'Suggestions come from',
};

/** Where a tag's suggestions come from, in words. */
export function describeSource(source: TagSource): string {
  if (source === null) return 'none';
  switch (source.type) {
    case 'cluster':
      return `cluster ${source.cluster} of clustering run ${source.runId.slice(0, 8)}`;
    case 'rule':
      return `rule “${source.rule}” of rule table ${source.ruleTable}`;
    case 'model':
      return `the ${source.modelKind} model${source.threshold === undefined ? '' : ` above ${source.threshold}`}`;
    default:
      return 'set by hand';
  }
}

/**
 * A field's value as the history shows it: `on`/`off` for auto-accept, the source in
 * words, `(empty)` for an empty text and `–` for none (a new tag's "before").
 */
export function formatFieldValue(field: TagDefinitionField, value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (field === 'autoAccept') return value === true ? 'on' : 'off';
  if (field === 'source') return describeSource(value as TagSource);
  if (value === '') return '(empty)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** One field that differs between two definitions. */
export interface DefinitionChange {
  readonly field: TagDefinitionField;
  readonly from: unknown;
  readonly to: unknown;
}

/**
 * What restoring `target` would change in `current`, field by field (a rollback preview).
 *
 * @example
 * definitionChanges(current, { ...current, status: 'active' });
 * // [{ field: 'status', from: 'deprecated', to: 'active' }]
 */
export function definitionChanges(
  current: TagDefinition,
  target: TagDefinition,
): DefinitionChange[] {
  return (Object.keys(FIELD_LABELS) as TagDefinitionField[]).flatMap((field) =>
    JSON.stringify(current[field]) === JSON.stringify(target[field])
      ? []
      : [{ field, from: current[field], to: target[field] }],
  );
}
