import { DEFAULT_LIFECYCLE_RULES, RFM_SEGMENT_RULES, type RuleTable } from '@tagwise/engine';
import type { TagCategory } from '../tags/tag.table.ts';

export const RULE_TABLE_NAMES = ['rfm-segments', 'lifecycle'] as const;
export type RuleTableName = (typeof RULE_TABLE_NAMES)[number];

/** Each rule table a workspace has: its starting rules and the category of its tags. */
export const DEFAULT_RULE_TABLES: Record<
  RuleTableName,
  { readonly rules: RuleTable; readonly category: TagCategory; readonly description: string }
> = {
  'rfm-segments': {
    rules: RFM_SEGMENT_RULES,
    category: 'value',
    description: 'The eight RFM segments over quintile scores of recency, frequency and monetary',
  },
  lifecycle: {
    rules: DEFAULT_LIFECYCLE_RULES,
    category: 'lifecycle',
    description: 'Lifecycle stages from purchase counts in windows before the cut-off',
  },
};

export const isRuleTableName = (name: string): name is RuleTableName =>
  (RULE_TABLE_NAMES as readonly string[]).includes(name);
