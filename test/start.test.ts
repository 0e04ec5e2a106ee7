import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTagwise, type TagwiseProcess } from './support/tagwise-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tagwise-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dataDir = join(dir, 'data');

/** A running `tagwise start`: where it serves and the key it printed. */
interface Started {
  readonly origin: string;
  readonly key: string;
  readonly process: TagwiseProcess;
}

/**
 * Runs `tagwise start` on the embedded database in `dataDir` on a free port, as the README's
 * first command does, and resolves once it says it is running.
 */
async function startDemo(): Promise<Started> {
  const running = await startTagwise(
    ['start'],
    { PORT: '0', TAGWISE_DATA_DIR: dataDir, DATABASE_URL: '' },
    /Workbench (http:\/\/localhost:\d+)\/[^]*Admin key (\S+)\n[^]*Try:/,
  );
  const [, origin, key] = running.ready;
  return { origin: origin!, key: key!, process: running };
}

async function getJson<T>(started: Started, path: string): Promise<T> {
  const response = await fetch(`${started.origin}${path}`, {
    headers: { authorization: `Bearer ${started.key}` },
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

interface Page<T> {
  readonly items: T[];
}

/** What a user sees of a workspace the first start set up. */
async function workspaceState(started: Started, slug: string) {
  const base = `/v1/workspaces/${slug}`;
  const [models, runs, pending, jobs] = await Promise.all([
    getJson<Page<{ status: string; heldout: { value: number | null } }>>(
      started,
      `${base}/churn/models`,
    ),
    getJson<Page<{ status: string; k: number | null }>>(started, `${base}/cluster-runs`),
    getJson<{ count: number }>(started, `${base}/suggestions/count?status=pending`),
    getJson<Page<{ id: string; status: string }>>(started, `${base}/jobs?limit=100`),
  ]);
  return { models: models.items, runs: runs.items, pending: pending.count, jobs: jobs.items };
}

describe("tagwise start (the README's first command)", () => {
  it('sets up both bundled workspaces on the first start and reuses them on the next', async () => {
    const first = await startDemo();
    let firstState: Record<string, Awaited<ReturnType<typeof workspaceState>>>;
    try {
      expect(first.process.output).toMatch(/online-retail: importing events: 401,604 events/);
      expect(first.process.output).toMatch(/telco: importing customers: 7,043 customers/);
      expect((await fetch(`${first.origin}/readyz`)).status).toBe(200);

      const workspaces = await getJson<Page<{ slug: string }>>(first, '/v1/workspaces');
      expect(workspaces.items.map((workspace) => workspace.slug).sort()).toEqual([
        'online-retail',
        'telco',
      ]);
      firstState = {};
      for (const slug of ['online-retail', 'telco']) {
        const state = await workspaceState(first, slug);
        expect(state.models.filter((model) => model.status === 'active')).toHaveLength(1);
        expect(state.models[0]!.heldout.value).toBeGreaterThan(0.7);
        expect(state.runs[0]).toMatchObject({ status: 'active' });
        expect(state.runs[0]!.k).toBeGreaterThanOrEqual(2);
        expect(state.pending).toBeGreaterThan(0);
        expect(state.jobs.every((job) => job.status === 'succeeded')).toBe(true);
        firstState[slug] = state;
      }

      const workbench = await fetch(`${first.origin}/`);
      expect(workbench.headers.get('content-type')).toMatch(/^text\/html/);

      // The printed key is kept for the next start beside the data directory, for its owner only.
      const keyFile = `${dataDir}.admin-key`;
      expect(readFileSync(keyFile, 'utf8').trim()).toBe(first.key);
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    } finally {
      expect(await first.process.stop()).toBe(0);
    }

    const second = await startDemo();
    try {
      expect(second.key).toBe(first.key);
      expect(second.process.output).not.toMatch(/importing|training churn/);
      for (const slug of ['online-retail', 'telco']) {
        // Nothing was imported, trained or generated again: the same jobs, models and queue.
        expect(await workspaceState(second, slug)).toEqual(firstState[slug]);
      }
    } finally {
      expect(await second.process.stop()).toBe(0);
    }
  }, 900_000);
});
