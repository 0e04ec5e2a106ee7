import { waitForJob, type E2eServer } from './server.ts';

/** A tiny deterministic generator (tests may not use Math.random). */
function lcg(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The feature cut-off of the seeded workspace. */
export const AS_OF = '2026-01-01T00:00:00.000Z';

interface Group {
  readonly name: string;
  readonly orders: [number, number];
  readonly amount: [number, number];
  /** Days before the cut-off of the most recent order. */
  readonly lastDaysAgo: [number, number];
  readonly churnRate: number;
}

/** Three behaviour groups that k-means separates at k = 3. */
const GROUPS: readonly Group[] = [
  { name: 'loyal', orders: [9, 13], amount: [80, 140], lastDaysAgo: [1, 12], churnRate: 0.05 },
  { name: 'casual', orders: [3, 5], amount: [15, 35], lastDaysAgo: [20, 60], churnRate: 0.3 },
  { name: 'lapsed', orders: [1, 2], amount: [20, 60], lastDaysAgo: [200, 330], churnRate: 0.85 },
];

/**
 * A small workspace made through the HTTP API: `customers` customers in three behaviour
 * groups with attributes (plan, seats, a `churned` Yes/No label), their purchases, and
 * features computed as of `AS_OF`.
 */
export async function seedWorkspace(
  server: E2eServer,
  slug: string,
  customers = 90,
): Promise<void> {
  await server.api('POST', '/v1/workspaces', { slug, name: `${slug} (test shop)` });
  const random = lcg(20260101);
  const between = ([lo, hi]: [number, number]) => lo + random() * (hi - lo);
  const day = 24 * 3600 * 1000;
  const asOf = Date.parse(AS_OF);
  const people: { externalId: string; attributes: Record<string, string | number> }[] = [];
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < customers; i++) {
    const group = GROUPS[i % GROUPS.length]!;
    const externalId = `c${String(i + 1).padStart(3, '0')}`;
    people.push({
      externalId,
      attributes: {
        plan: random() < 0.5 ? 'basic' : 'pro',
        seats: Math.round(between([1, 20])),
        churned: random() < group.churnRate ? 'Yes' : 'No',
      },
    });
    const orders = Math.round(between(group.orders));
    const last = asOf - between(group.lastDaysAgo) * day;
    for (let o = 0; o < orders; o++) {
      events.push({
        eventId: `${externalId}-o${o}`,
        customerId: externalId,
        occurredAt: new Date(last - o * between([10, 25]) * day).toISOString(),
        kind: 'purchase',
        amount: Math.round(between(group.amount) * 100) / 100,
        quantity: 1,
        invoice: `${externalId}-inv${o}`,
        category: group.name === 'loyal' && o % 2 === 0 ? 'premium' : 'basics',
      });
    }
  }
  await server.api('POST', `/v1/workspaces/${slug}/customers`, { customers: people });
  await server.api('POST', `/v1/workspaces/${slug}/events`, { events });
  const job = await server.api<{ id: string; status: string; error: null }>(
    'POST',
    `/v1/workspaces/${slug}/jobs`,
    { kind: 'feature-refresh', params: { asOf: AS_OF, scope: 'all' } },
  );
  await waitForJob(server, slug, job);
}
