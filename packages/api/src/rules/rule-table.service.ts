import { EngineError, formatRulePath, validateRuleTable, type RuleTable } from '@tagwise/engine';
import { writeTransaction, type RecordChange, type ServiceContext } from '../audit/change-hooks.ts';
import { availableFeatureNames } from '../clusters/customer-feature-values.ts';
import type { Db } from '../db/database.ts';
import { ProblemError } from '../http/problem.ts';
import { ensureTag } from '../tags/tag.repository.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import {
  DEFAULT_RULE_TABLES,
  isRuleTableName,
  RULE_TABLE_NAMES,
  type RuleTableName,
} from './default-rule-tables.ts';
import { RFM_SCORE_FEATURES } from './rule-conditions.ts';
import { findCurrentRuleTable, insertRuleTableVersion } from './rule-table.repository.ts';
import type { RuleTableRow } from './rule-table.table.ts';

/** Makes sure every rule of `rules` has its tag (kind rule, the table's category). */
async function ensureRuleTags(
  db: Db,
  workspaceId: string,
  name: RuleTableName,
  rules: RuleTable,
): Promise<void> {
  for (const rule of rules) {
    await ensureTag(db, workspaceId, {
      slug: rule.tag,
      displayName: rule.label,
      kind: 'rule',
      category: DEFAULT_RULE_TABLES[name].category,
      definition: rule.description ?? `Customers matching the "${rule.label}" rule`,
      source: { type: 'rule', ruleTable: name, rule: rule.tag },
    });
  }
}

/**
 * Stores version 1 of every default rule table the workspace lacks, and the tags of its
 * rules, and records each table stored. Idempotent (concurrent callers store, and record, one
 * version 1).
 */
export async function ensureDefaultRuleTables(
  db: Db,
  workspaceId: string,
  record: RecordChange,
): Promise<RuleTableRow[]> {
  const tables: RuleTableRow[] = [];
  for (const name of RULE_TABLE_NAMES) {
    let row = await findCurrentRuleTable(db, workspaceId, name);
    if (row === undefined) {
      const rules = DEFAULT_RULE_TABLES[name].rules;
      const stored = await insertRuleTableVersion(db, {
        workspaceId,
        name,
        version: 1,
        rules,
        createdBy: null,
      });
      row = (await findCurrentRuleTable(db, workspaceId, name))!;
      await ensureRuleTags(db, workspaceId, name, row.rules);
      if (stored !== undefined) {
        await record({
          action: 'rule-table.created',
          resource: 'rule-table',
          resourceId: stored.id,
          workspaceId,
          data: { name, version: 1, rules: rules.length, tags: rules.map((rule) => rule.tag) },
        });
      }
    }
    tables.push(row);
  }
  return tables;
}

export async function listRuleTables(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
): Promise<RuleTableRow[]> {
  return writeTransaction(ctx, (trx, record) => ensureDefaultRuleTables(trx, workspace.id, record));
}

export async function getRuleTable(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  name: string,
): Promise<RuleTableRow> {
  if (!isRuleTableName(name)) throw ProblemError.notFound(`rule table "${name}"`);
  const tables = await listRuleTables(ctx, workspace);
  return tables.find((t) => t.name === name)!;
}

/**
 * Replaces a rule table with a new version after `validateRuleTable` (422 listing the path
 * of the problem, e.g. `rules[2].when.all[1].op`); creates the tags of new rules.
 */
export async function putRuleTable(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  name: string,
  rules: unknown,
): Promise<RuleTableRow> {
  if (!isRuleTableName(name)) throw ProblemError.notFound(`rule table "${name}"`);
  const { features, attributes } = await availableFeatureNames(ctx.db, workspace.id);
  // Before the first feature refresh nothing is known, and only the structure is checked.
  const known =
    features.length + attributes.length === 0
      ? undefined
      : [...features, ...attributes, ...RFM_SCORE_FEATURES];
  let table: RuleTable;
  try {
    table = validateRuleTable(rules, known === undefined ? {} : { features: known });
  } catch (error) {
    if (error instanceof EngineError) {
      throw ProblemError.validation(`the ${name} rule table is invalid`, [
        {
          path: `rules${error.path.length === 0 ? '' : formatRulePath(error.path).replace(/^(?!\[)/, '.')}`,
          message: error.message,
        },
      ]);
    }
    throw error;
  }
  if (table.length === 0) {
    throw ProblemError.validation(`the ${name} rule table is empty`, [
      { path: 'rules', message: 'give at least one rule' },
    ]);
  }
  return writeTransaction(ctx, async (trx, record) => {
    await ensureDefaultRuleTables(trx, workspace.id, record);
    const current = (await findCurrentRuleTable(trx, workspace.id, name))!;
    const row = await insertRuleTableVersion(trx, {
      workspaceId: workspace.id,
      name,
      version: current.version + 1,
      rules: table,
      createdBy: ctx.actor?.keyId ?? null,
    });
    if (row === undefined) {
      throw ProblemError.conflict(`rule table "${name}" was changed meanwhile; read it again`);
    }
    await ensureRuleTags(trx, workspace.id, name, table);
    await record({
      action: 'rule-table.updated',
      resource: 'rule-table',
      resourceId: row.id,
      workspaceId: workspace.id,
      data: { name, version: row.version, rules: table.length },
    });
    return row;
  });
}
