import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  expressionReferences,
  MAX_EXPRESSION_DEPTH,
  MAX_EXPRESSION_NODES,
  SegmentExpressionSchema,
  type SegmentExpression,
} from './segment-expression.ts';

const body = z.object({ expression: SegmentExpressionSchema });

/** The issue paths of an invalid body, as the API formats them. */
function issuePaths(expression: unknown): string[] {
  const result = body.safeParse({ expression });
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.path.join('.'));
}

describe('SegmentExpressionSchema', () => {
  it('accepts every node kind and returns the expression unchanged', () => {
    const expression: SegmentExpression = {
      all: [
        { tag: 'vip' },
        { any: [] },
        { not: { churn: 'probability', op: '>=', value: 0.6 } },
        { churn: 'riskBand', op: '!=', value: 'low' },
        { feature: 'frequency', op: '<', value: 3 },
        { feature: 'plan', op: '==', value: 'gold' },
      ],
    };
    expect(body.parse({ expression }).expression).toEqual(expression);
  });

  it('names the exact node and field of every error', () => {
    expect(
      issuePaths({ all: [{ tag: 'vip' }, { churn: 'probability', op: '=', value: 1 }] }),
    ).toEqual(['expression.all.1.op']);
    expect(
      issuePaths({ any: [{ feature: 'plan', op: '>', value: 'gold' }, { not: { tag: '' } }] }),
    ).toEqual(['expression.any.0.op', 'expression.any.1.not.tag']);
    expect(issuePaths({ churn: 'riskBand', op: '<', value: 'high' })).toEqual(['expression.op']);
    expect(issuePaths({ tag: 'vip', not: { tag: 'x' } })).toEqual(['expression']);
    expect(issuePaths({ all: { tag: 'vip' } })).toEqual(['expression.all']);
    expect(issuePaths({ not: { tag: 'vip' }, why: 1 })).toEqual(['expression.why']);
    expect(issuePaths([{ tag: 'vip' }])).toEqual(['expression']);
  });

  it('refuses trees deeper or larger than the limits with one error each', () => {
    let deep: unknown = { tag: 'vip' };
    for (let i = 0; i < MAX_EXPRESSION_DEPTH; i++) deep = { not: deep };
    expect(issuePaths(deep)).toEqual([`expression${'.not'.repeat(MAX_EXPRESSION_DEPTH)}`]);
    let atLimit: unknown = { tag: 'vip' };
    for (let i = 1; i < MAX_EXPRESSION_DEPTH; i++) atLimit = { not: atLimit };
    expect(issuePaths(atLimit)).toEqual([]);
    const wide = { any: Array.from({ length: MAX_EXPRESSION_NODES * 2 }, () => ({ tag: 'vip' })) };
    expect(issuePaths(wide)).toEqual([`expression.any.${MAX_EXPRESSION_NODES - 1}`]);
  });
});

describe('expressionReferences', () => {
  it('lists tags, features and risk bands with their paths', () => {
    expect(
      expressionReferences({
        any: [
          { tag: 'vip' },
          { not: { feature: 'recency_days', op: '>', value: 90 } },
          { churn: 'riskBand', op: '==', value: 'high' },
          { churn: 'probability', op: '>', value: 0.5 },
        ],
      }),
    ).toEqual({
      tags: [{ slug: 'vip', path: 'expression.any.0.tag' }],
      features: [{ name: 'recency_days', path: 'expression.any.1.not.feature' }],
      riskBands: [{ value: 'high', path: 'expression.any.2.value' }],
    });
  });
});
