import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  churnDatasetFromRows,
  createRng,
  disposeChurnModel,
  rocAuc,
  scoreChurnRows,
  trainChurnModel,
  type ChurnModel,
} from '@tagwise/engine';

/**
 * A seeded table where churn depends on an interaction and a threshold, not on any column
 * alone: premium customers with low usage and basic customers with high usage churn (an XOR
 * of plan and usage > 50), and more than 4 support calls adds risk. A logistic model on the
 * columns cannot express either; the true probability of every row is known.
 */
function interactionTable(
  n: number,
  seed: number,
): { rows: Record<string, string>[]; truth: Float64Array } {
  const rng = createRng(seed);
  const truth = new Float64Array(n);
  const rows = Array.from({ length: n }, (_, i) => {
    const premium = rng.nextFloat() < 0.5;
    const usage = rng.nextFloat() * 100;
    const calls = Math.min(10, Math.floor(-Math.log(1 - rng.nextFloat()) * 2.5));
    const region = ['north', 'south', 'east', 'west'][rng.nextInt(4)]!;
    const noise = rng.nextNormal();
    const mismatch = premium !== usage > 50;
    const logit = -1.2 + (mismatch ? 2.2 : -0.8) + (calls > 4 ? 1.8 : 0);
    truth[i] = 1 / (1 + Math.exp(-logit));
    return {
      account: `A${i}`,
      plan: premium ? 'premium' : 'basic',
      usage_hours: usage.toFixed(1),
      support_calls: String(calls),
      region,
      noise: noise.toFixed(3),
      status: rng.nextFloat() < truth[i]! ? 'cancelled' : 'active',
    };
  });
  return { rows, truth };
}

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
