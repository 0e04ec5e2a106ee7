import { z } from '@hono/zod-openapi';
import { COMPARISON_OPS, type ComparisonOp } from '@tagwise/engine';
import { formatIssuePath } from '../http/problem.ts';

/**
 * The segment language: a boolean expression over a customer's current tags, current churn
 * prediction and computed features. Comparison operators are those of the rule language.
 *
 * ```json
 * { "all": [
 *     { "tag": "champions" },
 *     { "churn": "riskBand", "op": "==", "value": "high" },
 *     { "not": { "feature": "frequency", "op": "<", "value": 3 } } ] }
 * ```
 *
 * Semantics are two-valued: a comparison on a value the customer lacks (no current churn
 * prediction, no such feature, or a feature of the other type) is false, so its `not` is
 * true. `{ all: [] }` is everyone, `{ any: [] }` no one.
 */
export type SegmentExpression =
  | { readonly all: readonly SegmentExpression[] }
  | { readonly any: readonly SegmentExpression[] }
  | { readonly not: SegmentExpression }
  | TagCondition
  | ChurnProbabilityCondition
  | RiskBandCondition
  | FeatureCondition;

/** The customer holds the tag (by slug) now. */
export interface TagCondition {
  readonly tag: string;
}

export interface ChurnProbabilityCondition {
  readonly churn: 'probability';
  readonly op: ComparisonOp;
  readonly value: number;
}

export interface RiskBandCondition {
  readonly churn: 'riskBand';
  readonly op: EqualityOp;
  readonly value: string;
}

/** Numbers compare as numbers; a string value compares text and allows `==` and `!=` only. */
export interface FeatureCondition {
  readonly feature: string;
  readonly op: ComparisonOp;
  readonly value: number | string;
}

export const EQUALITY_OPS = ['==', '!='] as const;
export type EqualityOp = (typeof EQUALITY_OPS)[number];

/** Nesting depth allowed (a leaf at the top is depth 1). */
export const MAX_EXPRESSION_DEPTH = 8;
/** Nodes allowed in one expression (combinators and leaves). */
export const MAX_EXPRESSION_NODES = 200;

const COMBINATORS = ['all', 'any', 'not'] as const;
const LEAF_KEYS = ['tag', 'churn', 'feature'] as const;
const NODE_KEYS = [...COMBINATORS, ...LEAF_KEYS];

const opSchema = z.enum(COMPARISON_OPS as [ComparisonOp, ...ComparisonOp[]]);
const nameSchema = z.string().min(1).max(200);

const tagSchema = z.object({ tag: nameSchema }).strict();
const churnProbabilitySchema = z
  .object({ churn: z.literal('probability'), op: opSchema, value: z.number().min(0).max(1) })
  .strict();
const riskBandSchema = z
  .object({ churn: z.literal('riskBand'), op: z.enum(EQUALITY_OPS), value: nameSchema })
  .strict();
const featureSchema = z
  .object({ feature: nameSchema, op: opSchema, value: z.union([z.number(), z.string().max(200)]) })
  .strict()
  .refine((c) => typeof c.value === 'number' || c.op === '==' || c.op === '!=', {
    path: ['op'],
    message: 'a text value compares with == or != only',
  });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

interface ExpressionIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

interface Walk {
  readonly issues: ExpressionIssue[];
  nodes: number;
}

/** Validates one node at `path`; returns undefined (after adding errors) when it is invalid. */
function parseNode(
  value: unknown,
  path: readonly PropertyKey[],
  depth: number,
  walk: Walk,
): SegmentExpression | undefined {
  const fail = (message: string, at: readonly PropertyKey[] = path) => {
    walk.issues.push({ path: at, message });
    return undefined;
  };
  walk.nodes += 1;
  if (walk.nodes > MAX_EXPRESSION_NODES) {
    // Said once, at the first node over the limit; the rest of the tree is not read.
    return walk.nodes === MAX_EXPRESSION_NODES + 1
      ? fail(`the expression has more than ${MAX_EXPRESSION_NODES} nodes`)
      : undefined;
  }
  if (depth > MAX_EXPRESSION_DEPTH) {
    return fail(`the expression nests deeper than ${MAX_EXPRESSION_DEPTH} levels`);
  }
  if (!isObject(value)) return fail(`expected an object with one of: ${NODE_KEYS.join(', ')}`);
  const kinds = NODE_KEYS.filter((key) => key in value);
  if (kinds.length !== 1) {
    return fail(
      kinds.length === 0
        ? `expected one of: ${NODE_KEYS.join(', ')}`
        : `give exactly one of ${kinds.join(', ')}`,
    );
  }
  const kind = kinds[0]!;
  if (kind === 'all' || kind === 'any' || kind === 'not') {
    const extra = Object.keys(value).filter((key) => key !== kind);
    if (extra.length > 0) return fail(`unexpected key "${extra[0]}"`, [...path, extra[0]!]);
    const inner = value[kind];
    if (kind === 'not') {
      const child = parseNode(inner, [...path, 'not'], depth + 1, walk);
      return child === undefined ? undefined : { not: child };
    }
    if (!Array.isArray(inner)) return fail('expected an array of expressions', [...path, kind]);
    const children = inner.map((child, i) => parseNode(child, [...path, kind, i], depth + 1, walk));
    if (children.some((child) => child === undefined)) return undefined;
    return (kind === 'all' ? { all: children } : { any: children }) as SegmentExpression;
  }
  const leaf =
    kind === 'tag'
      ? tagSchema
      : kind === 'feature'
        ? featureSchema
        : value.churn === 'riskBand'
          ? riskBandSchema
          : churnProbabilitySchema;
  const parsed = leaf.safeParse(value);
  if (parsed.success) return parsed.data as SegmentExpression;
  for (const issue of parsed.error.issues) fail(issue.message, [...path, ...issue.path]);
  return undefined;
}

