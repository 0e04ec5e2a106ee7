import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '@tagwise/engine';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { startTestServer, type TestServer } from './harness.ts';
import {
  allPages,
  createSegmentTags,
  expectedMember,
  generateSegmentCustomers,
  PLANS,
  REGIONS,
  RISK_BANDS,
  SEGMENT_TAGS,
  storeSegmentCustomers,
  type MemberJson,
  type SegmentCustomer,
} from './segments-data.ts';

type Op = '<' | '<=' | '>' | '>=' | '==' | '!=';
type Expr =
  | { all: Expr[] }
  | { any: Expr[] }
  | { not: Expr }
  | { tag: string }
  | { churn: 'probability'; op: Op; value: number }
  | { churn: 'riskBand'; op: '==' | '!='; value: string }
  | { feature: string; op: Op; value: number | string };

const OPS: Op[] = ['<', '<=', '>', '>=', '==', '!='];

function compare(left: number | string, op: Op, right: number | string): boolean {
  switch (op) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '==':
      return left === right;
    case '!=':
      return left !== right;
  }
}

/** The feature when it has the type compared with, else the attribute, else nothing. */
function valueOf(c: SegmentCustomer, name: string, type: 'number' | 'string') {
  const feature = c.features?.[name];
  if (typeof feature === type) return feature as number | string;
  const attribute = c.attributes[name];
  return typeof attribute === type ? (attribute as number | string) : undefined;
}

/** The specification, written independently of the SQL: two-valued, missing never matches. */
function matches(expr: Expr, c: SegmentCustomer): boolean {
  if ('all' in expr) return expr.all.every((e) => matches(e, c));
  if ('any' in expr) return expr.any.some((e) => matches(e, c));
  if ('not' in expr) return !matches(expr.not, c);
  if ('tag' in expr) return c.tags.includes(expr.tag);
  if ('feature' in expr) {
    const value = valueOf(c, expr.feature, typeof expr.value === 'number' ? 'number' : 'string');
    return value !== undefined && compare(value, expr.op, expr.value);
  }
  if (expr.churn === 'probability') {
    return c.probability !== null && compare(c.probability, expr.op, expr.value);
  }
  return c.riskBand !== null && compare(c.riskBand, expr.op, expr.value);
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.nextInt(items.length)]!;

function randomLeaf(rng: Rng, customers: readonly SegmentCustomer[]): Expr {
  const someone = pick(rng, customers);
  switch (rng.nextInt(6)) {
    case 0:
      return { tag: pick(rng, SEGMENT_TAGS) };
    case 1:
      // Thresholds sometimes equal a stored probability, to test the boundaries.
      return {
        churn: 'probability',
        op: pick(rng, OPS),
        value: someone.probability ?? pick(rng, [0, 0.3, 0.5, 1]),
      };
    case 2:
      return {
        churn: 'riskBand',
        op: pick(rng, ['==', '!='] as const),
        value: pick(rng, RISK_BANDS.labels),
      };
    case 3: {
      const feature = pick(rng, ['score', 'visits', 'age']);
      const stored = valueOf(someone, feature, 'number');
      return {
        feature,
        op: pick(rng, OPS),
        value: typeof stored === 'number' ? stored : rng.nextInt(40),
      };
    }
    case 4:
      return {
        feature: 'plan',
        op: pick(rng, ['==', '!='] as const),
        value: pick(rng, [...PLANS, 'platinum']),
      };
    default:
      return { feature: 'region', op: pick(rng, ['==', '!='] as const), value: pick(rng, REGIONS) };
  }
}

function randomExpression(rng: Rng, customers: readonly SegmentCustomer[], depth = 0): Expr {
  if (depth >= 3 || rng.nextFloat() < 0.35) return randomLeaf(rng, customers);
  const children = () =>
    Array.from({ length: rng.nextInt(4) }, () => randomExpression(rng, customers, depth + 1));
  switch (rng.nextInt(3)) {
    case 0:
      return { all: children() };
    case 1:
      return { any: children() };
    default:
      return { not: randomExpression(rng, customers, depth + 1) };
  }
}

