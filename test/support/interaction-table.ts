import { createRng } from '@tagwise/engine';

/**
 * A seeded table where churn depends on an interaction and a threshold, not on any column
 * alone: premium customers with low usage and basic customers with high usage churn (an XOR
 * of plan and usage > 50), and more than 4 support calls adds risk. A logistic model on the
 * columns cannot express either; the true probability of every row is known.
 */
export function interactionTable(
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
