import {
  createMatrix,
  evaluateRules,
  eventCountsInWindow,
  EventLogBuilder,
  withRfmScores,
  type Factor,
  type FeatureTable,
  type RuleTable,
} from '@tagwise/engine';
import { streamCustomers } from '../customers/customer.repository.ts';
import { numericValue } from '../clusters/customer-feature-values.ts';
import type { Db } from '../db/database.ts';
import { loadCustomersEventLog } from '../events/event-log.ts';
import { factorText } from '../suggestions/factor-text.ts';
import type { StoredCandidate, SuggestionProvider } from '../suggestions/suggestion-source.ts';
import { isRuleTableName } from './default-rule-tables.ts';
import {
  describeWindow,
  eventWindows,
  featuresRead,
  meanFeatures,
  readsEvents,
  RFM_BASE_FEATURES,
  RFM_SCORE_FEATURES,
  withResolvedMeans,
} from './rule-conditions.ts';
import { ensureDefaultRuleTables } from './rule-table.service.ts';
import type { RuleTableRow } from './rule-table.table.ts';

/** Customers evaluated together (events are loaded per batch). */
const BATCH = 2000;

/** The features one table needs, for every customer with computed features. */
interface Population {
  readonly customerIds: number[];
  readonly names: string[];
  /** `[customers, names]`; NaN where a customer lacks the feature (no rule matches NaN). */
  readonly data: Float64Array;
  readonly asOf: number;
}

async function loadPopulation(db: Db, workspaceId: string, names: string[]): Promise<Population> {
  const customerIds: number[] = [];
  const values: number[] = [];
  let asOf = 0;
  for await (const customers of streamCustomers(db, workspaceId, { batchSize: 5000 })) {
    for (const customer of customers) {
      if (customer.features === null) continue;
      customerIds.push(customer.id);
      for (const name of names) {
        values.push(numericValue(customer.features, customer.attributes, name) ?? Number.NaN);
      }
      asOf = Math.max(asOf, customer.features_as_of?.getTime() ?? 0);
    }
  }
  return { customerIds, names, data: Float64Array.from(values), asOf: asOf || Date.now() };
}

function tableOf(population: Population, start: number, end: number): FeatureTable {
  const cols = population.names.length;
  const matrix = createMatrix(end - start, cols);
  matrix.data.set(population.data.subarray(start * cols, end * cols));
  return {
    ids: population.customerIds.slice(start, end).map(String),
    names: population.names,
    matrix,
  };
}

/** The table's features for everyone: RFM scores computed over the whole population. */
function scoredPopulation(population: Population, rules: RuleTable): Population {
  const needsScores = featuresRead(rules).some((name) =>
    (RFM_SCORE_FEATURES as readonly string[]).includes(name),
  );
  if (!needsScores) return population;
  const scored = withRfmScores(tableOf(population, 0, population.customerIds.length));
  return { ...population, names: [...scored.names], data: scored.matrix.data };
}

function populationMeans(population: Population, names: readonly string[]): Map<string, number> {
  const cols = population.names.length;
  const means = new Map<string, number>();
  for (const name of names) {
    const j = population.names.indexOf(name);
    let sum = 0;
    let count = 0;
    for (let i = 0; i < population.customerIds.length; i++) {
      const value = population.data[i * cols + j]!;
      if (Number.isFinite(value)) {
        sum += value;
        count++;
      }
    }
    means.set(name, count === 0 ? Number.NaN : sum / count);
  }
  return means;
}

async function* tableCandidates(
  db: Db,
  workspaceId: string,
  table: RuleTableRow,
  signal: AbortSignal,
): AsyncGenerator<StoredCandidate[]> {
  const rules = table.rules;
  const read = featuresRead(rules);
  const needsScores = read.some((n) => (RFM_SCORE_FEATURES as readonly string[]).includes(n));
  const base = [
    ...new Set([
      ...(needsScores ? RFM_BASE_FEATURES : []),
      ...read.filter((n) => !(RFM_SCORE_FEATURES as readonly string[]).includes(n)),
    ]),
  ];
  const population = scoredPopulation(await loadPopulation(db, workspaceId, base), rules);
  const n = population.customerIds.length;
  if (n === 0) return;
  const resolved = withResolvedMeans(rules, populationMeans(population, meanFeatures(rules)));
  const withEvents = readsEvents(rules);
  const cols = population.names.length;
  for (let start = 0; start < n && !signal.aborted; start += BATCH) {
    const end = Math.min(n, start + BATCH);
    const features = tableOf(population, start, end);
    const ids = population.customerIds.slice(start, end);
    // Customers without events still get window counts (of zero), so rules read them as 0.
    const events = withEvents
      ? ((await loadCustomersEventLog(db, ids)) ?? new EventLogBuilder(1).build())
      : undefined;
    const evaluation = evaluateRules(resolved, {
      features,
      ...(events === undefined ? {} : { events, asOf: population.asOf }),
    });
    const candidates: StoredCandidate[] = [];
    evaluation.tags.forEach((tag, r) => {
      const rule = rules[r]!;
      const ruleFeatures = featuresRead([rule]);
      const windows = eventWindows(rule);
      const counts =
        events === undefined
          ? []
          : windows.map((w) => eventCountsInWindow(events, w, population.asOf, features.ids));
      const mask = evaluation.masks[r]!;
      for (let row = 0; row < mask.length; row++) {
        if (mask[row] !== 1) continue;
        const i = start + row;
        const factors: Factor[] = [
          ...ruleFeatures.map((name) => {
            const value = population.data[i * cols + population.names.indexOf(name)]!;
            return { feature: name, value: Number.isFinite(value) ? value : 'missing' };
          }),
          ...windows.map((w, k) => ({ feature: describeWindow(w), value: counts[k]![row]! })),
        ];
        candidates.push({
          customerId: ids[row]!,
          tagSlug: tag,
          source: 'rule',
          sourceVersion: table.id,
          confidence: 1,
          factors,
          explanation: `Rule "${rule.label}" (${table.name} v${table.version}) holds: ${factors
            .map((f) => factorText(f.feature, f.value))
            .join(', ')}.`,
        });
      }
    });
    yield candidates;
  }
}

/**
 * Rule suggestions: every rule of the workspace's current rule tables (RFM segments over
 * quintile scores of the whole population, lifecycle stages over purchase windows), with
 * confidence 1, the rule-table version id as source version and the features (and event
 * counts) the rule reads as factors. Stores the default tables on first use.
 */
export const ruleSuggestionProvider: SuggestionProvider = {
  source: 'rule',
  async *candidates({ db, workspaceId, signal, write }) {
    const tables = await write((trx, record) => ensureDefaultRuleTables(trx, workspaceId, record));
    for (const table of tables) {
      if (!isRuleTableName(table.name)) continue;
      yield* tableCandidates(db, workspaceId, table, signal);
    }
  },
};