const EXPRESSIONS = 60;

for (const kind of testDatabaseKinds()) {
  describe(`segment evaluation on ${kind}`, () => {
    let t: TestServer;
    let analyst: string;
    const customers = generateSegmentCustomers(20261123, 300);

    beforeAll(async () => {
      t = await startTestServer(kind);
      analyst = t.acme.keys.analyst;
      await createSegmentTags(t, 'acme', analyst);
      await storeSegmentCustomers(t.database.db, t.acme.workspace.id, customers);
      // Another workspace with the same tag slugs and every tag held: never visible in acme.
      await createSegmentTags(t, 'globex', t.globex.keys.analyst);
      await storeSegmentCustomers(
        t.database.db,
        t.globex.workspace.id,
        customers.map((c) => ({ ...c, tags: SEGMENT_TAGS })),
      );
    }, 120_000);
    afterAll(() => t.close());

    it('selects the same members as an independent evaluation, for many random expressions', async () => {
      const rng = createRng(7);
      const sizes: number[] = [];
      for (let i = 0; i < EXPRESSIONS; i++) {
        const expression = randomExpression(rng, customers);
        const expected = customers.filter((c) => matches(expression, c));
        const context = JSON.stringify(expression);

        const preview = await t.request('/v1/workspaces/acme/segments/preview', {
          key: t.acme.keys.operator,
          json: { expression },
        });
        expect(preview.status, context).toBe(200);
        const { count, sample } = (await preview.json()) as {
          count: number;
          sample: MemberJson[];
        };
        expect(count, context).toBe(expected.length);
        // Customers were stored in this order, so internal ids follow it.
        expect(sample, context).toEqual(expected.slice(0, 20).map(expectedMember));

        const created = await t.request('/v1/workspaces/acme/segments', {
          key: analyst,
          json: { slug: `random-${i}`, name: `Random ${i}`, expression },
        });
        expect(created.status, context).toBe(201);
        const members = await allPages<MemberJson>(
          t,
          `/v1/workspaces/acme/segments/random-${i}/members`,
          t.acme.keys.service,
          1000,
        );
        expect(members, context).toEqual(expected.map(expectedMember));
        sizes.push(expected.length);
      }
      // The generator must reach empty, partial and large segments, or the check proves little.
      expect(sizes.some((size) => size === 0)).toBe(true);
      expect(sizes.some((size) => size > 0 && size < 100)).toBe(true);
      expect(sizes.some((size) => size > 200)).toBe(true);
    }, 300_000);

    it('is two-valued: a comparison on a missing value is false and its negation true', async () => {
      const cases: Expr[] = [
        { not: { churn: 'probability', op: '>=', value: 0 } },
        { not: { feature: 'score', op: '!=', value: -1 } },
        { not: { feature: 'plan', op: '!=', value: 'gold' } },
        {
          any: [
            { feature: 'visits', op: '<', value: 5 },
            { not: { feature: 'visits', op: '<', value: 5 } },
          ],
        },
      ];
      const expectations = [
        customers.filter((c) => c.probability === null),
        customers.filter((c) => valueOf(c, 'score', 'number') === undefined),
        // Not "plan other than gold": gold, or no plan at all.
        customers.filter((c) =>
          [undefined, 'gold'].includes(valueOf(c, 'plan', 'string') as string),
        ),
        customers,
      ];
      expect(expectations[0]!.length).toBeGreaterThan(0);
      expect(expectations[1]!.length).toBeGreaterThan(0);
      for (const [i, expression] of cases.entries()) {
        const res = await t.request('/v1/workspaces/acme/segments/preview', {
          key: analyst,
          json: { expression },
        });
        const { count } = (await res.json()) as { count: number };
        expect(count, JSON.stringify(expression)).toBe(expectations[i]!.length);
      }
    });
  });
}
