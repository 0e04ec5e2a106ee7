import type { Condition, Rule, RuleTable } from './rule-types.ts';

type Level = 'high' | 'low';

/** High = score above the population mean of that score; low = at or below it. */
function level(feature: 'r_score' | 'f_score' | 'm_score', which: Level): Condition {
  return { feature, op: which === 'high' ? '>' : '<=', mean: true };
}

function segment(
  tag: string,
  label: string,
  r: Level,
  f: Level,
  m: Level,
  description: string,
): Rule {
  return {
    tag,
    label,
    description: `R ${r}, F ${f}, M ${m}. ${description}`,
    when: { all: [level('r_score', r), level('f_score', f), level('m_score', m)] },
  };
}

/**
 * The eight classic RFM segments as a rule table, read over the `r_score`, `f_score` and
 * `m_score` columns of `withRfmScores`. Each score is "high" when above its mean over the
 * evaluated customers and "low" otherwise, so the eight rules are exclusive and cover everyone.
 * It is data: serialise it, edit it, validate it with `validateRuleTable`.
 */
export const RFM_SEGMENT_RULES: RuleTable = [
  segment(
    'champions',
    'Champions',
    'high',
    'high',
    'high',
    'Recent, frequent, big spenders: the best customers; keep them close.',
  ),
  segment(
    'potential-loyalists',
    'Potential loyalists',
    'high',
    'low',
    'high',
    'Recent big spenders who buy rarely: encourage them to buy more often.',
  ),
  segment(
    'cannot-lose',
    "Can't lose them",
    'low',
    'high',
    'high',
    'Frequent big spenders who have not bought lately: reach out before they go.',
  ),
  segment(
    'at-risk',
    'At risk',
    'low',
    'low',
    'high',
    'Big spenders who buy rarely and not lately: worth winning back.',
  ),
  segment(
    'loyal',
    'Loyal',
    'high',
    'high',
    'low',
    'Recent, frequent, small spenders: raise their basket.',
  ),
  segment(
    'promising',
    'Promising',
    'high',
    'low',
    'low',
    'Recent occasional small spenders, often new: help them come back.',
  ),
  segment(
    'needs-attention',
    'Needs attention',
    'low',
    'high',
    'low',
    'Frequent small spenders who have not bought lately: a light reminder.',
  ),
  segment(
    'hibernating',
    'Hibernating',
    'low',
    'low',
    'low',
    'Rare, small and lapsed: low priority.',
  ),
];
