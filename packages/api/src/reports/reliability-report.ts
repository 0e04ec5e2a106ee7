import { sql } from 'kysely';
import type { SuggestionSource } from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import { acceptanceRate, SUGGESTION_SOURCES } from './acceptance-report.ts';
import { weightedMeanAbsoluteGap } from './calibration-gap.ts';
import { binOf, fillBins } from './equal-width-bins.ts';

export interface ReliabilityBinView {
  readonly from: number;
  readonly to: number;
  /** Mean confidence of the decided suggestions in the bin; null when empty. */
  readonly meanConfidence: number | null;
  /** accepted / count; null when empty. */
  readonly acceptanceRate: number | null;
  readonly accepted: number;
  readonly rejected: number;
  readonly count: number;
}

export interface SourceReliability {
  readonly source: SuggestionSource;
  /** Suggestions a person accepted or rejected. */
  readonly decided: number;
  /** Σ (countᵦ / decided) · |meanConfidenceᵦ − acceptanceRateᵦ|; null with no decisions. */
  readonly weightedMeanAbsoluteGap: number | null;
  readonly bins: ReliabilityBinView[];
}

interface BinRow {
  readonly source: SuggestionSource;
  readonly bin: number;
  readonly count: number;
  readonly accepted: number;
  readonly confidence_sum: number;
}

/**
 * The reliability table of suggestion confidence against people's decisions, per source:
 * decided suggestions (accepted or rejected by a person; auto-accepted ones are left out,
 * they were nobody's decision) in `bins` equal-width confidence bins, each with its mean
 * confidence next to its acceptance rate. A trustworthy confidence has them close: of
 * suggestions at 0.8, about 80 % are accepted.
 */
export async function reliabilityReport(
  db: Db,
  workspaceId: string,
  options: { bins: number; source?: SuggestionSource | undefined },
): Promise<SourceReliability[]> {
  const { bins } = options;
  const source = options.source ?? null;
  const { rows } = await sql<BinRow>`
    SELECT source, ${binOf(sql`confidence`, bins)} AS bin, count(*)::int AS count,
           (count(*) FILTER (WHERE status = 'accepted'))::int AS accepted,
           sum(confidence) AS confidence_sum
      FROM suggestions
     WHERE workspace_id = ${workspaceId} AND status IN ('accepted', 'rejected')
       AND (${source}::text IS NULL OR source = ${source}::text)
     GROUP BY 1, 2`.execute(db);
  const sources = options.source === undefined ? SUGGESTION_SOURCES : [options.source];
  return sources.map((s) => {
    const mine = new Map(rows.filter((r) => r.source === s).map((r) => [r.bin, r]));
    const table = fillBins(bins, mine, (bounds, row): ReliabilityBinView => {
      const count = row?.count ?? 0;
      const accepted = row?.accepted ?? 0;
      return {
        ...bounds,
        meanConfidence: row === undefined ? null : row.confidence_sum / count,
        acceptanceRate: acceptanceRate(accepted, count - accepted),
        accepted,
        rejected: count - accepted,
        count,
      };
    });
    return {
      source: s,
      decided: table.reduce((n, b) => n + b.count, 0),
      weightedMeanAbsoluteGap: weightedMeanAbsoluteGap(
        table.map((b) => ({
          count: b.count,
          expected: b.meanConfidence,
          observed: b.acceptanceRate,
        })),
      ),
      bins: table,
    };
  });
}
