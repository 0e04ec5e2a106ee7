import type { EventWindow } from '../features/event-features-windows.ts';

/**
 * The rule language. A rule table is plain JSON an operator can read and edit:
 *
 * ```json
 * [
 *   {
 *     "tag": "slipping-regular",
 *     "label": "Slipping regular",
 *     "when": {
 *       "all": [
 *         { "feature": "frequency", "op": ">=", "value": 5 },
 *         { "events": { "kind": "purchase", "from": { "daysBefore": 60 } }, "op": "==", "value": 0 },
 *         { "feature": "monetary", "op": ">", "mean": true }
 *       ]
 *     }
 *   }
 * ]
 * ```
 */
export type ComparisonOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export const COMPARISON_OPS: readonly ComparisonOp[] = ['<', '<=', '>', '>=', '==', '!='];

/** `feature op value`, e.g. `{ feature: 'r_score', op: '>=', value: 4 }`. */
export interface FeatureValueCondition {
  readonly feature: string;
  readonly op: ComparisonOp;
  readonly value: number;
}

/** `feature op otherFeature`, row by row, e.g. orders_last_90 < orders_prev_90. */
export interface FeatureFeatureCondition {
  readonly feature: string;
  readonly op: ComparisonOp;
  readonly otherFeature: string;
}

/** `feature op mean(feature)`, the mean over every row of the evaluated table. */
export interface FeatureMeanCondition {
  readonly feature: string;
  readonly op: ComparisonOp;
  readonly mean: true;
}

/** `count of events in window op value`, e.g. more than 4 visits in the last 30 days. */
export interface EventCountCondition {
  readonly events: EventWindow;
  readonly op: ComparisonOp;
  readonly value: number;
}

export interface AllCondition {
  readonly all: readonly Condition[];
}
export interface AnyCondition {
  readonly any: readonly Condition[];
}
export interface NotCondition {
  readonly not: Condition;
}

export type Condition =
  | FeatureValueCondition
  | FeatureFeatureCondition
  | FeatureMeanCondition
  | EventCountCondition
  | AllCondition
  | AnyCondition
  | NotCondition;

/** One deterministic tag: customers for whom `when` holds get `tag`. */
export interface Rule {
  /** Lower-case, hyphen-separated slug, unique in its table, e.g. `champions`. */
  readonly tag: string;
  /** Human label, e.g. `Champions`. */
  readonly label: string;
  /** What the tag means and how to use it. */
  readonly description?: string;
  readonly when: Condition;
}

/** Rules in order; order matters only to `firstMatchingTag`. */
export type RuleTable = readonly Rule[];
