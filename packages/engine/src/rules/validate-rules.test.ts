import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors.ts';
import { DEFAULT_LIFECYCLE_RULES } from './lifecycle-rules.ts';
import { RFM_SEGMENT_RULES } from './rfm-segments.ts';
import { validateRuleTable } from './validate-rules.ts';

function errorOf(json: unknown, features?: string[]): EngineError {
  try {
    validateRuleTable(json, features ? { features } : {});
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('invalid_rule');
    return error as EngineError;
  }
  throw new Error('expected the rule table to be rejected');
}

const ok = { feature: 'r_score', op: '>=', value: 4 };
const rule = (when: unknown, extra: object = {}): unknown[] => [
  { tag: 'fine', label: 'Fine', when: ok },
  { tag: 'loyal', label: 'Loyal', when, ...extra },
];

describe('validateRuleTable', () => {
  it('accepts the default tables unchanged after a JSON round trip', () => {
    for (const table of [RFM_SEGMENT_RULES, DEFAULT_LIFECYCLE_RULES]) {
      const json = JSON.parse(JSON.stringify(table));
      expect(validateRuleTable(json)).toEqual(table);
    }
  });

  it('returns a copy the caller cannot change through the input', () => {
    const json = rule({ all: [ok] }) as { when: unknown }[];
    const table = validateRuleTable(json);
    (json[1]!.when as { all: unknown[] }).all.push(ok);
    expect(table[1]!.when).toEqual({ all: [ok] });
  });

  it.each([
    ['a non-array table', { tag: 'x' }, [], /^rule table: expected an array of rules/],
    [
      'a bad operator',
      rule({ all: [ok, { feature: 'f', op: '=>', value: 1 }] }),
      [1, 'when', 'all', 1, 'op'],
      /^\[1\]\.when\.all\[1\]\.op: expected one of < <= > >= == !=, got "=>"/,
    ],
    [
      'an unknown key (a typo)',
      rule({ featur: 'f', op: '>', value: 1 }),
      [1, 'when'],
      /needs exactly one of all, any, not, events, feature/,
    ],
    [
      'an extra key',
      rule({ feature: 'f', op: '>', value: 1, weight: 2 }),
      [1, 'when', 'weight'],
      /^\[1\]\.when\.weight: unknown key/,
    ],
    [
      'a tag that is not a slug',
      [{ tag: 'Loyal Customers', label: 'L', when: ok }],
      [0, 'tag'],
      /not a tag slug/,
    ],
    [
      'a duplicate tag',
      [
        { tag: 'a', label: 'A', when: ok },
        { tag: 'a', label: 'B', when: ok },
      ],
      [1, 'tag'],
      /duplicate tag "a"/,
    ],
    ['a missing label', [{ tag: 'a', when: ok }], [0, 'label'], /expected a non-empty string/],
    [
      'a description longer than a tag definition may be',
      [{ tag: 'a', label: 'A', description: 'x'.repeat(4001), when: ok }],
      [0, 'description'],
      /expected at most 4000 characters, got 4001/,
    ],
    [
      'a label longer than a display name may be',
      [{ tag: 'a', label: 'A'.repeat(201), when: ok }],
      [0, 'label'],
      /expected at most 200 characters/,
    ],
    [
      'a missing condition',
      [{ tag: 'a', label: 'A' }],
      [0, 'when'],
      /expected a condition object, got nothing/,
    ],
    ['an empty all', rule({ all: [] }), [1, 'when', 'all'], /non-empty array/],
    [
      'two kinds of condition at once',
      rule({ all: [ok], not: ok }),
      [1, 'when'],
      /got all and not/,
    ],
    [
      'a value that is not a number',
      rule({ not: { feature: 'f', op: '>', value: '4' } }),
      [1, 'when', 'not', 'value'],
      /finite number, got "4"/,
    ],
    [
      'two right-hand sides',
      rule({ feature: 'f', op: '>', value: 1, mean: true }),
      [1, 'when'],
      /exactly one of value, otherFeature, mean; got value and mean/,
    ],
    [
      'mean that is not true',
      rule({ feature: 'f', op: '>', mean: 1 }),
      [1, 'when', 'mean'],
      /expected true/,
    ],
    [
      'an empty window',
      rule({ events: { from: { daysBefore: 30 }, to: { daysBefore: 30 } }, op: '>', value: 0 }),
      [1, 'when', 'events'],
      /empty window/,
    ],
    [
      'a window past the cut-off',
      rule({ events: { to: { daysBefore: -1 } }, op: '>', value: 0 }),
      [1, 'when', 'events', 'to', 'daysBefore'],
      /must be >= 0/,
    ],
    [
      'a bad count unit',
      rule({ events: { unit: 'lines' }, op: '>', value: 0 }),
      [1, 'when', 'events', 'unit'],
      /"events" or "orders"/,
    ],
    [
      'an empty kind list',
      rule({ events: { kind: [] }, op: '>', value: 0 }),
      [1, 'when', 'events', 'kind'],
      /at least one kind/,
    ],
  ])('rejects %s, naming the path', (_name, json, path, message) => {
    const error = errorOf(json);
    expect(error.path).toEqual(path);
    expect(error.message).toMatch(message);
  });

  it('checks feature names when it is given the available features', () => {
    const error = errorOf(rule({ not: { feature: 'r_score', op: '>', otherFeature: 'f_scor' } }), [
      'r_score',
      'f_score',
    ]);
    expect(error.path).toEqual([1, 'when', 'not', 'otherFeature']);
    expect(error.message).toMatch(/unknown feature "f_scor"; available: r_score, f_score/);
  });
});
