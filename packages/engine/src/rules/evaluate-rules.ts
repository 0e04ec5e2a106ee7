import { EngineError } from '../errors.ts';
import { featureColumn, type FeatureTable } from '../features/event-features-table.ts';
import { eventCountsInWindow } from '../features/event-features-windows.ts';
import type { EventLog } from '../features/events.ts';
import type { ComparisonOp, Condition, RuleTable } from './rule-types.ts';
import { formatRulePath, validateRuleTable } from './validate-rules.ts';

/** What rules are evaluated against. */
export interface RuleContext {
  /** One row per customer; feature conditions read its columns. */
  readonly features: FeatureTable;
  /** Needed only by event-count conditions. */
  readonly events?: EventLog;
  /** Cut-off in ms, needed only by event-count conditions (windows count back from it). */
  readonly asOf?: number;
}

export interface RuleEvaluation {
  /** `[rows]` the feature table's ids */
  readonly ids: readonly string[];
  /** `[rules]` tags in table order */
  readonly tags: readonly string[];
  /** `[rules][rows]` 1 where the rule matched the customer */
  readonly masks: readonly Uint8Array[];
  /** `[rows]` tags matched by each customer, in table order */
  readonly matched: readonly (readonly string[])[];
}

type Path = readonly (string | number)[];

/** Writes `left[i] op right[i]` into `out`; a NaN on either side never matches (even `!=`). */
function compareInto(
  out: Uint8Array,
  left: ArrayLike<number>,
  right: ArrayLike<number> | number,
  op: ComparisonOp,
): void {
  const n = out.length;
  if (typeof right === 'number') {
    if (Number.isNaN(right)) return; // out is all 0
    compareInto(out, left, new Float64Array(n).fill(right), op);
    return;
  }
  // One loop per op keeps the branch out of the hot loop.
  switch (op) {
    case '<':
      for (let i = 0; i < n; i++) out[i] = left[i]! < right[i]! ? 1 : 0;
      break;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = left[i]! <= right[i]! ? 1 : 0;
      break;
    case '>':
      for (let i = 0; i < n; i++) out[i] = left[i]! > right[i]! ? 1 : 0;
      break;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = left[i]! >= right[i]! ? 1 : 0;
      break;
    case '==':
      for (let i = 0; i < n; i++) out[i] = left[i]! === right[i]! ? 1 : 0;
      break;
    case '!=':
      for (let i = 0; i < n; i++) {
        const a = left[i]!;
        const b = right[i]!;
        out[i] = a !== b && a === a && b === b ? 1 : 0;
      }
      break;
  }
}

function finiteMean(values: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (const v of values) {
    if (Number.isFinite(v)) {
      sum += v;
      count++;
    }
  }
  return count ? sum / count : Number.NaN;
}

/** Evaluates conditions over every row at once, caching columns, means and window counts. */
class MaskEvaluator {
  private readonly columns = new Map<string, Float64Array>();
  private readonly means = new Map<string, number>();
  private readonly counts = new Map<string, Int32Array>();
  private readonly rows: number;

  constructor(private readonly context: RuleContext) {
    this.rows = context.features.ids.length;
  }

  evaluate(condition: Condition, path: Path): Uint8Array {
    const out = new Uint8Array(this.rows);
    if ('all' in condition) {
      out.fill(1);
      condition.all.forEach((child, i) => {
        const mask = this.evaluate(child, [...path, 'all', i]);
        for (let r = 0; r < out.length; r++) out[r]! &= mask[r]!;
      });
    } else if ('any' in condition) {
      condition.any.forEach((child, i) => {
        const mask = this.evaluate(child, [...path, 'any', i]);
        for (let r = 0; r < out.length; r++) out[r]! |= mask[r]!;
      });
    } else if ('not' in condition) {
      const mask = this.evaluate(condition.not, [...path, 'not']);
      for (let r = 0; r < out.length; r++) out[r] = mask[r]! ^ 1;
    } else if ('events' in condition) {
      compareInto(out, this.windowCounts(condition.events, path), condition.value, condition.op);
    } else {
      const left = this.column(condition.feature);
      const right =
        'value' in condition
          ? condition.value
          : 'otherFeature' in condition
            ? this.column(condition.otherFeature)
            : this.mean(condition.feature);
      compareInto(out, left, right, condition.op);
    }
    return out;
  }

  private column(name: string): Float64Array {
    let column = this.columns.get(name);
    if (!column) {
      column = featureColumn(this.context.features, name);
      this.columns.set(name, column);
    }
    return column;
  }

  private mean(name: string): number {
    let mean = this.means.get(name);
    if (mean === undefined) {
      mean = finiteMean(this.column(name));
      this.means.set(name, mean);
    }
    return mean;
  }

  private windowCounts(window: Parameters<typeof eventCountsInWindow>[1], path: Path): Int32Array {
    const { events, asOf, features } = this.context;
    if (!events || asOf === undefined) {
      throw new EngineError(
        'invalid_argument',
        `${formatRulePath([...path, 'events'])}: the rule counts events, so the context needs an event log and asOf`,
        [...path, 'events'],
      );
    }
    const key = JSON.stringify(window);
    let counts = this.counts.get(key);
    if (!counts) {
      counts = eventCountsInWindow(events, window, asOf, features.ids);
      this.counts.set(key, counts);
    }
    return counts;
  }
}

/**
 * Evaluates a rule table over every customer of a feature table. The table is validated first
 * (`validateRuleTable`, with the feature table's names), so JSON straight from an operator is
 * safe to pass. Work is vectorised: each condition becomes a `[rows]` 0/1 mask; identical
 * feature columns, means and event windows are computed once per call.
 *
 * Semantics: comparisons are on numbers; a NaN on either side never matches (not even `!=`);
 * `mean` is the mean of the feature over the table's rows (non-finite values skipped), so the
 * same customer can change segment when the population changes; `all` is AND, `any` is OR,
 * `not` negates.
 *
 * @example
 * const scored = withRfmScores(computeEventFeatures(log, { asOf }));
 * const result = evaluateRules(RFM_SEGMENT_RULES, { features: scored });
 * result.matched[0]; // e.g. ['champions']
 */
export function evaluateRules(rules: RuleTable, context: RuleContext): RuleEvaluation {
  const table = validateRuleTable(rules, { features: context.features.names });
  const evaluator = new MaskEvaluator(context);
  const masks = table.map((rule, i) => evaluator.evaluate(rule.when, [i, 'when']));
  const tags = table.map((rule) => rule.tag);
  const matched = context.features.ids.map((_, row) =>
    tags.filter((_tag, r) => masks[r]![row] === 1),
  );
  return { ids: context.features.ids, tags, masks, matched };
}

/**
 * For tables whose rules are meant to be exclusive (RFM segments, lifecycle stages): the first
 * matching tag per customer in table order, or null when none matched.
 *
 * @returns `[rows]`
 */
export function firstMatchingTag(evaluation: RuleEvaluation): (string | null)[] {
  return evaluation.ids.map((_, row) => {
    const r = evaluation.masks.findIndex((mask) => mask[row] === 1);
    return r < 0 ? null : evaluation.tags[r]!;
  });
}
