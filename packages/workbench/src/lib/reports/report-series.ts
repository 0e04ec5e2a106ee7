/**
 * Report answers reshaped into the long rows Observable Plot draws (one row per mark). Each
 * function takes only the fields it reads, so it works on the generated API types as they are.
 */

/** The decision columns of the acceptance report, in stacking order. */
export const DECISIONS = ['accepted', 'autoAccepted', 'rejected', 'pending'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
  accepted: 'accepted',
  autoAccepted: 'auto-accepted',
  rejected: 'rejected',
  pending: 'pending',
};

export type DecisionCounts = Readonly<Record<Decision, number>>;

export interface DecisionBar {
  readonly key: string;
  readonly decision: string;
  readonly count: number;
}

/**
 * One bar segment per row and decision, zero counts left out.
 *
 * @example
 * decisionBars([{ source: 'rule', accepted: 3, autoAccepted: 0, rejected: 1, pending: 0 }], (r) => r.source);
 * // [{ key: 'rule', decision: 'accepted', count: 3 }, { key: 'rule', decision: 'rejected', count: 1 }]
 */
export function decisionBars<R extends DecisionCounts>(
  rows: readonly R[],
  keyOf: (row: R) => string,
): DecisionBar[] {
  return rows.flatMap((row) =>
    DECISIONS.filter((d) => row[d] > 0).map((d) => ({
      key: keyOf(row),
      decision: DECISION_LABELS[d],
      count: row[d],
    })),
  );
}

export interface ReliabilityPoint {
  readonly source: string;
  readonly meanConfidence: number;
  readonly acceptanceRate: number;
  readonly count: number;
  /** The bin's confidence range, e.g. `0.7–0.8`, for the tooltip. */
  readonly range: string;
}

interface ReliabilityBinLike {
  readonly from: number;
  readonly to: number;
  readonly meanConfidence: number | null;
  readonly acceptanceRate: number | null;
  readonly count: number;
}

/**
 * The decided bins of every source: mean confidence against the observed acceptance rate.
 * Bins nobody decided (no rate) are left out rather than drawn at zero.
 */
export function reliabilityPoints(
  sources: readonly { readonly source: string; readonly bins: readonly ReliabilityBinLike[] }[],
): ReliabilityPoint[] {
  return sources.flatMap(({ source, bins }) =>
    bins.flatMap((bin) =>
      bin.meanConfidence === null || bin.acceptanceRate === null || bin.count === 0
        ? []
        : [
            {
              source,
              meanConfidence: bin.meanConfidence,
              acceptanceRate: bin.acceptanceRate,
              count: bin.count,
              range: `${bin.from}–${bin.to}`,
            },
          ],
    ),
  );
}

export interface TrendPoint {
  readonly at: Date;
  readonly series: string;
  readonly customers: number;
}

/**
 * Customers tagged at each refresh (series `any tag`) and the holders of the `topTags` tags
 * with the most holders at the last refresh.
 */
export function coverageTrend(
  trend: readonly {
    readonly at: string;
    readonly tagged: number;
    readonly byTag: Readonly<Record<string, number>>;
  }[],
  topTags = 4,
): TrendPoint[] {
  const last = trend.at(-1)?.byTag ?? {};
  const top = Object.keys(last)
    .sort((a, b) => (last[b] ?? 0) - (last[a] ?? 0) || a.localeCompare(b))
    .slice(0, topTags);
  return trend.flatMap((point) => {
    const at = new Date(point.at);
    return [
      { at, series: 'any tag', customers: point.tagged },
      ...top.map((slug) => ({ at, series: slug, customers: point.byTag[slug] ?? 0 })),
    ];
  });
}

export interface DistributionBar {
  readonly from: number;
  readonly to: number;
  readonly share: number;
  readonly population: string;
}

/** Training and current score distributions side by side (the current one when scored). */
export function scoreDistributions(churn: {
  readonly training: { readonly bins: readonly { from: number; to: number; share: number }[] };
  readonly current: {
    readonly bins: readonly { from: number; to: number; share: number }[];
  } | null;
}): DistributionBar[] {
  const rows = (population: string, bins: readonly { from: number; to: number; share: number }[]) =>
    bins.map((bin) => ({ from: bin.from, to: bin.to, share: bin.share, population }));
  return [
    ...rows('training (out of fold)', churn.training.bins),
    ...(churn.current === null ? [] : rows('current scores', churn.current.bins)),
  ];
}
