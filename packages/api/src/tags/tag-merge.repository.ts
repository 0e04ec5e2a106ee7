import type { Db } from '../db/database.ts';

/**
 * Takes a tag's pending suggestions out of the review queue (status `superseded`, with the
 * reason): used when the tag is merged away. Returns how many there were.
 */
export async function supersedePendingSuggestionsOfTag(
  db: Db,
  tagId: string,
  reason: string,
): Promise<number> {
  const result = await db
    .updateTable('suggestions')
    .set({ status: 'superseded', reason })
    .where('tag_id', '=', tagId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
