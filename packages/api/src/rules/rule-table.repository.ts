import type { RuleTable } from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import type { RuleTableRow } from './rule-table.table.ts';

/** The newest version of a workspace's rule table. */
export async function findCurrentRuleTable(
  db: Db,
  workspaceId: string,
  name: string,
): Promise<RuleTableRow | undefined> {
  return db
    .selectFrom('rule_tables')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('name', '=', name)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Stores a new version (previous + 1). Returns `undefined` when `version` was taken
 * meanwhile (two concurrent edits: the second must re-read).
 */
export async function insertRuleTableVersion(
  db: Db,
  row: {
    workspaceId: string;
    name: string;
    version: number;
    rules: RuleTable;
    createdBy: string | null;
  },
): Promise<RuleTableRow | undefined> {
  return db
    .insertInto('rule_tables')
    .values({
      workspace_id: row.workspaceId,
      name: row.name,
      version: row.version,
      rules: JSON.stringify(row.rules),
      created_by: row.createdBy,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'name', 'version']).doNothing())
    .returningAll()
    .executeTakeFirst();
}
