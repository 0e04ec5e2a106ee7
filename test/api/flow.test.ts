import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { startTestServer, type TestServer } from './harness.ts';
import {
  allSuggestions,
  clusterRun,
  generateSuggestions,
  groupOf,
  loadCustomers,
  RFM_FEATURES,
} from './tagging-data.ts';

interface CustomerJson {
  externalId: string;
  featuresAsOf: string | null;
  features: Record<string, number> | null;
  tags: {
    tag: string;
    source: string;
    sourceVersion: string | null;
    confidence: number | null;
    suggestionId: string | null;
    assignedBy: string | null;
  }[];
  openSuggestions: { tag: string; status: string }[];
  churn: unknown;
}

for (const kind of testDatabaseKinds()) {
  describe(`ingest → features → clusters → names → suggestions → review on ${kind}`, () => {
    let t: TestServer;
    let analyst: string;
    let operator: string;
    let runId: string;
    let bigCluster: number;
    beforeAll(async () => {
      t = await startTestServer(kind);
      analyst = t.acme.keys.analyst;
      operator = t.acme.keys.operator;
      await loadCustomers(t, 'acme', analyst, 40);
      runId = await clusterRun(t, 'acme', analyst, 1);
      for (let cluster = 0; cluster < 3; cluster++) {
        const res = await t.request(
          `/v1/workspaces/acme/cluster-runs/${runId}/clusters/${cluster}/members?limit=5`,
          { key: analyst },
        );
        const { items } = (await res.json()) as { items: { externalId: string }[] };
        if (groupOf(items[0]!.externalId) === 'big') bigCluster = cluster;
      }
    }, 120_000);
    afterAll(() => t.close());

    const customer = async (id: string): Promise<CustomerJson> =>
      (await (
        await t.request(`/v1/workspaces/acme/customers/${id}`, { key: t.acme.keys.service })
      ).json()) as CustomerJson;

    it('stores the default rule tables with their tags', async () => {
      const res = await t.request('/v1/workspaces/acme/rule-tables', { key: t.acme.keys.service });
      const { items } = (await res.json()) as { items: { name: string; version: number }[] };
      expect(items.map((i) => [i.name, i.version])).toEqual([
        ['rfm-segments', 1],
        ['lifecycle', 1],
      ]);
      const tag = await t.request('/v1/workspaces/acme/tags/champions', { key: operator });
      expect(await tag.json()).toMatchObject({ kind: 'rule', category: 'value', status: 'active' });
      const stage = await t.request('/v1/workspaces/acme/tags/dormant', { key: operator });
      expect(await stage.json()).toMatchObject({ kind: 'rule', category: 'lifecycle' });
    });

    it('names a cluster, suggests with membership confidence, and accepts/rejects into customer tags', async () => {
      const named = await t.request(
        `/v1/workspaces/acme/cluster-runs/${runId}/clusters/${bigCluster}/tag`,
        {
          key: analyst,
          json: { slug: 'big-spenders', displayName: 'Big spenders', category: 'value' },
        },
      );
      expect(named.status).toBe(200);
      // Rule tags: one auto-accepted, one deprecated (gets nothing).
      await t.request('/v1/workspaces/acme/tags/champions', {
        key: t.acme.keys.admin,
        method: 'PATCH',
        json: { autoAccept: true },
      });
      await t.request('/v1/workspaces/acme/tags/potential-loyalists', {
        key: t.acme.keys.admin,
        method: 'PATCH',
        json: { status: 'deprecated' },
      });
      const result = await generateSuggestions(t, 'acme', analyst, ['cluster', 'rule']);
      expect(result).toMatchObject({ sources: { cluster: { candidates: 40 } } });

      const cluster = await allSuggestions(t, 'acme', operator, 'status=pending&tag=big-spenders');
      expect(cluster).toHaveLength(40);
      expect(cluster.every((s) => groupOf(s.customer) === 'big')).toBe(true);
      expect(cluster.every((s) => s.source === 'cluster' && s.sourceVersion === runId)).toBe(true);
      expect(cluster.every((s) => s.confidence >= 0.5 && s.confidence <= 1)).toBe(true);
      const confidences = cluster.map((s) => s.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
      const factors = cluster[0]!.explanation.factors;
      expect(factors.map((f) => f.feature).sort()).toEqual([...RFM_FEATURES].sort());
      expect(cluster[0]!.explanation.text).toContain('Big spenders');

      const rules = await allSuggestions(t, 'acme', operator, 'source=rule');
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.every((s) => s.confidence === 1)).toBe(true);
      expect(rules.some((s) => s.tag === 'potential-loyalists')).toBe(false);
      const auto = rules.filter((s) => s.tag === 'champions');
      expect(auto.length).toBeGreaterThan(0);
      expect(auto.every((s) => s.status === 'auto_accepted')).toBe(true);
      // Tags assigned without review are audited: how many of each tag, by which job.
      const audit = await t.request('/v1/audit?workspace=acme&action=customer-tags.auto-assigned', {
        key: t.acme.keys.admin,
      });
      expect(audit.status).toBe(200);
      const entries = ((await audit.json()) as { items: { data: Record<string, unknown> }[] })
        .items;
      expect(entries).toHaveLength(1);
      expect(entries[0]!.data).toMatchObject({
        count: auto.length,
        byTag: { champions: auto.length },
      });
      const autoHolder = await customer(auto[0]!.customer);
      expect(autoHolder.tags).toContainEqual(
        expect.objectContaining({ tag: 'champions', source: 'rule', assignedBy: null }),
      );
      expect(rules.filter((s) => s.tag !== 'champions').every((s) => s.status === 'pending')).toBe(
        true,
      );
      // Lifecycle stages from purchase windows: the lapsed group last bought 300–400 days ago.
      const churned = rules.filter((s) => s.tag === 'churned');
      expect(churned.map((s) => groupOf(s.customer))).toEqual(new Array(40).fill('lapsed'));
      expect(churned[0]!.explanation.factors).toContainEqual({
        feature: 'purchase events in the 180 days before the cut-off',
        value: 0,
      });
      expect(rules.filter((s) => s.tag === 'active').length).toBeGreaterThan(0);

      const [first, second] = cluster;
      const accepted = await t.request(`/v1/workspaces/acme/suggestions/${first!.id}/accept`, {
        key: operator,
        json: { reason: 'checked the orders' },
      });
      expect(accepted.status).toBe(200);
      expect(await accepted.json()).toMatchObject({
        status: 'accepted',
        reason: 'checked the orders',
      });
      const rejected = await t.request(`/v1/workspaces/acme/suggestions/${second!.id}/reject`, {
        key: operator,
        method: 'POST',
      });
      expect(await rejected.json()).toMatchObject({ status: 'rejected', reason: null });

      const holder = await customer(first!.customer);
      expect(holder.featuresAsOf).toBe('2024-06-30T00:00:00.000Z');
      expect(holder.features?.frequency).toBeGreaterThan(0);
      expect(holder.tags).toContainEqual(
        expect.objectContaining({
          tag: 'big-spenders',
          source: 'cluster',
          sourceVersion: runId,
          confidence: first!.confidence,
          suggestionId: first!.id,
          assignedBy: expect.any(String),
        }),
      );
      expect(holder.openSuggestions.some((s) => s.tag === 'big-spenders')).toBe(false);
      expect(holder.churn).toBeNull();
      const ownSuggestions = await t.request(
        `/v1/workspaces/acme/customers/${second!.customer}/suggestions`,
        { key: t.acme.keys.service },
      );
      expect(((await ownSuggestions.json()) as { items: unknown[] }).items).toContainEqual(
        expect.objectContaining({ id: second!.id, status: 'rejected' }),
      );

      // Generating again: nothing new — the rejection is remembered, the holder is skipped.
      const again = await generateSuggestions(t, 'acme', analyst, ['cluster']);
      expect(again).toMatchObject({
        sources: { cluster: { candidates: 40, alreadyHeld: 1 } },
        outcome: { created: 0, alreadySuggested: 39 },
      });
      const after = await allSuggestions(t, 'acme', operator, 'tag=big-spenders');
      expect(after.filter((s) => s.customer === second!.customer)).toEqual([
        expect.objectContaining({ id: second!.id, status: 'rejected' }),
      ]);
    });

    it('a re-run carries the name; the new run version supersedes pending suggestions', async () => {
      const rerun = await clusterRun(t, 'acme', analyst, 42);
      const result = await generateSuggestions(t, 'acme', analyst, ['cluster']);
      // 40 members: 1 holds the tag; 39 are new under the new version (the rejected one too).
      expect(result).toMatchObject({ outcome: { created: 39, superseded: 38 } });
      const pending = await allSuggestions(t, 'acme', operator, 'status=pending&tag=big-spenders');
      expect(pending).toHaveLength(39);
      expect(pending.every((s) => s.sourceVersion === rerun)).toBe(true);
      const superseded = await allSuggestions(t, 'acme', operator, 'status=superseded');
      expect(superseded).toHaveLength(38);
    });
  });
}
