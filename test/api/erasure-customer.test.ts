import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Db } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';
import { AS_OF, clusterRun, generateSuggestions, loadCustomers } from './tagging-data.ts';

/** Distinctive ids: no other value in the database contains them. */
const ERASED = 'zq-erase-7f3a9c41';
const KEPT = 'zq-keep-5b2e8d17';
const DAY = 86_400_000;

/** A regular buyer: 12 purchases over the half-year before the cut-off. */
const purchasesOf = (externalId: string) =>
  Array.from({ length: 12 }, (_, n) => ({
    eventId: `${externalId}-e${n}`,
    customerId: externalId,
    occurredAt: new Date(Date.parse(AS_OF) - (5 + n * 14) * DAY).toISOString(),
    kind: 'purchase',
    amount: 20 + n,
    payload: { note: `order of ${externalId}` },
  }));

interface AuditEntryJson {
  action: string;
  resource: string;
  resourceId: string;
  data: Record<string, unknown>;
}

/**
 * What the audit holds about the erased customer before erasure: the second snapshot counts
 * as about them, as they were the one customer who left the segment.
 */
const ERASED_AUDIT = [
  'customer-tag.assigned',
  'customer-tag.assigned',
  'customer-tag.removed',
  'segment.snapshotted',
  'suggestion.accepted',
];

interface ExportJson {
  workspace: string;
  customer: { externalId: string; attributes: Record<string, unknown>; features: unknown };
  tags: { tag: string; source: string; removedAt: string | null }[];
  suggestions: { id: string; customer: string; status: string }[];
  churnPredictions: { probability: number; riskBand: string; current: boolean }[];
  clusterAssignments: { runId: string; cluster: number; tag: string | null }[];
  segmentMemberships: { segment: string }[];
  segmentChanges: { segment: string; change: string }[];
  webhookDeliveries: { eventType: string; status: string }[];
  audit: AuditEntryJson[];
  events: { eventId: string; customerId: string }[];
}

