import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '@tagwise/api';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';
import { getReport, insertCustomers, insertTag } from './reports-data.ts';

type Status = 'pending' | 'accepted' | 'rejected' | 'auto_accepted' | 'superseded';

interface Counts {
  pending: number;
  accepted: number;
  rejected: number;
  autoAccepted: number;
  acceptanceRate: number | null;
}

interface Acceptance {
  byTag: ({ slug: string } & Counts)[];
  bySource: ({ source: string } & Counts)[];
}

interface ReliabilityBin {
  from: number;
  to: number;
  meanConfidence: number | null;
  acceptanceRate: number | null;
  accepted: number;
  rejected: number;
  count: number;
}

interface Reliability {
  sources: {
    source: string;
    decided: number;
    weightedMeanAbsoluteGap: number | null;
    bins: ReliabilityBin[];
  }[];
}

const counts = (
  pending: number,
  accepted: number,
  rejected: number,
  autoAccepted: number,
): Counts => ({
  pending,
  accepted,
  rejected,
  autoAccepted,
  acceptanceRate: accepted + rejected === 0 ? null : accepted / (accepted + rejected),
});

for (const kind of testDatabaseKinds()) {
  describe(`acceptance and reliability reports over HTTP on ${kind}`, () => {
    let t: TestServer;

    beforeAll(async () => {
      t = await startTestServer(kind);
      const db = t.database.db;
      const ws = t.acme.workspace.id;
      const customers = Array.from({ length: 10 }, (_, i) => `c${i + 1}`);
      const ids = await insertCustomers(db, ws, customers);
      const loyal = await insertTag(db, ws, 'loyal', { kind: 'model', category: 'behaviour' });
      const lapsing = await insertTag(db, ws, 'lapsing', { kind: 'rule', category: 'lifecycle' });
      const suggestion = (
        customer: string,
        tagId: string,
        source: 'cluster' | 'churn' | 'rule',
        confidence: number,
        status: Status,
      ) => ({
        workspace_id: ws,
        customer_id: ids.get(customer)!,
        tag_id: tagId,
        source,
        source_version: 'v1',
        confidence,
        explanation: JSON.stringify({ factors: [], text: '' }),
        status,
        decided_at: status === 'pending' ? null : new Date(),
      });
      const rows = [
        // Cluster, 0.85: 8 accepted, 2 rejected.
        ...customers.map((c, i) =>
          suggestion(c, loyal, 'cluster', 0.85, i < 8 ? 'accepted' : 'rejected'),
        ),
        // Rule, 1.0: 3 accepted, 1 rejected, 2 auto-accepted, 1 pending, 1 superseded.
        ...(
          [
            'accepted',
            'accepted',
            'accepted',
            'rejected',
            'auto_accepted',
            'auto_accepted',
            'pending',
            'superseded',
          ] as const
        ).map((status, i) => suggestion(customers[i]!, lapsing, 'rule', 1, status)),
        // Churn, 0.25: 1 accepted, 3 rejected; 0.35: 2 pending.
        ...(['accepted', 'rejected', 'rejected', 'rejected'] as const).map((status, i) =>
          suggestion(customers[i]!, lapsing, 'churn', 0.25, status),
        ),
        suggestion('c5', lapsing, 'churn', 0.35, 'pending'),
        suggestion('c6', lapsing, 'churn', 0.35, 'pending'),
      ];
      await db.insertInto('suggestions').values(rows).execute();
      // Churn suggestions were made in March, the others in May.
      await sql`
        UPDATE suggestions
           SET created_at = CASE source WHEN 'churn' THEN timestamptz '2024-03-01T00:00:00Z'
                                        ELSE timestamptz '2024-05-01T00:00:00Z' END
         WHERE workspace_id = ${ws}`.execute(db);
    });
    afterAll(() => t.close());

    it('counts outcomes per tag and source; the rate counts people’s decisions only', async () => {
      const report = await getReport<Acceptance>(
        t,
        '/v1/workspaces/acme/reports/acceptance',
        t.acme.keys.service,
      );
      expect(report.byTag).toEqual([
        // Rule 3/1 with 2 auto and 1 pending, churn 1/3 with 2 pending; superseded left out.
        { slug: 'lapsing', ...counts(3, 4, 4, 2) },
        { slug: 'loyal', ...counts(0, 8, 2, 0) },
      ]);
      expect(report.byTag[0]!.acceptanceRate).toBe(0.5);
      expect(report.bySource).toEqual([
        { source: 'cluster', ...counts(0, 8, 2, 0) },
        { source: 'churn', ...counts(2, 1, 3, 0) },
        { source: 'rule', ...counts(1, 3, 1, 2) },
      ]);
    });

    it('keeps suggestions created in [from, to)', async () => {
      const april = await getReport<Acceptance>(
        t,
        '/v1/workspaces/acme/reports/acceptance?from=2024-04-01T00:00:00Z',
        t.acme.keys.operator,
      );
      expect(april.byTag).toEqual([
        { slug: 'lapsing', ...counts(1, 3, 1, 2) },
        { slug: 'loyal', ...counts(0, 8, 2, 0) },
      ]);
      expect(april.bySource[1]).toEqual({ source: 'churn', ...counts(0, 0, 0, 0) });
      expect(april.bySource[1]!.acceptanceRate).toBeNull();
      const march = await getReport<Acceptance>(
        t,
        '/v1/workspaces/acme/reports/acceptance?from=2024-03-01&to=2024-05-01T00:00:00Z',
        t.acme.keys.operator,
      );
      expect(march.byTag).toEqual([{ slug: 'lapsing', ...counts(2, 1, 3, 0) }]);
      const problem = await expectProblem(
        await t.request('/v1/workspaces/acme/reports/acceptance?from=2024-05-01&to=2024-04-01', {
          key: t.acme.keys.operator,
        }),
        400,
        'invalid-parameters',
      );
      expect(problem.errors?.map((e) => e.path)).toEqual(['query.to']);
      const bad = await expectProblem(
        await t.request('/v1/workspaces/acme/reports/acceptance?from=yesterday', {
          key: t.acme.keys.operator,
        }),
        400,
        'invalid-parameters',
      );
      expect(bad.errors?.map((e) => e.path)).toEqual(['query.from']);
    });

    it('bins decided suggestions by confidence next to their acceptance rate', async () => {
      const report = await getReport<Reliability>(
        t,
        '/v1/workspaces/acme/reports/reliability',
        t.acme.keys.analyst,
      );
      expect(report.sources.map((s) => [s.source, s.decided])).toEqual([
        ['cluster', 10],
        ['churn', 4],
        ['rule', 4],
      ]);
      const [cluster, churn, rule] = report.sources;
      expect(cluster!.bins).toHaveLength(10);
      expect(cluster!.bins[8]!.from).toBeCloseTo(0.8, 12);
      expect(cluster!.bins[8]!.to).toBeCloseTo(0.9, 12);
      expect(cluster!.bins[8]).toMatchObject({ accepted: 8, rejected: 2, count: 10 });
      expect(cluster!.bins[8]!.meanConfidence).toBeCloseTo(0.85, 12);
      expect(cluster!.bins[8]!.acceptanceRate).toBe(0.8);
      expect(cluster!.bins[0]).toEqual({
        from: 0,
        to: 0.1,
        meanConfidence: null,
        acceptanceRate: null,
        accepted: 0,
        rejected: 0,
        count: 0,
      });
      // |0.85 − 0.8| over all ten decisions.
      expect(cluster!.weightedMeanAbsoluteGap).toBeCloseTo(0.05, 12);
      // Churn at 0.25: 1 of 4 accepted, right on; the pending ones at 0.35 are not decisions.
      expect(churn!.bins[2]).toMatchObject({
        accepted: 1,
        rejected: 3,
        count: 4,
        acceptanceRate: 0.25,
      });
      expect(churn!.bins[3]!.count).toBe(0);
      expect(churn!.weightedMeanAbsoluteGap).toBeCloseTo(0, 12);
      // Rule at 1.0 lands in the last bin; the auto-accepted ones are not decisions.
      expect(rule!.bins[9]).toMatchObject({
        meanConfidence: 1,
        accepted: 3,
        rejected: 1,
        count: 4,
      });
      expect(rule!.weightedMeanAbsoluteGap).toBeCloseTo(0.25, 12);
    });

    it('takes the number of bins and a source', async () => {
      const report = await getReport<Reliability>(
        t,
        '/v1/workspaces/acme/reports/reliability?bins=4&source=cluster',
        t.acme.keys.analyst,
      );
      expect(report.sources).toHaveLength(1);
      expect(report.sources[0]!.bins.map((b) => [b.from, b.to, b.count])).toEqual([
        [0, 0.25, 0],
        [0.25, 0.5, 0],
        [0.5, 0.75, 0],
        [0.75, 1, 10],
      ]);
      const problem = await expectProblem(
        await t.request('/v1/workspaces/acme/reports/reliability?bins=0&source=gut-feeling', {
          key: t.acme.keys.analyst,
        }),
        400,
        'invalid-parameters',
      );
      expect(problem.errors?.map((e) => e.path).sort()).toEqual(['query.bins', 'query.source']);
    });

    it('shows another workspace nothing of these', async () => {
      const report = await getReport<Acceptance>(
        t,
        '/v1/workspaces/globex/reports/acceptance',
        t.globex.keys.service,
      );
      expect(report.byTag).toEqual([]);
      expect(report.bySource.every((s) => s.accepted + s.rejected + s.pending === 0)).toBe(true);
    });
  });
}
