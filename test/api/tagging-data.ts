import { createRng } from '@tagwise/engine';
import type { TestServer } from './harness.ts';

/** The cut-off every generated history ends at. */
export const AS_OF = '2024-06-30T00:00:00.000Z';
const DAY = 86_400_000;

/** The behaviour groups of the generated customers: well apart in RFM space. */
export const GROUPS = ['regular', 'big', 'lapsed'] as const;
export type Group = (typeof GROUPS)[number];

interface GeneratedEvent {
  eventId: string;
  customerId: string;
  occurredAt: string;
  kind: string;
  amount: number;
}

/**
 * `perGroup` customers per group (ids `<group>-<n>`), with seeded purchase histories:
 * regulars buy ~12 small baskets in the last half year, big spenders 2–3 large ones in the
 * last four months, lapsed customers 1–2 small ones about a year ago.
 */
export function generateEvents(perGroup: number, seed = 7): GeneratedEvent[] {
  const rng = createRng(seed);
  const end = Date.parse(AS_OF);
  const events: GeneratedEvent[] = [];
  for (const group of GROUPS) {
    for (let n = 0; n < perGroup; n++) {
      const customerId = `${group}-${n}`;
      const [count, fromDays, toDays, amount] =
        group === 'regular'
          ? [10 + rng.nextInt(5), 170, 1, 20]
          : group === 'big'
            ? [2 + rng.nextInt(2), 110, 5, 500]
            : [1 + rng.nextInt(2), 400, 300, 40];
      for (let e = 0; e < count; e++) {
        const daysAgo = toDays + rng.nextFloat() * (fromDays - toDays);
        events.push({
          eventId: `${customerId}-e${e}`,
          customerId,
          occurredAt: new Date(end - daysAgo * DAY).toISOString(),
          kind: 'purchase',
          amount: Math.round(amount * (0.8 + 0.4 * rng.nextFloat()) * 100) / 100,
        });
      }
    }
  }
  return events;
}

export const groupOf = (externalId: string): Group => externalId.split('-')[0] as Group;

export interface JobJson {
  id: string;
  status: string;
  result: Record<string, unknown> | null;
  message: string | null;
  error: { code: string; message: string } | null;
}

/** Polls a job until it finishes; returns its final state. */
export async function waitForJob(
  t: TestServer,
  workspace: string,
  jobId: string,
  key: string,
): Promise<JobJson> {
  for (let attempt = 0; attempt < 2000; attempt++) {
    const job = (await (
      await t.request(`/v1/workspaces/${workspace}/jobs/${jobId}`, { key })
    ).json()) as JobJson;
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`job ${jobId} did not finish`);
}

/** Queues a job through `path` (or `/jobs`) and waits for it to succeed. */
export async function runJob(
  t: TestServer,
  workspace: string,
  key: string,
  request: { path: string; json: unknown },
): Promise<JobJson> {
  const res = await t.request(`/v1/workspaces/${workspace}${request.path}`, {
    key,
    json: request.json,
  });
  if (res.status !== 202) throw new Error(`expected 202, got ${res.status}: ${await res.text()}`);
  const job = (await res.json()) as { id: string };
  const done = await waitForJob(t, workspace, job.id, key);
  if (done.status !== 'succeeded') {
    throw new Error(`job ${job.id} ${done.status}: ${JSON.stringify(done.error)}`);
  }
  return done;
}

/** Ingests the generated events and refreshes features as of `AS_OF`. */
export async function loadCustomers(
  t: TestServer,
  workspace: string,
  key: string,
  perGroup: number,
  seed = 7,
): Promise<void> {
  const res = await t.request(`/v1/workspaces/${workspace}/events`, {
    key,
    json: { events: generateEvents(perGroup, seed) },
  });
  if (res.status !== 200) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
  await runJob(t, workspace, key, {
    path: '/jobs',
    json: { kind: 'feature-refresh', params: { asOf: AS_OF, scope: 'all' } },
  });
}

/** The RFM features the tests cluster on. */
export const RFM_FEATURES = ['recency_days', 'frequency', 'monetary'];

/** Runs a clustering job on the RFM features with k = 3; returns the run id. */
export async function clusterRun(
  t: TestServer,
  workspace: string,
  key: string,
  seed = 1,
): Promise<string> {
  const job = await runJob(t, workspace, key, {
    path: '/cluster-runs',
    json: { featureNames: RFM_FEATURES, scaling: 'log1p', k: 3, seed },
  });
  return (job.result as { runId: string }).runId;
}

export interface SuggestionJson {
  id: string;
  customer: string;
  tag: string;
  source: string;
  sourceVersion: string;
  confidence: number;
  status: string;
  explanation: {
    factors: { feature: string; value: number | string; contribution?: number }[];
    text: string;
  };
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
}

/** Every suggestion the queue query returns, following cursors. */
export async function allSuggestions(
  t: TestServer,
  workspace: string,
  key: string,
  query: string,
): Promise<SuggestionJson[]> {
  const items: SuggestionJson[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/v1/workspaces/${workspace}/suggestions?limit=200&${query}${cursor === null ? '' : `&cursor=${cursor}`}`;
    const page = (await (await t.request(url, { key })).json()) as {
      items: SuggestionJson[];
      nextCursor: string | null;
    };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

/** Runs the `suggest` job for some sources; returns its result. */
export async function generateSuggestions(
  t: TestServer,
  workspace: string,
  key: string,
  sources?: string[],
): Promise<Record<string, unknown>> {
  const job = await runJob(t, workspace, key, {
    path: '/suggestions/generate',
    json: sources === undefined ? {} : { sources },
  });
  return job.result!;
}
