import { createRng } from '@tagwise/engine';

export interface SyntheticEvent {
  eventId: string;
  customerId: string;
  occurredAt: string;
  kind: 'purchase';
  amount: number;
  invoice: string;
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 0, 1);

/**
 * Purchases of `customers` customers over 2023, seeded: each buys at its own rate and spends
 * at its own level, and about a third stop buying at a random day, so a time split has
 * churners to find. Yields batches of `batchSize` events.
 */
export function* syntheticPurchases(
  customers: number,
  eventsPerCustomer: number,
  batchSize: number,
  seed = 1,
): Generator<SyntheticEvent[]> {
  const rng = createRng(seed);
  let batch: SyntheticEvent[] = [];
  for (let c = 0; c < customers; c++) {
    const spend = Math.exp(3 + rng.nextNormal());
    const stopsAt = rng.nextFloat() < 0.35 ? 120 + rng.nextInt(245) : 365;
    for (let e = 0; e < eventsPerCustomer; e++) {
      const day = Math.min(
        stopsAt - 1,
        Math.floor((e + rng.nextFloat()) * (365 / eventsPerCustomer)),
      );
      batch.push({
        eventId: `c${c}-e${e}`,
        customerId: `c${c}`,
        occurredAt: new Date(START + day * DAY_MS + rng.nextInt(DAY_MS)).toISOString(),
        kind: 'purchase',
        amount: Math.round(spend * (0.5 + rng.nextFloat()) * 100) / 100,
        invoice: `c${c}-o${e}`,
      });
      if (batch.length === batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
