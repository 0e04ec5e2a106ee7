import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeEventFeatures } from '../features/event-features.ts';
import { DAY_MS, eventLogFromRows, type EventInput } from '../features/events.ts';
import { evaluateRules, firstMatchingTag } from './evaluate-rules.ts';
import { DEFAULT_LIFECYCLE_RULES, lifecycleRules } from './lifecycle-rules.ts';
import type { RuleTable } from './rule-types.ts';

const asOf = Date.UTC(2024, 6, 1);
const purchases = (id: string, days: number[]): EventInput[] =>
  days.map((d) => ({ customerId: id, time: asOf - d * DAY_MS, amount: 10 }));

function stages(rows: EventInput[], rules: RuleTable = DEFAULT_LIFECYCLE_RULES) {
  const events = eventLogFromRows(rows);
  const features = computeEventFeatures(events, { asOf });
  const result = evaluateRules(rules, { features, events, asOf });
  return { result, byId: Object.fromEntries(features.ids.map((id, i) => [id, result.matched[i]])) };
}

describe('lifecycle rules (defaults: new 30, active 90, churn 180, returning gap 90 days)', () => {
  it('reaches every stage, one per customer', () => {
    const { byId } = stages([
      ...purchases('new', [10]), // first purchase 10 days ago
      ...purchases('active', [100, 20]), // bought recently and steadily
      ...purchases('active-edge', [90, 40]), // 90 days is inside the active window
      ...purchases('returning', [300, 20]), // nothing between 180 and 90 days ago
      ...purchases('dormant', [120]), // last purchase between 90 and 180 days ago
      ...purchases('churned', [400]), // nothing for 180 days
      { customerId: 'browser', time: asOf - 5 * DAY_MS, kind: 'visit' }, // never bought
      { customerId: 'refunded', time: asOf - 5 * DAY_MS, amount: 10, kind: 'return' },
    ]);
    expect(byId).toEqual({
      active: ['active'],
      'active-edge': ['active'],
      browser: [],
      churned: ['churned'],
      dormant: ['dormant'],
      new: ['new'],
      refunded: [],
      returning: ['returning'],
    });
  });

  it('follows the thresholds it is built with', () => {
    const rules = lifecycleRules({
      newDays: 5,
      activeDays: 15,
      churnDays: 60,
      returningGapDays: 30,
    });
    const { byId } = stages(
      [
        ...purchases('a', [10]), // bought 10 days ago, first time: not new with newDays 5
        ...purchases('b', [50, 10]), // silent 45..15 days ago (30 days) -> returning
        ...purchases('c', [40]), // dormant between 15 and 60
        ...purchases('d', [61]),
      ],
      rules,
    );
    expect(byId).toEqual({ a: ['active'], b: ['returning'], c: ['dormant'], d: ['churned'] });
  });

  it('rejects thresholds that would make stages overlap', () => {
    expect(() => lifecycleRules({ newDays: 100, activeDays: 90 })).toThrow(/newDays/);
    expect(() => lifecycleRules({ activeDays: 200, churnDays: 180 })).toThrow(/churnDays/);
    expect(() => lifecycleRules({ returningGapDays: 0 })).toThrow(/returningGapDays/);
  });

  it('gives exactly one stage to every customer who has bought', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 20,
        }),
        (customers) => {
          const rows = customers.flatMap((days, i) => purchases(`c${i}`, days));
          const { result } = stages(rows);
          expect(result.matched.every((tags) => tags.length === 1)).toBe(true);
          expect(firstMatchingTag(result).every((tag) => tag !== null)).toBe(true);
        },
      ),
      { numRuns: 60, seed: 11 },
    );
  });
});
