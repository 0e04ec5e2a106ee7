import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { TagStatus } from '../tags/tag.table.ts';
import { UTC_TODAY } from './tag-read.repository.ts';

/**
 * Why a tag counts as unused over the last N days:
 * - `no-assignments`: nobody holds it and nobody was given it in the window;
 * - `no-reads`: it has holders (or recent assignments) but no customer's tags were read
 *   with it through the API in the window.
 */
export type UnusedReason = 'no-assignments' | 'no-reads';

export interface UnusedTag {
  readonly slug: string;
  readonly displayName: string;
  readonly status: TagStatus;
  readonly holders: number;
  readonly lastAssignedAt: string | null;
  /** The last UTC day (`YYYY-MM-DD`) the tag was read; null when never. */
  readonly lastReadAt: string | null;
  readonly reason: UnusedReason;
}

interface UsageRow {
  readonly slug: string;
  readonly display_name: string;
  readonly status: TagStatus;
  readonly holders: number;
  readonly last_assigned_at: Date | null;
  readonly assigned_in_window: boolean;
  readonly last_read_day: string | null;
  readonly read_in_window: boolean;
}

/** The reason a tag is unused, or null when it was both assigned (or held) and read. */
export function unusedReason(usage: {
  holders: number;
  assignedInWindow: boolean;
  readInWindow: boolean;
}): UnusedReason | null {
  if (usage.holders === 0 && !usage.assignedInWindow) return 'no-assignments';
  return usage.readInWindow ? null : 'no-reads';
}

/**
 * Tags not in use over the last `days` days (archived tags are left out: they are retired
 * already), by reason then slug. Holders, last assignment and last read come from one grouped
 * query per source table (customer tags, tag reads), joined on the tag. The window of reads
 * counts whole UTC days: today and the `days − 1` before it.
 */
export async function unusedTagsReport(
  db: Db,
  workspaceId: string,
  days: number,
): Promise<UnusedTag[]> {
  const { rows } = await sql<UsageRow>`
    WITH holdings AS (
      SELECT ct.tag_id,
             (count(*) FILTER (WHERE ct.removed_at IS NULL))::int AS holders,
             max(ct.assigned_at) AS last_assigned_at
        FROM customer_tags ct
       WHERE ct.workspace_id = ${workspaceId}
       GROUP BY ct.tag_id),
    reads AS (
      SELECT r.tag_id, max(r.day) AS last_read_day
        FROM tag_reads r JOIN tags t ON t.id = r.tag_id
       WHERE t.workspace_id = ${workspaceId}
       GROUP BY r.tag_id)
    SELECT t.slug, t.display_name, t.status,
           coalesce(h.holders, 0) AS holders,
           h.last_assigned_at,
           coalesce(h.last_assigned_at > now() - make_interval(days => ${days}), false)
             AS assigned_in_window,
           to_char(rd.last_read_day, 'YYYY-MM-DD') AS last_read_day,
           coalesce(rd.last_read_day > ${UTC_TODAY} - ${days}::int, false) AS read_in_window
      FROM tags t
      LEFT JOIN holdings h ON h.tag_id = t.id
      LEFT JOIN reads rd ON rd.tag_id = t.id
     WHERE t.workspace_id = ${workspaceId} AND t.status <> 'archived'
     ORDER BY t.slug`.execute(db);
  const unused: UnusedTag[] = [];
  for (const row of rows) {
    const reason = unusedReason({
      holders: row.holders,
      assignedInWindow: row.assigned_in_window,
      readInWindow: row.read_in_window,
    });
    if (reason === null) continue;
    unused.push({
      slug: row.slug,
      displayName: row.display_name,
      status: row.status,
      holders: row.holders,
      lastAssignedAt: row.last_assigned_at?.toISOString() ?? null,
      lastReadAt: row.last_read_day,
      reason,
    });
  }
  return unused.sort((a, b) => a.reason.localeCompare(b.reason) || a.slug.localeCompare(b.slug));
}