/** Validates an expression tree; issues carry paths relative to its root. */
function walkExpression(
  value: unknown,
): { expression: SegmentExpression } | { issues: ExpressionIssue[] } {
  const walk: Walk = { issues: [], nodes: 0 };
  const expression = parseNode(value, [], 1, walk);
  return expression === undefined ? { issues: walk.issues } : { expression };
}

const ref = { $ref: '#/components/schemas/SegmentExpression' };
const opsDoc = { type: 'string', enum: [...COMPARISON_OPS] };
const variant = (properties: Record<string, unknown>) => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

/**
 * The expression in a request body. Validation walks the tree itself (rather than a zod
 * union) so each error names the exact node and field, e.g. `expression.all.1.op`, and a
 * deep tree is refused at the depth limit instead of being recursed into. The published
 * schema is written out here for the same reason: it is recursive.
 */
export const SegmentExpressionSchema = z
  .unknown()
  .transform((value, ctx): SegmentExpression => {
    const result = walkExpression(value);
    if ('expression' in result) return result.expression;
    for (const issue of result.issues) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: [...issue.path] });
    }
    return z.NEVER;
  })
  .openapi('SegmentExpression', {
    description: `A boolean expression over current tags, the current churn prediction and features (at most ${MAX_EXPRESSION_DEPTH} levels deep and ${MAX_EXPRESSION_NODES} nodes). A comparison on a value the customer lacks is false (so its \`not\` is true).`,
    oneOf: [
      variant({ all: { type: 'array', items: ref } }),
      variant({ any: { type: 'array', items: ref } }),
      variant({ not: ref }),
      variant({ tag: { type: 'string', description: 'A tag slug the customer holds now' } }),
      variant({
        churn: { type: 'string', enum: ['probability'] },
        op: opsDoc,
        value: { type: 'number', minimum: 0, maximum: 1 },
      }),
      variant({
        churn: { type: 'string', enum: ['riskBand'] },
        op: { type: 'string', enum: [...EQUALITY_OPS] },
        value: { type: 'string', example: 'high' },
      }),
      variant({
        feature: { type: 'string' },
        op: opsDoc,
        value: {
          oneOf: [{ type: 'number' }, { type: 'string' }],
          description: 'A text value compares with == or != only',
        },
      }),
    ],
  } as Record<string, unknown>);

/** Every tag slug and feature name an expression reads, with the path of each use. */
export function expressionReferences(
  expression: SegmentExpression,
  prefix: readonly PropertyKey[] = ['expression'],
): {
  tags: { slug: string; path: string }[];
  features: { name: string; path: string }[];
  riskBands: { value: string; path: string }[];
} {
  const refs = {
    tags: [] as { slug: string; path: string }[],
    features: [] as { name: string; path: string }[],
    riskBands: [] as { value: string; path: string }[],
  };
  const visit = (node: SegmentExpression, path: readonly PropertyKey[]): void => {
    if ('all' in node) node.all.forEach((child, i) => visit(child, [...path, 'all', i]));
    else if ('any' in node) node.any.forEach((child, i) => visit(child, [...path, 'any', i]));
    else if ('not' in node) visit(node.not, [...path, 'not']);
    else if ('tag' in node)
      refs.tags.push({ slug: node.tag, path: formatIssuePath([...path, 'tag']) });
    else if ('feature' in node) {
      refs.features.push({ name: node.feature, path: formatIssuePath([...path, 'feature']) });
    } else if (node.churn === 'riskBand') {
      refs.riskBands.push({ value: node.value, path: formatIssuePath([...path, 'value']) });
    }
  };
  visit(expression, prefix);
  return refs;
}
