import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  churnDatasetFromRows,
  disposeChurnModel,
  rocAuc,
  scoreChurnRows,
  trainChurnModel,
  type ChurnModel,
} from '@tagwise/engine';
import { interactionTable } from './support/interaction-table.ts';

describe('churn model on a table with interactions and thresholds', () => {
  const { rows, truth } = interactionTable(5000, 2024);
  const train = rows.slice(0, 3500);
  const test = rows.slice(3500);
  const testLabels = Uint8Array.from(test, (r) => (r.status === 'cancelled' ? 1 : 0));
  const bayes = rocAuc(truth.subarray(3500), testLabels);
  const models: Record<'auto' | 'logistic', ChurnModel | undefined> = {
    auto: undefined,
    logistic: undefined,
  };

  beforeAll(async () => {
    const dataset = churnDatasetFromRows(train, {
      label: 'status',
      positive: 'cancelled',
      idColumn: 'account',
    });
    models.auto = await trainChurnModel(dataset, { seed: 9 });
    models.logistic = await trainChurnModel(dataset, { seed: 9, model: 'logistic' });
  }, 120_000);
  afterAll(() => {
    if (models.auto) disposeChurnModel(models.auto);
    if (models.logistic) disposeChurnModel(models.logistic);
  });

  it('chooses the MLP, which clearly beats logistic and comes near the Bayes-optimal AUC', () => {
    const auto = rocAuc(scoreChurnRows(models.auto!, test, { top: 0 }).probabilities, testLabels);
    const logistic = rocAuc(
      scoreChurnRows(models.logistic!, test, { top: 0 }).probabilities,
      testLabels,
    );
    expect(models.auto!.training.kind).toBe('mlp');
    const [logisticCandidate, mlpCandidate] = models.auto!.training.candidates;
    expect(mlpCandidate!.oofLogLoss).toBeLessThan(logisticCandidate!.oofLogLoss);
    expect(auto).toBeGreaterThan(logistic + 0.05);
    expect(auto).toBeGreaterThan(bayes - 0.03);
  });

  it('explains with the interacting columns, not the noise', () => {
    const top = models
      .auto!.importance.slice(0, 3)
      .map((f) => f.feature)
      .sort();
    expect(top).toEqual(['plan', 'support_calls', 'usage_hours']);
  });
});
