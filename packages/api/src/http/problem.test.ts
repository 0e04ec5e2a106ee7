import { z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { issuesAsFieldErrors } from './problem.ts';

const errorsOf = (schema: z.ZodType, value: unknown) =>
  issuesAsFieldErrors(schema.safeParse(value).error?.issues ?? []);

describe('issuesAsFieldErrors', () => {
  const naming = z.union([
    z.object({ tag: z.string() }).strict(),
    z.object({ slug: z.string(), displayName: z.string(), note: z.string().optional() }).strict(),
  ]);

  it('gives the issues of the union branch that came closest, at their full path', () => {
    expect(errorsOf(naming, { slug: 'lapsed' })).toEqual([
      { path: 'displayName', message: expect.stringContaining('expected string') as unknown },
    ]);
    expect(
      errorsOf(z.object({ items: z.array(naming) }), {
        items: [{ tag: 'a' }, { slug: 's', displayName: 1 }],
      }),
    ).toEqual([
      {
        path: 'items.1.displayName',
        message: expect.stringContaining('expected string') as unknown,
      },
    ]);
  });

  it("keeps the union's own message when no branch is closer than another", () => {
    const cell = z.union([z.string(), z.number()], { error: 'must be a string or a number' });
    expect(errorsOf(z.object({ plan: cell }), { plan: [1] })).toEqual([
      { path: 'plan', message: 'must be a string or a number' },
    ]);
  });

  it('passes other issues through, the body itself as (root)', () => {
    expect(errorsOf(z.string(), 1)).toEqual([
      { path: '(root)', message: expect.stringContaining('expected string') as unknown },
    ]);
  });
});
