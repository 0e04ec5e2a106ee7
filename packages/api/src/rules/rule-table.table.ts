import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { RuleTable } from '@tagwise/engine';

export interface RuleTableTable {
  id: Generated<string>;
  workspace_id: string;
  /** `rfm-segments` or `lifecycle`. */
  name: string;
  version: number;
  rules: ColumnType<RuleTable, string, string>;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
}

export type RuleTableRow = Selectable<RuleTableTable>;
export type NewRuleTableRow = Insertable<RuleTableTable>;
