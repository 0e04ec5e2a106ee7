import type { ColumnType, JSONColumnType, Selectable } from 'kysely';
import type { FieldChange, TagDefinition } from './tag-definition.ts';

/**
 * One version of a tag's definition. Versions are only ever inserted: an edit, a merge and
 * a rollback each add the next one, so the history of who changed what, when and why is
 * never rewritten.
 */
export interface TagVersionTable {
  tag_id: string;
  /** 1 for the tag as created, then +1 per change; unique per tag. */
  version: number;
  /** The full definition after the change. */
  snapshot: JSONColumnType<TagDefinition, string, never>;
  /** What differs from the previous version (every field, from null, for version 1). */
  changes: JSONColumnType<FieldChange[], string, never>;
  /** Why, in the words of whoever changed it. */
  message: string | null;
  /** The key that made the change; `null` for the system (jobs, rule tables, cluster re-runs). */
  actor_key_id: string | null;
  request_id: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type TagVersionRow = Selectable<TagVersionTable>;
