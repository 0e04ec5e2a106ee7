import { sql } from 'kysely';
import type { SuggestionSource } from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import { SuggestionSourceSchema } from '../suggestions/suggestion.schema.ts';

/** Every suggestion source, listed in this order even when it made nothing. */
export const SUGGESTION_SOURCES: readonly SuggestionSource[] = SuggestionSourceSchema.options;

/** Suggestions by outcome; `superseded` ones are left out (nobody decided them). */
export interface DecisionCounts {
  readonly pending: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly autoAccepted: number;
  /** accepted / (accepted + rejected): people's decisions only; null before any. */
  readonly acceptanceRate: number | null;
}

export interface AcceptanceReport {
  readonly byTag: ({ slug: string } & DecisionCounts)[];
  readonly bySource: ({ source: SuggestionSource } & DecisionCounts)[];
}

/** The window of suggestion creation times a report covers: [from, to), either end open. */
export interface CreatedWindow {
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
}

interface CountRow {
  readonly slug: string | null;
  readonly source: SuggestionSource | null;
  readonly pending: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly auto_accepted: number;
}

/** Acceptance rate from people's decisions: auto-accepted suggestions were nobody's choice. */
export function acceptanceRate(accepted: number, rejected: number): number | null {
  return accepted + rejected === 0 ? null : accepted / (accepted + rejected);
}

const EMPTY = { pending: 0, accepted: 0, rejected: 0, auto_accepted: 0 };

function countsOf(row: Omit<CountRow, 'slug' | 'source'>): DecisionCounts {
  return {
    pending: row.pending,
    accepted: row.accepted,
    rejected: row.rejected,
    autoAccepted: row.auto_accepted,
    acceptanceRate: acceptanceRate(row.accepted, row.rejected),
  };
}

/**
 * Suggestions created in the window by outcome, per tag and per source, in one grouped
 * query (grouping sets: tag, source).
 */
export async function acceptanceReport(
  db: Db,
  workspaceId: string,
  window: CreatedWindow,
): Promise<AcceptanceReport> {
  const from = window.from ?? null;
  const to = window.to ?? null;
  const { rows } = await sql<CountRow>`
    SELECT t.slug, s.source,
           (count(*) FILTER (WHERE s.status = 'pending'))::int AS pending,
           (count(*) FILTER (WHERE s.status = 'accepted'))::int AS accepted,
           (count(*) FILTER (WHERE s.status = 'rejected'))::int AS rejected,
           (count(*) FILTER (WHERE s.status = 'auto_accepted'))::int AS auto_accepted
      FROM suggestions s
      JOIN tags t ON t.id = s.tag_id
     WHERE s.workspace_id = ${workspaceId} AND s.status <> 'superseded'
       AND (${from}::timestamptz IS NULL OR s.created_at >= ${from}::timestamptz)
       AND (${to}::timestamptz IS NULL OR s.created_at < ${to}::timestamptz)
     GROUP BY GROUPING SETS ((t.slug), (s.source))
     ORDER BY t.slug`.execute(db);
  const bySource = new Map(rows.filter((r) => r.source !== null).map((r) => [r.source, r]));
  return {
    byTag: rows
      .filter((r): r is CountRow & { slug: string } => r.slug !== null)
      .map((r) => ({ slug: r.slug, ...countsOf(r) })),
    bySource: SUGGESTION_SOURCES.map((source) => ({
      source,
      ...countsOf(bySource.get(source) ?? EMPTY),
    })),
  };
}
