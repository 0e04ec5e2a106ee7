import { requireArgument } from '../errors.ts';
import { PURCHASE } from '../features/events.ts';
import type { Condition, ComparisonOp, RuleTable } from './rule-types.ts';

/** Day thresholds of the lifecycle stages; see `lifecycleRules`. */
export interface LifecycleThresholds {
  /** First purchase within this many days → new. @default 30 */
  readonly newDays: number;
  /** Last purchase within this many days → active (or new / returning). @default 90 */
  readonly activeDays: number;
  /** No purchase for this many days → churned; between activeDays and this → dormant. @default 180 */
  readonly churnDays: number;
  /** Silence before the active window that makes an active customer "returning". @default 90 */
  readonly returningGapDays: number;
}

export const DEFAULT_LIFECYCLE_THRESHOLDS: LifecycleThresholds = {
  newDays: 30,
  activeDays: 90,
  churnDays: 180,
  returningGapDays: 90,
};

/** Purchases in [T − fromDays, T − toDays) compared with `value`; open start when `fromDays` is omitted. */
function purchases(
  window: { fromDays?: number; toDays?: number },
  op: ComparisonOp,
  value: number,
): Condition {
  return {
    events: {
      kind: PURCHASE,
      ...(window.fromDays === undefined ? {} : { from: { daysBefore: window.fromDays } }),
      ...(window.toDays === undefined ? {} : { to: { daysBefore: window.toDays } }),
    },
    op,
    value,
  };
}

/**
 * Lifecycle stages as a rule table over purchase counts in windows before the cut-off T
 * (N = newDays, A = activeDays, C = churnDays, G = returningGapDays; "bought in [x, y)" means
 * a purchase between x and y days before T):
 *
 * - `new`: first purchase within N days — bought in [N, 0) and never before.
 * - `returning`: bought in [A, 0), nothing in [A + G, A), and bought before that: came back
 *   after a silence of at least G days.
 * - `active`: bought in [A, 0), bought before N, and not returning.
 * - `dormant`: nothing in [A, 0), bought in [C, A).
 * - `churned`: nothing in [C, 0), bought before that.
 *
 * With N ≤ A < C the stages are exclusive and every customer with a purchase before T gets
 * exactly one; a customer with no purchase at all (only returns or visits) gets none.
 *
 * @example
 * const rules = lifecycleRules({ activeDays: 60, churnDays: 365 });
 * firstMatchingTag(evaluateRules(rules, { features, events: log, asOf }));
 */
export function lifecycleRules(thresholds: Partial<LifecycleThresholds> = {}): RuleTable {
  const { newDays, activeDays, churnDays, returningGapDays } = {
    ...DEFAULT_LIFECYCLE_THRESHOLDS,
    ...thresholds,
  };
  for (const [name, value] of Object.entries({
    newDays,
    activeDays,
    churnDays,
    returningGapDays,
  })) {
    requireArgument(
      Number.isFinite(value) && value > 0,
      name,
      `must be a positive number of days, got ${value}`,
    );
  }
  requireArgument(
    newDays <= activeDays,
    'newDays',
    `must be <= activeDays (${activeDays}), got ${newDays}`,
  );
  requireArgument(
    activeDays < churnDays,
    'churnDays',
    `must be greater than activeDays (${activeDays}), got ${churnDays}`,
  );
  const gapEnd = activeDays + returningGapDays;
  const cameBack: Condition = {
    all: [
      purchases({ fromDays: gapEnd, toDays: activeDays }, '==', 0),
      purchases({ toDays: gapEnd }, '>', 0),
    ],
  };
  return [
    {
      tag: 'new',
      label: 'New',
      description: `First purchase within the last ${newDays} days.`,
      when: {
        all: [purchases({ fromDays: newDays }, '>', 0), purchases({ toDays: newDays }, '==', 0)],
      },
    },
    {
      tag: 'returning',
      label: 'Returning',
      description: `Bought in the last ${activeDays} days after at least ${returningGapDays} days without a purchase.`,
      when: { all: [purchases({ fromDays: activeDays }, '>', 0), cameBack] },
    },
    {
      tag: 'active',
      label: 'Active',
      description: `Bought in the last ${activeDays} days; not new, not returning.`,
      when: {
        all: [
          purchases({ fromDays: activeDays }, '>', 0),
          purchases({ toDays: newDays }, '>', 0),
          { not: cameBack },
        ],
      },
    },
    {
      tag: 'dormant',
      label: 'Dormant',
      description: `Last purchase between ${activeDays} and ${churnDays} days ago.`,
      when: {
        all: [
          purchases({ fromDays: activeDays }, '==', 0),
          purchases({ fromDays: churnDays, toDays: activeDays }, '>', 0),
        ],
      },
    },
    {
      tag: 'churned',
      label: 'Churned',
      description: `No purchase for ${churnDays} days.`,
      when: {
        all: [
          purchases({ fromDays: churnDays }, '==', 0),
          purchases({ toDays: churnDays }, '>', 0),
        ],
      },
    },
  ];
}

/** `lifecycleRules()` with the default thresholds. */
export const DEFAULT_LIFECYCLE_RULES: RuleTable = lifecycleRules();
