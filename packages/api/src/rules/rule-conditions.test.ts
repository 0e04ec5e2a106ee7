import { describe, expect, it } from 'vitest';
import { DEFAULT_LIFECYCLE_RULES, RFM_SEGMENT_RULES, type RuleTable } from '@tagwise/engine';
import {
  describeWindow,
  eventWindows,
  featuresRead,
  meanFeatures,
  readsEvents,
  withResolvedMeans,
} from './rule-conditions.ts';

const table: RuleTable = [
  {
    tag: 'slipping',
    label: 'Slipping',
    when: {
      all: [
        { feature: 'frequency', op: '>=', value: 5 },
        { not: { feature: 'monetary', op: '>', mean: true } },
        { any: [{ feature: 'orders_last_90', op: '<', otherFeature: 'orders_prev_90' }] },
        { events: { kind: 'purchase', from: { daysBefore: 60 } }, op: '==', value: 0 },
      ],
    },
  },
];

describe('rule conditions', () => {
  it('lists the features, means and windows a table reads', () => {
    expect(featuresRead(table)).toEqual([
      'frequency',
      'monetary',
      'orders_last_90',
      'orders_prev_90',
    ]);
    expect(meanFeatures(table)).toEqual(['monetary']);
    expect(readsEvents(table)).toBe(true);
    expect(eventWindows(table[0]!)).toEqual([{ kind: 'purchase', from: { daysBefore: 60 } }]);
    expect(describeWindow({ kind: 'purchase', from: { daysBefore: 60 } })).toBe(
      'purchase events in the 60 days before the cut-off',
    );
    expect(
      describeWindow({ kind: 'purchase', from: { daysBefore: 180 }, to: { daysBefore: 90 } }),
    ).toBe('purchase events 180–90 days before the cut-off');
    expect(describeWindow({ kind: ['purchase', 'return'], to: { daysBefore: 30 } })).toBe(
      'purchase/return events more than 30 days before the cut-off',
    );
    expect(describeWindow({ unit: 'orders' })).toBe('orders before the cut-off');
    expect(featuresRead(RFM_SEGMENT_RULES)).toEqual(['r_score', 'f_score', 'm_score']);
    expect(readsEvents(RFM_SEGMENT_RULES)).toBe(false);
    expect(readsEvents(DEFAULT_LIFECYCLE_RULES)).toBe(true);
  });

  it('replaces mean comparisons with the given population means, leaving the rest', () => {
    const resolved = withResolvedMeans(table, new Map([['monetary', 123.5]]));
    expect(resolved[0]!.when).toEqual({
      all: [
        { feature: 'frequency', op: '>=', value: 5 },
        { not: { feature: 'monetary', op: '>', value: 123.5 } },
        { any: [{ feature: 'orders_last_90', op: '<', otherFeature: 'orders_prev_90' }] },
        { events: { kind: 'purchase', from: { daysBefore: 60 } }, op: '==', value: 0 },
      ],
    });
    expect(meanFeatures(resolved)).toEqual([]);
    // The input is not changed.
    expect(meanFeatures(table)).toEqual(['monetary']);
  });
});
