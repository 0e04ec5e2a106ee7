import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.ts';
import { matrixFromRows } from '../linalg/matrix.ts';
import type { FeatureTable } from '../features/event-features-table.ts';
import { DAY_MS, eventLogFromRows, type EventInput } from '../features/events.ts';
import { evaluateRules, firstMatchingTag } from './evaluate-rules.ts';
import type { RuleTable } from './rule-types.ts';

const table: FeatureTable = {
  ids: ['u1', 'u2', 'u3', 'u4'],
  names: ['orders_last_90', 'orders_prev_90', 'monetary'],
  matrix: matrixFromRows([
    [5, 1, 100],
    [0, 4, 10],
    [2, 2, Number.NaN],
    [1, 0, 50],
  ]),
};

function masks(rules: RuleTable, features = table): number[][] {
  return evaluateRules(rules, { features }).masks.map((m) => Array.from(m));
}

describe('evaluateRules: feature conditions', () => {
  it('compares a feature with a value using every operator', () => {
    const ops = ['<', '<=', '>', '>=', '==', '!='] as const;
    const rules = ops.map((op, i) => ({
      tag: `op-${i}`,
      label: op,
      when: { feature: 'orders_last_90', op, value: 2 },
    }));
    // orders_last_90 = 5, 0, 2, 1
    expect(masks(rules)).toEqual([
      [0, 1, 0, 1],
      [0, 1, 1, 1],
      [1, 0, 0, 0],
      [1, 0, 1, 0],
      [0, 0, 1, 0],
      [1, 1, 0, 1],
    ]);
  });

  it('compares two features row by row', () => {
    const rules = [
      {
        tag: 'slowing',
        label: 'Slowing',
        when: { feature: 'orders_last_90', op: '<' as const, otherFeature: 'orders_prev_90' },
      },
    ];
    expect(masks(rules)).toEqual([[0, 1, 0, 0]]);
  });

  it('compares with the population mean, skipping missing values', () => {
    // monetary mean over the finite values: (100 + 10 + 50) / 3 = 53.33
    const rules = [
      {
        tag: 'big',
        label: 'Big',
        when: { feature: 'monetary', op: '>' as const, mean: true as const },
      },
    ];
    expect(masks(rules)).toEqual([[1, 0, 0, 0]]);
  });

  it('never matches a missing value, not even with !=', () => {
    const rules: RuleTable = [
      { tag: 'not-five', label: 'x', when: { feature: 'monetary', op: '!=', value: 5 } },
      { tag: 'not-below', label: 'x', when: { not: { feature: 'monetary', op: '<', value: 5 } } },
    ];
    // u3's monetary is NaN: != never matches; "not (x < 5)" does, as negation of false
    expect(masks(rules)).toEqual([
      [1, 1, 0, 1],
      [1, 1, 1, 1],
    ]);
  });
});

describe('evaluateRules: all / any / not', () => {
  const recent = { feature: 'orders_last_90', op: '>=' as const, value: 2 };
  const earlier = { feature: 'orders_prev_90', op: '>=' as const, value: 2 };

  it('combines masks with AND, OR and NOT, nested', () => {
    const rules: RuleTable = [
      { tag: 'both', label: 'x', when: { all: [recent, earlier] } },
      { tag: 'either', label: 'x', when: { any: [recent, earlier] } },
      { tag: 'neither', label: 'x', when: { not: { any: [recent, earlier] } } },
      { tag: 'only-recent', label: 'x', when: { all: [recent, { not: earlier }] } },
    ];
    // recent: 1 0 1 0; earlier: 0 1 1 0
    expect(masks(rules)).toEqual([
      [0, 0, 1, 0],
      [1, 1, 1, 0],
      [0, 0, 0, 1],
      [1, 0, 0, 0],
    ]);
  });

  it('lists every matched tag per customer, in table order, and the first match', () => {
    const rules: RuleTable = [
      { tag: 'either', label: 'x', when: { any: [recent, earlier] } },
      { tag: 'both', label: 'x', when: { all: [recent, earlier] } },
    ];
    const result = evaluateRules(rules, { features: table });
    expect(result.ids).toEqual(table.ids);
    expect(result.matched).toEqual([['either'], ['either'], ['either', 'both'], []]);
    expect(firstMatchingTag(result)).toEqual(['either', 'either', 'either', null]);
  });
});

describe('evaluateRules: event counts in windows', () => {
  const asOf = Date.UTC(2024, 0, 1);
  const at = (daysBefore: number): number => asOf - daysBefore * DAY_MS;
  const visits = (id: string, days: number[]): EventInput[] =>
    days.map((d) => ({ customerId: id, time: at(d), kind: 'visit' }));
  const events = eventLogFromRows([
    ...visits('u1', [1, 2, 3, 4, 5]), // 5 in window A, 0 in B -> match
    ...visits('u2', [1, 2, 3, 4, 5, 45]), // one visit in B -> no
    ...visits('u3', [1, 2, 3, 4]), // only 4 in A -> no
    ...visits('u4', [1, 2, 3, 4, 5, 6, 70]), // 6 in A; 70 days is before B -> match
    { customerId: 'u3', time: at(2), amount: 9 }, // purchases are not visits
    { customerId: 'u3', time: at(3), amount: 9 },
  ]);
  const keen: RuleTable = [
    {
      tag: 'keen-browser',
      label: 'Keen browser',
      when: {
        all: [
          { events: { kind: 'visit', from: { daysBefore: 30 } }, op: '>', value: 4 },
          {
            events: { kind: 'visit', from: { daysBefore: 60 }, to: { daysBefore: 30 } },
            op: '==',
            value: 0,
          },
        ],
      },
    },
  ];

  it('matches "more than 4 visits in window A and none in window B"', () => {
    const result = evaluateRules(keen, { features: table, events, asOf });
    expect(Array.from(result.masks[0]!)).toEqual([1, 0, 0, 1]);
  });

  it('ignores events at or after the cut-off', () => {
    const result = evaluateRules(keen, { features: table, events, asOf: at(4) });
    // with the cut-off 4 days earlier, the visits 1-4 days before the old cut-off are at or
    // after the new one: u1 keeps 1 visit in window A, u4 keeps 2
    expect(Array.from(result.masks[0]!)).toEqual([0, 0, 0, 0]);
  });

  it('needs an event log and a cut-off when a rule counts events', () => {
    expect(() => evaluateRules(keen, { features: table })).toThrow(/\[0\]\.when\.all\[0\]\.events/);
  });
});

describe('evaluateRules: validation', () => {
  it('names the rule path of a feature the table does not have', () => {
    const rules = [
      {
        tag: 'x',
        label: 'X',
        when: {
          any: [
            { feature: 'orders_last_90', op: '>', value: 1 },
            { feature: 'r_score', op: '>', value: 1 },
          ],
        },
      },
    ] as RuleTable;
    try {
      evaluateRules(rules, { features: table });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EngineError);
      expect((error as EngineError).code).toBe('invalid_rule');
      expect((error as EngineError).message).toMatch(
        /^\[0\]\.when\.any\[1\]\.feature: unknown feature "r_score"/,
      );
      expect((error as EngineError).path).toEqual([0, 'when', 'any', 1, 'feature']);
    }
  });
});
