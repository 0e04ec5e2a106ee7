import { z } from '@hono/zod-openapi';
import { ProblemError } from './problem.ts';

/** Pagination query: `limit` (1..max, default 100) and an opaque `cursor` from the previous page. */
export const pageQuerySchema = (max = 1000) =>
  z.object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(max)
      .default(Math.min(100, max))
      .openapi({ description: `Page size (1..${max})` }),
    cursor: z
      .string()
      .max(500)
      .optional()
      .openapi({ description: 'The `nextCursor` of the previous page' }),
  });

/** Encodes a keyset position as an opaque URL-safe string. */
export function encodeCursor(position: string): string {
  return Buffer.from(JSON.stringify({ after: position }), 'utf8').toString('base64url');
}

/** Shape of uuid keyset positions. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes `encodeCursor` output (checked against `shape`); a tampered cursor is a 400 naming `query.cursor`. */
export function decodeCursor(
  cursor: string | undefined,
  shape: RegExp = /^[\s\S]*$/,
): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && 'after' in parsed) {
      const after = (parsed as { after: unknown }).after;
      if (typeof after === 'string' && shape.test(after)) return after;
    }
  } catch {
    // fall through to the problem below
  }
  throw new ProblemError('invalid-parameters', 'the cursor is not one this API returned', [
    { path: 'query.cursor', message: 'unknown cursor; pass `nextCursor` from the previous page' },
  ]);
}

/** A page of items plus the cursor of the next page (`null` on the last page). */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells that more exist.
 */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  position: (row: Row) => string,
  map: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: hasMore && last !== undefined ? encodeCursor(position(last)) : null,
  };
}

export const pageSchema = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: 'null on the last page' }),
    })
    .openapi(name);
