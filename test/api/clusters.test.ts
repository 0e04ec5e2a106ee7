import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';
import {
  clusterRun,
  groupOf,
  loadCustomers,
  RFM_FEATURES,
  runJob,
  waitForJob,
} from './tagging-data.ts';

interface RunJson {
  id: string;
  status: string;
  k: number;
  customerCount: number;
  selection: { scores: { k: number }[]; recommendedK: number } | null;
  profiles: {
    clusters: { cluster: number; size: number; distinguishing: { name: string }[] }[];
    projection: { points: { externalId: string; cluster: number; silhouette: number }[] };
  };
  matching: { previousOf: number[] } | null;
  movement: { compared: number; moved: number } | null;
  leftOut: { customers: number; missingByFeature: Record<string, number> } | null;
  clusters: { cluster: number; name: { slug: string; carriedFromRunId: string | null } | null }[];
  previousRunId: string | null;
}

for (const kind of testDatabaseKinds()) {
  describe(`cluster runs over HTTP on ${kind}`, () => {
    let t: TestServer;
    let analyst: string;
    beforeAll(async () => {
      t = await startTestServer(kind);
      analyst = t.acme.keys.analyst;
      await loadCustomers(t, 'acme', analyst, 60);
    }, 120_000);
    afterAll(() => t.close());

    const getRun = async (id: string): Promise<RunJson> =>
      (await (
        await t.request(`/v1/workspaces/acme/cluster-runs/${id}`, { key: analyst })
      ).json()) as RunJson;

    /** The cluster holding most of `group`'s customers, from the members route. */
    async function clusterOfGroup(runId: string, k: number, group: string): Promise<number> {
      let best = -1;
      let bestCount = -1;
      for (let cluster = 0; cluster < k; cluster++) {
        const res = await t.request(
          `/v1/workspaces/acme/cluster-runs/${runId}/clusters/${cluster}/members?limit=1000`,
          { key: analyst },
        );
        const { items } = (await res.json()) as { items: { externalId: string }[] };
        const count = items.filter((m) => groupOf(m.externalId) === group).length;
        if (count > bestCount) [best, bestCount] = [cluster, count];
      }
      return best;
    }

    it('chooses k from a range and stores the selection table, profiles and points', async () => {
      const job = await runJob(t, 'acme', analyst, {
        path: '/cluster-runs',
        json: { featureNames: RFM_FEATURES, scaling: 'log1p', k: { min: 2, max: 5 }, seed: 3 },
      });
      const run = await getRun((job.result as { runId: string }).runId);
      expect(run.customerCount).toBe(180);
      expect(run.selection?.scores.map((s) => s.k)).toEqual([2, 3, 4, 5]);
      expect(run.k).toBe(run.selection?.recommendedK);
      expect(run.k).toBe(3);
      expect(run.profiles.clusters.map((c) => c.size).sort()).toEqual([60, 60, 60]);
      expect(run.profiles.projection.points).toHaveLength(180);
      expect(run.profiles.projection.points[0]?.externalId).toMatch(/^(regular|big|lapsed)-\d+$/);
      expect(run.status).toBe('active');
    });

    it('validates feature names against the workspace (422 naming the field)', async () => {
      const res = await t.request('/v1/workspaces/acme/cluster-runs', {
        key: analyst,
        json: { featureNames: ['frequency', 'shoe_size'] },
      });
      const problem = await expectProblem(res, 422, 'validation-failed');
      expect(problem.errors?.[0]?.path).toBe('featureNames.1');
      expect(problem.errors?.[0]?.message).toContain('monetary');

      const throughJobs = await t.request('/v1/workspaces/acme/jobs', {
        key: analyst,
        json: { kind: 'cluster-run', params: { featureNames: ['shoe_size', 'frequency'] } },
      });
      const jobProblem = await expectProblem(throughJobs, 422, 'validation-failed');
      expect(jobProblem.errors?.map((error) => error.path)).toEqual(['params.featureNames.0']);
    });

    it('fails a queued run whose features are gone by the time it runs', async () => {
      // Queued straight into the table, as a job queued before its features disappeared.
      const queued = await enqueueJob(t.database.db, {
        workspaceId: t.acme.workspace.id,
        kind: 'cluster-run',
        params: { featureNames: ['frequency', 'shoe_size', 'hat_size'] },
      });
      const job = await waitForJob(t, 'acme', queued.id, analyst);
      expect(job).toMatchObject({ status: 'failed', attempts: 1 });
      expect(job.error).toMatchObject({ code: 'unknown-feature' });
      expect(job.error?.message).toMatch(
        /^some features are not known in this workspace: no customer has a numeric "shoe_size", "hat_size"; available: .*monetary/,
      );
      expect(job.error?.message.match(/available:/g)).toHaveLength(1);
    });

    it('re-run keeps names: matched clusters carry their tags, movement is reported', async () => {
      const first = await clusterRun(t, 'acme', analyst, 1);
      const run1 = await getRun(first);
      const bigCluster = await clusterOfGroup(first, run1.k, 'big');
      const named = await t.request(
        `/v1/workspaces/acme/cluster-runs/${first}/clusters/${bigCluster}/tag`,
        {
          key: analyst,
          json: { slug: 'big-spenders', displayName: 'Big spenders', category: 'value' },
        },
      );
      expect(named.status).toBe(200);
      expect(await named.json()).toMatchObject({
        cluster: bigCluster,
        created: true,
        tag: { slug: 'big-spenders', kind: 'model', source: { type: 'cluster', runId: first } },
      });
      // A different seed may number the clusters differently; the name follows the customers.
      const second = await clusterRun(t, 'acme', analyst, 99);
      const run2 = await getRun(second);
      expect(run2.previousRunId).toBe(first);
      expect(run2.movement).toMatchObject({ compared: 180, moved: 0 });
      const bigCluster2 = await clusterOfGroup(second, run2.k, 'big');
      expect(run2.clusters[bigCluster2]?.name).toEqual({
        slug: 'big-spenders',
        displayName: 'Big spenders',
        carriedFromRunId: first,
      });
      expect(run2.clusters.filter((c) => c.name !== null)).toHaveLength(1);
      expect((await getRun(first)).status).toBe('superseded');
      // The analyst who named the cluster wrote version 1; the re-run's carry-over is the system's.
      const versions = (await (
        await t.request('/v1/workspaces/acme/tags/big-spenders/versions', { key: analyst })
      ).json()) as { items: { version: number; actor: { name: string } | null }[] };
      expect(versions.items.map((v) => [v.version, v.actor?.name ?? null])).toEqual([
        [2, null],
        [1, 'acme analyst'],
      ]);

      const compare = await t.request(
        `/v1/workspaces/acme/cluster-runs/${second}/compare?with=${first}`,
        { key: analyst },
      );
      const comparison = (await compare.json()) as {
        clusters: {
          cluster: number;
          previousCluster: number;
          name: string | null;
          previousName: string | null;
        }[];
        movement: { flows: number[][]; moved: number };
      };
      expect(comparison.movement.moved).toBe(0);
      const row = comparison.clusters.find((c) => c.cluster === bigCluster2)!;
      expect(row).toMatchObject({
        previousCluster: bigCluster,
        name: 'big-spenders',
        previousName: 'big-spenders',
      });
      expect(comparison.movement.flows[bigCluster]?.[bigCluster2]).toBe(60);

      // The superseded run can no longer be named.
      await expectProblem(
        await t.request(`/v1/workspaces/acme/cluster-runs/${first}/clusters/0/tag`, {
          key: analyst,
          json: { slug: 'too-late', displayName: 'Too late' },
        }),
        409,
        'conflict',
      );
    });

    it('rejects a bad slug with a proposal, a taken cluster with 409, and pages members', async () => {
      const runId = await clusterRun(t, 'acme', analyst, 5);
      const bad = await t.request(`/v1/workspaces/acme/cluster-runs/${runId}/clusters/0/tag`, {
        key: analyst,
        json: { slug: 'Lapsed Customers!', displayName: 'Lapsed' },
      });
      const problem = await expectProblem(bad, 422, 'validation-failed');
      expect(problem.errors).toEqual([
        { path: 'slug', message: expect.stringContaining('try "lapsed-customers"') },
      ]);
      // Neither form matches; the errors are those of the closer one, a new tag.
      const incomplete = await t.request(
        `/v1/workspaces/acme/cluster-runs/${runId}/clusters/0/tag`,
        { key: analyst, json: { slug: 'lapsed' } },
      );
      const missing = await expectProblem(incomplete, 422, 'validation-failed');
      expect(missing.errors?.map((error) => error.path)).toEqual(['displayName']);
      const page1 = await t.request(
        `/v1/workspaces/acme/cluster-runs/${runId}/clusters/0/members?limit=25`,
        { key: t.acme.keys.operator },
      );
      const body1 = (await page1.json()) as {
        items: { externalId: string; confidence: number; features: Record<string, number> }[];
        nextCursor: string;
      };
      expect(body1.items).toHaveLength(25);
      expect(Object.keys(body1.items[0]!.features)).toEqual(RFM_FEATURES);
      expect(body1.items[0]!.confidence).toBeGreaterThan(0.5);
      const page2 = await t.request(
        `/v1/workspaces/acme/cluster-runs/${runId}/clusters/0/members?limit=1000&cursor=${body1.nextCursor}`,
        { key: t.acme.keys.operator },
      );
      const body2 = (await page2.json()) as { items: { externalId: string }[]; nextCursor: null };
      expect(body2.items).toHaveLength(35);
      expect(body2.nextCursor).toBeNull();
      const ids = new Set([...body1.items, ...body2.items].map((m) => m.externalId));
      expect(ids.size).toBe(60);
      await expectProblem(
        await t.request(`/v1/workspaces/acme/cluster-runs/${runId}/clusters/7/members`, {
          key: analyst,
        }),
        404,
        'not-found',
      );
    });

    it('a failed run leaves the previous run active and stores nothing', async () => {
      const list = async () =>
        (
          (await (
            await t.request('/v1/workspaces/acme/cluster-runs?limit=200', { key: analyst })
          ).json()) as { items: { id: string; status: string }[] }
        ).items;
      const before = await list();
      const active = before.filter((r) => r.status === 'active').map((r) => r.id);
      expect(active).toHaveLength(1);
      // Only three customers carry this attribute: too few for k = 5, so the job fails.
      await t.request('/v1/workspaces/acme/customers', {
        key: analyst,
        json: {
          customers: ['big-0', 'big-1', 'big-2'].map((externalId, i) => ({
            externalId,
            attributes: { loyalty_points: 100 * i },
          })),
        },
      });
      const res = await t.request('/v1/workspaces/acme/cluster-runs', {
        key: analyst,
        json: { featureNames: ['frequency', 'loyalty_points'], k: 5 },
      });
      expect(res.status).toBe(202);
      const job = await waitForJob(t, 'acme', ((await res.json()) as { id: string }).id, analyst);
      expect(job.status).toBe('failed');
      expect(job.error).toMatchObject({ code: 'too-few-customers' });
      const after = await list();
      expect(after.filter((r) => r.status === 'active').map((r) => r.id)).toEqual(active);
      expect(after).toHaveLength(before.length);
      // Paging one run at a time gives the same runs, newest first.
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (await (
          await t.request(
            `/v1/workspaces/acme/cluster-runs?limit=1${cursor === null ? '' : `&cursor=${cursor}`}`,
            { key: analyst },
          )
        ).json()) as { items: { id: string }[]; nextCursor: string | null };
        paged.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(paged).toEqual(after.map((r) => r.id));
    });

    it('says how many customers a run left out for lacking a feature', async () => {
      // Since the previous test only big-0..2 carry loyalty_points; the other 177 lack it.
      const job = await runJob(t, 'acme', analyst, {
        path: '/cluster-runs',
        json: { featureNames: ['frequency', 'loyalty_points'], k: 2 },
      });
      expect(job.result).toMatchObject({ customers: 3, skipped: 177 });
      expect(job.message).toContain(
        'k = 2 over 3 customers (177 lacking one of the features left out)',
      );
      const run = await getRun((job.result as { runId: string }).runId);
      expect(run.customerCount).toBe(3);
      expect(run.leftOut).toEqual({
        customers: 177,
        missingByFeature: { frequency: 0, loyalty_points: 177 },
      });
    });
  });
}