/** A current churn prediction for each customer, as a scoring job would leave it. */
async function scoreChurn(db: Db, workspaceId: string, externalIds: string[]): Promise<void> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO churn_models (workspace_id, version, status, label, feature_schema, artifact,
      metrics, heldout_metric, heldout_value, importance, risk_bands, classifier, backend,
      training_seconds, training_rows, positives)
    VALUES (${workspaceId}, 1, 'active', '{}', '{}', '\\x00', '{}', 'roc_auc', 0.8, '[]', '{}',
      'mlp', 'cpu', 1, 100, 20)
    RETURNING id`.execute(db);
  const modelId = rows[0]!.id;
  const jobId = '00000000-0000-4000-8000-00000000c0de';
  await sql`
    INSERT INTO churn_scorings (job_id, workspace_id, model_id, as_of, is_current)
    VALUES (${jobId}, ${workspaceId}, ${modelId}, ${AS_OF}, true)`.execute(db);
  await sql`
    INSERT INTO churn_predictions (scoring_job_id, workspace_id, customer_id, model_id,
      probability, risk_band, factors, scored_at)
    SELECT ${jobId}, ${workspaceId}, c.id, ${modelId}, 0.7, 'high',
           '[{"feature": "recency_days", "value": 5, "contribution": 0.4}]', now()
      FROM customers c
     WHERE c.workspace_id = ${workspaceId} AND c.external_id IN (${sql.join(externalIds)})`.execute(
    db,
  );
}

async function json<T>(response: Response): Promise<T> {
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

for (const kind of testDatabaseKinds()) {
  describe(`customer export and erasure over HTTP on ${kind}`, () => {
    let t: TestServer;
    let admin: string;
    let analyst: string;
    let erasedId: number;
    let keptEventsBefore: number;
    let runId: string;

    const internalId = async (externalId: string) =>
      (
        await t.database.db
          .selectFrom('customers')
          .select('id')
          .where('external_id', '=', externalId)
          .executeTakeFirstOrThrow()
      ).id;
    const exportOf = async (externalId: string) =>
      json<ExportJson>(
        await t.request(`/v1/workspaces/acme/customers/${externalId}/export`, { key: admin }),
      );
    const auditAbout = async (externalId: string) =>
      (
        await json<{ items: AuditEntryJson[] }>(
          await t.request(`/v1/audit?workspace=acme&customer=${externalId}`, { key: admin }),
        )
      ).items;

    beforeAll(async () => {
      t = await startTestServer(kind);
      admin = t.acme.keys.admin;
      analyst = t.acme.keys.analyst;
      for (const externalId of [ERASED, KEPT]) {
        await json(
          await t.request(`/v1/workspaces/acme/customers/${externalId}`, {
            key: analyst,
            method: 'PUT',
            json: { attributes: { email: `${externalId}@example.com`, plan: 'gold' } },
          }),
        );
        await json(
          await t.request('/v1/workspaces/acme/events', {
            key: analyst,
            json: { events: purchasesOf(externalId) },
          }),
        );
      }
      // 15 more customers, events ingested and every customer's features refreshed.
      await loadCustomers(t, 'acme', analyst, 5);
      runId = await clusterRun(t, 'acme', analyst);
      for (let cluster = 0; cluster < 3; cluster++) {
        await json(
          await t.request(`/v1/workspaces/acme/cluster-runs/${runId}/clusters/${cluster}/tag`, {
            key: analyst,
            json: { slug: `segment-${cluster}`, displayName: `Segment ${cluster}` },
          }),
        );
      }
      // Nobody listens there: tag events queue up as deliveries that keep failing.
      await json(
        await t.request('/v1/workspaces/acme/webhooks', {
          key: admin,
          json: { url: 'http://127.0.0.1:9/hook', events: ['tag.assigned', 'tag.removed'] },
        }),
      );
      await generateSuggestions(t, 'acme', analyst, ['cluster']);
      for (const externalId of [ERASED, KEPT]) {
        const detail = await json<{ openSuggestions: { id: string }[] }>(
          await t.request(`/v1/workspaces/acme/customers/${externalId}`, { key: analyst }),
        );
        await json(
          await t.request(
            `/v1/workspaces/acme/suggestions/${detail.openSuggestions[0]!.id}/accept`,
            { key: t.acme.keys.operator, json: { reason: 'looks right' } },
          ),
        );
      }
      await scoreChurn(t.database.db, t.acme.workspace.id, [ERASED, KEPT]);
      // A hand-made tag both hold, a segment of its holders, and the erased customer leaving it.
      await json(
        await t.request('/v1/workspaces/acme/tags', {
          key: analyst,
          json: { slug: 'zz-vip', displayName: 'VIP', category: 'value' },
        }),
      );
      for (const externalId of [ERASED, KEPT]) {
        await json(
          await t.request(`/v1/workspaces/acme/customers/${externalId}/tags`, {
            key: analyst,
            json: { tag: 'zz-vip', reason: `${externalId} asked for it` },
          }),
        );
      }
      await json(
        await t.request('/v1/workspaces/acme/segments', {
          key: analyst,
          json: { slug: 'vips', name: 'VIPs', expression: { tag: 'zz-vip' } },
        }),
      );
      const snapshot = () =>
        t.request('/v1/workspaces/acme/segments/vips/snapshots', { key: analyst, json: {} });
      await json(await snapshot());
      await json(
        await t.request(`/v1/workspaces/acme/customers/${ERASED}/tags/zz-vip`, {
          key: analyst,
          method: 'DELETE',
        }),
      );
      await json(await snapshot());
      // One of the erased customer's webhooks reached its subscriber.
      await sql`
        UPDATE webhook_deliveries SET status = 'delivered', delivered_at = now()
         WHERE id = (SELECT d.id FROM webhook_deliveries d JOIN customers c ON c.id = d.customer_id
                      WHERE c.external_id = ${ERASED} LIMIT 1)`.execute(t.database.db);
      erasedId = await internalId(ERASED);
      keptEventsBefore = (await exportOf(KEPT)).events.length;
    }, 180_000);
    afterAll(() => t.close());

    it('exports everything held about one customer', async () => {
      const data = await exportOf(ERASED);
      expect(data.workspace).toBe('acme');
      expect(data.customer).toMatchObject({
        externalId: ERASED,
        attributes: { email: `${ERASED}@example.com`, plan: 'gold' },
      });
      expect(data.customer.features).toMatchObject({ frequency: 12 });
      expect(data.events.map((e) => e.eventId)).toEqual(
        purchasesOf(ERASED)
          .map((e) => e.eventId)
          .reverse(),
      );
      expect(data.events.every((e) => e.customerId === ERASED)).toBe(true);
      expect(data.tags.map((h) => [h.source, h.removedAt === null])).toEqual([
        ['cluster', true],
        ['manual', false],
      ]);
      expect(data.suggestions.length).toBeGreaterThan(0);
      expect(data.suggestions.every((s) => s.customer === ERASED)).toBe(true);
      expect(data.suggestions.map((s) => s.status)).toContain('accepted');
      expect(data.churnPredictions).toEqual([
        expect.objectContaining({ probability: 0.7, riskBand: 'high', current: true }),
      ]);
      expect(data.clusterAssignments).toHaveLength(1);
      expect(data.clusterAssignments[0]!.tag).toBe(data.tags[0]!.tag);
      expect(data.segmentMemberships).toEqual([]);
      expect(data.segmentChanges.map((c) => [c.segment, c.change])).toEqual([
        ['vips', 'entered'],
        ['vips', 'left'],
      ]);
      expect(data.webhookDeliveries.map((d) => d.eventType).sort()).toEqual([
        'tag.assigned',
        'tag.assigned',
        'tag.removed',
      ]);
      expect(data.webhookDeliveries.map((d) => d.status)).toContain('delivered');
      expect(data.audit.map((e) => e.action).sort()).toEqual(ERASED_AUDIT);
      // The other customer's rows are not in it.
      expect(JSON.stringify(data)).not.toContain(KEPT);
    });

    it('export and erasure are for admins; unknown customers are 404', async () => {
      for (const role of ['analyst', 'operator', 'service'] as const) {
        const key = t.acme.keys[role];
        await expectProblem(
          await t.request(`/v1/workspaces/acme/customers/${ERASED}/export`, { key }),
          403,
          'forbidden',
        );
        await expectProblem(
          await t.request(`/v1/workspaces/acme/customers/${ERASED}`, { key, method: 'DELETE' }),
          403,
          'forbidden',
        );
      }
      await expectProblem(
        await t.request('/v1/workspaces/acme/customers/nobody/export', { key: admin }),
        404,
        'not-found',
      );
      await expectProblem(
        await t.request('/v1/workspaces/acme/customers/nobody', { key: admin, method: 'DELETE' }),
        404,
        'not-found',
      );
      // Another tenant's admin cannot reach the customer.
      await expectProblem(
        await t.request(`/v1/workspaces/acme/customers/${ERASED}`, {
          key: t.globex.keys.admin,
          method: 'DELETE',
        }),
        404,
        'not-found',
      );
    });

    it('audits customers under a salted hash an admin can filter by', async () => {
      const entries = await auditAbout(ERASED);
      expect(entries.map((e) => e.action).sort()).toEqual(ERASED_AUDIT);
      const hash = entries[0]!.data.customer;
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(entries.every((e) => e.data.customer === hash)).toBe(true);
      expect(JSON.stringify(entries)).not.toContain(ERASED);
      expect((await auditAbout(KEPT)).every((e) => e.data.customer !== hash)).toBe(true);
    });

    it('erasure leaves no row mentioning the customer in any table', async () => {
      const res = await t.request(`/v1/workspaces/acme/customers/${ERASED}`, {
        key: admin,
        method: 'DELETE',
      });
      expect(res.status).toBe(204);

      const db = t.database.db;
      const { rows: tables } = await sql<{ table_name: string }>`
        SELECT table_name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
         ORDER BY table_name`.execute(db);
      expect(tables.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['events', 'customer_tags', 'audit_log']),
      );
      const { rows: withCustomerId } = await sql<{ table_name: string }>`
        SELECT table_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND column_name = 'customer_id'`.execute(db);
      const customerTables = new Set(withCustomerId.map((r) => r.table_name));
      const mentions: Record<string, number> = {};
      for (const { table_name: table } of tables) {
        const { rows } = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM ${sql.table(table)} t
           WHERE t::text LIKE '%' || ${ERASED} || '%'
              ${customerTables.has(table) ? sql`OR t.customer_id = ${erasedId}` : sql``}`.execute(
          db,
        );
        if (rows[0]!.n > 0) mentions[table] = rows[0]!.n;
      }
      expect(mentions).toEqual({});
      const { rows: customers } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM customers WHERE id = ${erasedId}`.execute(db);
      expect(customers[0]!.n).toBe(0);

      await expectProblem(
        await t.request(`/v1/workspaces/acme/customers/${ERASED}`, { key: admin }),
        404,
        'not-found',
      );
      await expectProblem(
        await t.request(`/v1/workspaces/acme/customers/${ERASED}`, {
          key: admin,
          method: 'DELETE',
        }),
        404,
        'not-found',
      );
    });

    it('audits the erasure under the hash only', async () => {
      const entries = await auditAbout(ERASED);
      const erased = entries.find((e) => e.action === 'customer.erased');
      expect(erased).toMatchObject({
        resource: 'customer',
        resourceId: entries.find((e) => e.action === 'suggestion.accepted')!.data.customer,
        data: {
          removed: expect.objectContaining({
            customers: 1,
            events: 12,
            cluster_assignments: 1,
            churn_predictions: 1,
            customer_tags: 2,
            segment_changes: 2,
            webhook_deliveries: 2,
          }) as unknown,
          stripped: { webhook_deliveries: 1, cluster_runs: 1 },
        },
      });
      expect(JSON.stringify(entries)).not.toContain(ERASED);
    });

    it('leaves the other customer intact', async () => {
      const kept = await exportOf(KEPT);
      expect(kept.customer.attributes).toEqual({ email: `${KEPT}@example.com`, plan: 'gold' });
      expect(kept.events).toHaveLength(keptEventsBefore);
      expect(kept.tags).toHaveLength(2);
      expect(kept.segmentMemberships.map((m) => m.segment)).toEqual(['vips']);
      expect(kept.webhookDeliveries).toHaveLength(2);
      expect(kept.suggestions.map((s) => s.status)).toContain('accepted');
      expect(kept.churnPredictions).toHaveLength(1);
      expect(kept.clusterAssignments).toHaveLength(1);
      // The run lost only the erased customer's point from its projection.
      const run = await json<{ profiles: { projection: { points: { externalId: string }[] } } }>(
        await t.request(`/v1/workspaces/acme/cluster-runs/${runId}`, { key: analyst }),
      );
      const shown = run.profiles.projection.points.map((p) => p.externalId);
      expect(shown).toHaveLength(16);
      expect(shown).toContain(KEPT);
      expect(kept.audit.map((e) => e.action).sort()).toEqual([
        'customer-tag.assigned',
        'customer-tag.assigned',
        'suggestion.accepted',
      ]);
    });
  });
}
