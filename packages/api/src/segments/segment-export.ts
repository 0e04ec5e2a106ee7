import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/database.ts';
import type { SegmentExpression } from './segment-expression.ts';
import { listSegmentMembers } from './segment-members.repository.ts';

/** Members read per query while exporting: memory holds one chunk, whatever the segment size. */
export const EXPORT_CHUNK_ROWS = 5000;

export const EXPORT_COLUMNS = ['external_id', 'churn_probability', 'risk_band', 'tags'];

/** Separates the tag slugs of one member inside the `tags` cell (slugs never contain it). */
export const EXPORT_TAG_SEPARATOR = ';';

/**
 * The CSV of a segment's current members, header first, one keyset chunk of
 * `EXPORT_CHUNK_ROWS` at a time in internal id order; quoting is csv-stringify's (RFC 4180).
 * Chunks are separate reads, so a customer changing mid-export appears at most once.
 *
 * @example
 * for await (const text of segmentCsvChunks(db, workspaceId, { tag: 'vip' })) out.write(text);
 */
export async function* segmentCsvChunks(
  db: Db,
  workspaceId: string,
  expression: SegmentExpression,
): AsyncGenerator<string> {
  yield stringify([EXPORT_COLUMNS]);
  let afterId: number | undefined;
  for (;;) {
    const rows = await listSegmentMembers(db, workspaceId, expression, {
      afterId,
      limit: EXPORT_CHUNK_ROWS,
    });
    if (rows.length === 0) return;
    yield stringify(
      rows.map((row) => [
        row.external_id,
        row.probability,
        row.risk_band,
        row.tags.join(EXPORT_TAG_SEPARATOR),
      ]),
    );
    if (rows.length < EXPORT_CHUNK_ROWS) return;
    afterId = rows[rows.length - 1]!.id;
  }
}
