import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

export const TAG_KINDS = ['fact', 'rule', 'model', 'predictive'] as const;
/** How a tag is decided: a stated fact, a deterministic rule, a cluster model, a prediction. */
export type TagKind = (typeof TAG_KINDS)[number];

export const TAG_CATEGORIES = ['attribute', 'behaviour', 'interest', 'lifecycle', 'value'] as const;
export type TagCategory = (typeof TAG_CATEGORIES)[number];

export const TAG_STATUSES = ['active', 'deprecated', 'archived'] as const;
/** `deprecated` tags keep their holders but get no new suggestions; `archived` are hidden. */
export type TagStatus = (typeof TAG_STATUSES)[number];

/** Where a tag's suggestions come from. */
export type TagSource =
  | { readonly type: 'rule'; readonly ruleTable: string; readonly rule: string }
  | { readonly type: 'cluster'; readonly runId: string; readonly cluster: number }
  | { readonly type: 'model'; readonly modelKind: 'churn'; readonly threshold?: number }
  | { readonly type: 'manual' };

export interface TagTable {
  id: Generated<string>;
  workspace_id: string;
  /** Lower-case ASCII words joined by single hyphens, 2–48 characters; unique per workspace. */
  slug: string;
  display_name: string;
  kind: TagKind;
  category: TagCategory;
  /** What the tag means. */
  definition: string;
  /** How (and how not) to use it. */
  usage_note: Generated<string>;
  /** Who answers for the tag (a team or a person); empty when nobody was named. */
  owner: Generated<string>;
  status: Generated<TagStatus>;
  /** Suggestions at or above the policy's auto-accept confidence become customer tags directly. */
  auto_accept: Generated<boolean>;
  source: JSONColumnType<TagSource | null, string | null, string | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date | string>;
}

export type TagRow = Selectable<TagTable>;
export type NewTagRow = Insertable<TagTable>;
