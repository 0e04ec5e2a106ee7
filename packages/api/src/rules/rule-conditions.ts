import type { Condition, EventWindow, Rule, RuleTable } from '@tagwise/engine';

/** The RFM score columns `withRfmScores` appends, and the features it computes them from. */
export const RFM_SCORE_FEATURES = ['r_score', 'f_score', 'm_score'] as const;
export const RFM_BASE_FEATURES = ['recency_days', 'frequency', 'monetary'] as const;

function walk(condition: Condition, visit: (leaf: Condition) => void): void {
  if ('all' in condition) condition.all.forEach((c) => walk(c, visit));
  else if ('any' in condition) condition.any.forEach((c) => walk(c, visit));
  else if ('not' in condition) walk(condition.not, visit);
  else visit(condition);
}

/** Every feature a rule (or table) reads, in first-use order. */
export function featuresRead(rules: RuleTable | readonly Rule[]): string[] {
  const names = new Set<string>();
  for (const rule of rules) {
    walk(rule.when, (leaf) => {
      if ('feature' in leaf) names.add(leaf.feature);
      if ('otherFeature' in leaf) names.add(leaf.otherFeature);
    });
  }
  return [...names];
}

/** The event windows a rule counts, in first-use order. */
export function eventWindows(rule: Rule): EventWindow[] {
  const windows: EventWindow[] = [];
  walk(rule.when, (leaf) => {
    if ('events' in leaf) windows.push(leaf.events);
  });
  return windows;
}

export function readsEvents(rules: RuleTable): boolean {
  return rules.some((rule) => eventWindows(rule).length > 0);
}

/** Features compared with their population mean somewhere in the table. */
export function meanFeatures(rules: RuleTable): string[] {
  const names = new Set<string>();
  for (const rule of rules) {
    walk(rule.when, (leaf) => {
      if ('mean' in leaf) names.add(leaf.feature);
    });
  }
  return [...names];
}

function resolve(condition: Condition, means: ReadonlyMap<string, number>): Condition {
  if ('all' in condition) return { all: condition.all.map((c) => resolve(c, means)) };
  if ('any' in condition) return { any: condition.any.map((c) => resolve(c, means)) };
  if ('not' in condition) return { not: resolve(condition.not, means) };
  if ('mean' in condition) {
    return { feature: condition.feature, op: condition.op, value: means.get(condition.feature)! };
  }
  return condition;
}

/**
 * The table with every `feature op mean` comparison replaced by `feature op <value>` using
 * population means computed beforehand, so the table can be evaluated batch by batch and
 * still compare with the mean over every customer.
 */
export function withResolvedMeans(rules: RuleTable, means: ReadonlyMap<string, number>): RuleTable {
  return rules.map((rule) => ({ ...rule, when: resolve(rule.when, means) }));
}

/**
 * A reviewer's name for an event window, e.g. `purchase events in the 90 days before the
 * cut-off` or `purchase orders 180–90 days before the cut-off`.
 */
export function describeWindow(window: EventWindow): string {
  const kinds = window.kind === undefined ? '' : `${[window.kind].flat().join('/')} `;
  const events = `${kinds}${window.unit ?? 'events'}`;
  const from = window.from?.daysBefore;
  const to = window.to?.daysBefore ?? 0;
  if (from === undefined) {
    return to === 0
      ? `${events} before the cut-off`
      : `${events} more than ${to} days before the cut-off`;
  }
  return to === 0
    ? `${events} in the ${from} days before the cut-off`
    : `${events} ${from}–${to} days before the cut-off`;
}
