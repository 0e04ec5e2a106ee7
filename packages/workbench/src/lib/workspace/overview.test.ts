import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../format.ts';
import {
  churnModelHeadline,
  clusteringHeadline,
  featureFreshness,
  jobLine,
  taggedShare,
} from './overview.ts';

const asOf = '2011-12-10T00:00:00.000Z';

describe('the workspace overview', () => {
  it('gives the features cut-off, and asks for a refresh only when some are missing or stale', () => {
    const fresh = {
      customers: 4372,
      withFeatures: 4372,
      staleFeatures: 0,
      featuresAsOf: asOf,
      columns: [{ source: 'feature' as const }],
    };
    expect(featureFreshness(fresh)).toBe(`features as of ${formatDateTime(asOf)}`);
    expect(featureFreshness({ ...fresh, withFeatures: 4370, staleFeatures: 12 })).toBe(
      `features as of ${formatDateTime(asOf)}; 2 without features, 12 stale: refresh features`,
    );
    expect(featureFreshness({ ...fresh, withFeatures: 0, featuresAsOf: null })).toBe(
      'No features computed yet: refresh features.',
    );
    const attributesOnly = { ...fresh, withFeatures: 0, staleFeatures: 7043, featuresAsOf: null };
    expect(
      featureFreshness({
        ...attributesOnly,
        columns: [{ source: 'attribute' as const }, { source: 'attribute' as const }],
      }),
    ).toBe('2 attribute columns; no features computed from events');
    expect(featureFreshness({ ...fresh, customers: 0, withFeatures: 0 })).toBe(
      'No customers yet: import customers or events.',
    );
  });

  it('writes the tagged share with its whole, and no share of nobody', () => {
    expect(taggedShare(1203, 4372)).toEqual({
      figure: '27.5%',
      detail: '1,203 of 4,372 customers hold at least one tag',
    });
    expect(taggedShare(0, 0).figure).toBe('–');
  });

  it('sums up the newest clustering run and the active churn model', () => {
    const createdAt = '2026-11-24T18:58:00.000Z';
    expect(
      clusteringHeadline({ k: 4, featureNames: ['a', 'b'], customerCount: 4372, createdAt }),
    ).toEqual({
      figure: 'k = 4',
      detail: `on 2 features, 4,372 customers · ${formatDateTime(createdAt)}`,
    });
    expect(
      churnModelHeadline({
        version: 3,
        classifier: 'logistic',
        heldout: { metric: 'roc_auc', value: 0.75431 },
        activatedAt: null,
        createdAt,
      }),
    ).toEqual({
      figure: 'ROC-AUC 0.754',
      detail: `v3 (logistic) · active since ${formatDateTime(createdAt)}`,
    });
  });

  it('says where a job is: queued, or its progress and latest message', () => {
    expect(jobLine({ kind: 'churn-train', status: 'queued', progress: 0, message: null })).toBe(
      'churn-train: queued',
    );
    expect(
      jobLine({ kind: 'churn-train', status: 'running', progress: 0.4, message: 'fold 2 of 5' }),
    ).toBe('churn-train: 40.0% · fold 2 of 5');
    expect(jobLine({ kind: 'suggest', status: 'running', progress: 0, message: '' })).toBe(
      'suggest: 0.0%',
    );
  });
});
