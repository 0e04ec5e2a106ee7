import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';

const event = (
  eventId: string,
  customerId: string,
  amount: number,
  occurredAt = '2024-03-01T10:00:00Z',
) => ({
  eventId,
  customerId,
  occurredAt,
  kind: 'purchase',
  amount,
  invoice: `inv-${eventId}`,
});

for (const kind of testDatabaseKinds()) {
  describe(`ingest over HTTP on ${kind}`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(kind);
    });
    afterAll(() => t.close());

    it('ingests a JSON batch and treats the same batch re-sent as a no-op', async () => {
      const batch = {
        events: [event('e1', 'c1', 10), event('e2', 'c1', 20), event('e3', 'c2', 5)],
      };
      const first = await t.request('/v1/workspaces/acme/events', {
        key: t.acme.keys.service,
        json: batch,
      });
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({
        received: 3,
        inserted: 3,
        duplicates: 0,
        customersCreated: 2,
      });
      const again = await t.request('/v1/workspaces/acme/events', {
        key: t.acme.keys.service,
        json: batch,
      });
      expect(await again.json()).toEqual({
        received: 3,
        inserted: 0,
        duplicates: 3,
        customersCreated: 0,
      });

      const events = await t.request('/v1/workspaces/acme/customers/c1/events', {
        key: t.acme.keys.operator,
      });
      const page = (await events.json()) as { items: { eventId: string; amount: number }[] };
      expect(page.items.map((e) => [e.eventId, e.amount])).toEqual([
        ['e1', 10],
        ['e2', 20],
      ]);
      const customer = await t.request('/v1/workspaces/acme/customers/c1', {
        key: t.acme.keys.service,
      });
      expect(await customer.json()).toMatchObject({
        externalId: 'c1',
        featuresStale: true,
        features: null,
      });
    });

    it('rejects a batch with bad rows as a whole, listing every bad row', async () => {
      const response = await t.request('/v1/workspaces/acme/events', {
        key: t.acme.keys.analyst,
        json: {
          events: [
            event('b1', 'c7', 1),
            { ...event('b2', 'c7', 1), occurredAt: 'last tuesday' },
            event('b3', 'c7', 1),
            { ...event('b4', '', 1), kind: 'Big Order' },
            { ...event('b5', 'c7', 1), occurredAt: '2024-02-30T10:00:00Z' },
            event('b6', 'c7', 1e308),
          ],
        },
      });
      const problem = await expectProblem(response, 422, 'validation-failed');
      expect(problem.errors?.map((e) => e.path).sort()).toEqual([
        'events.1.occurredAt',
        'events.3.customerId',
        'events.3.kind',
        'events.4.occurredAt',
        'events.5.amount',
      ]);
      expect(problem.errors?.find((e) => e.path === 'events.5.amount')?.message).toMatch(
        /between -1e15 and 1e15/,
      );
      const missing = await t.request('/v1/workspaces/acme/customers/c7', {
        key: t.acme.keys.analyst,
      });
      await expectProblem(missing, 404, 'not-found');
    });

    it('ingests a CSV upload and lists bad CSV rows by line', async () => {
      const good =
        'event_id,customer_id,occurred_at,amount,quantity,invoice,country\n' +
        'r1,c3,2010-12-01T08:26:00,15.3,6,536365,United Kingdom\n' +
        'r2,c3,2010-12-01T08:28:00,20.34,6,536365,United Kingdom\n';
      const ok = await t.request('/v1/workspaces/acme/events/csv?kind=purchase', {
        key: t.acme.keys.service,
        csv: good,
      });
      expect(await ok.json()).toEqual({
        received: 2,
        inserted: 2,
        duplicates: 0,
        customersCreated: 1,
      });
      const resent = await t.request('/v1/workspaces/acme/events/csv?kind=purchase', {
        key: t.acme.keys.service,
        csv: good,
      });
      expect(await resent.json()).toMatchObject({ inserted: 0, duplicates: 2 });

      const bad = await t.request('/v1/workspaces/acme/events/csv?kind=purchase', {
        key: t.acme.keys.service,
        csv:
          'event_id,customer_id,occurred_at,amount\n' +
          'x1,c5,2011-01-01T00:00:00Z,1\n' +
          'x2,c5,not a date,1\n' +
          'x3,c5,2011-01-01T00:00:00Z,one\n' +
          'x4,c5,2011-02-29T00:00:00Z,1\n' +
          'x5,c5,2011-01-01T00:00:00Z,-2e300\n',
      });
      const problem = await expectProblem(bad, 422, 'batch-rejected');
      expect(problem.errors).toEqual([
        { path: 'line.3.occurred_at', message: expect.stringContaining('ISO 8601') },
        { path: 'line.4.amount', message: '"one" is not a number' },
        { path: 'line.5.occurred_at', message: expect.stringContaining('ISO 8601') },
        { path: 'line.6.amount', message: expect.stringContaining('between -1e15 and 1e15') },
      ]);
      await expectProblem(
        await t.request('/v1/workspaces/acme/customers/c5', { key: t.acme.keys.service }),
        404,
        'not-found',
      );

      const noKind = await t.request('/v1/workspaces/acme/events/csv', {
        key: t.acme.keys.service,
        csv: 'event_id,customer_id,occurred_at\nq,c,2011-01-01\n',
      });
      expect((await expectProblem(noKind, 422, 'batch-rejected')).errors).toEqual([
        { path: 'line.1.kind', message: 'missing column' },
      ]);
    });

    it('refuses malformed CSV with a 400 naming the line, and stores nothing', async () => {
      const upload = (csv: string) =>
        t.request('/v1/workspaces/acme/events/csv?kind=purchase', {
          key: t.acme.keys.service,
          csv,
        });
      const header = 'event_id,customer_id,occurred_at,amount\n';
      const good = 'm1,malformed-c,2011-01-01T00:00:00Z,1\n';
      const cases = {
        'a quote opening inside a field': `${header}${good}m2,malformed-c,2011-01-0"1,1\n`,
        'a row with more fields than the header': `${header}${good}m2,malformed-c,2011-01-01,1,9\n`,
        'a quote left open': `${header}${good}"m2,malformed-c,2011-01-01,1\n`,
        'JSON sent as CSV': '{"events":[]}',
      };
      for (const [what, csv] of Object.entries(cases)) {
        const problem = await expectProblem(await upload(csv), 400, 'malformed-request');
        expect(problem.detail, what).toMatch(/^malformed CSV: /);
        expect(problem.errors?.[0]?.path, what).toMatch(/^line\.\d+$/);
      }
      const twice = await expectProblem(
        await upload(`event_id,customer_id,occurred_at,amount,amount\n${good}`),
        400,
        'malformed-request',
      );
      expect(twice.errors).toEqual([
        {
          path: 'line.1.amount',
          message: 'columns 4 and 5 are both named "amount"; each column needs its own name',
        },
      ]);

      const send = (body: string | Buffer, contentType: string) =>
        fetch(`${t.url}/v1/workspaces/acme/events/csv?kind=purchase`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.acme.keys.service}`, 'content-type': contentType },
          body,
        });
      const latin1 = Buffer.concat([
        Buffer.from(`${header}${good}m2,K`),
        Buffer.from([0xf6]),
        Buffer.from('ln,2011-01-01,1\n'),
      ]);
      const notUtf8 = await expectProblem(await send(latin1, 'text/csv'), 400, 'malformed-request');
      expect(notUtf8.errors).toEqual([
        { path: 'line.3', message: expect.stringContaining('not valid UTF-8') as unknown },
      ]);
      await expectProblem(
        await send(latin1, 'text/csv; charset=iso-8859-1'),
        415,
        'unsupported-media-type',
      );
      const declaredJson = await expectProblem(
        await send(`${header}${good}`, 'application/json'),
        415,
        'unsupported-media-type',
      );
      expect(declaredJson.detail).toMatch(/takes CSV; the body is declared as application\/json/);
      await expectProblem(
        await t.request('/v1/workspaces/acme/customers/malformed-c', { key: t.acme.keys.service }),
        404,
        'not-found',
      );
    });

    it('reads uploads separated by semicolons (with decimal commas) or tabs', async () => {
      const customers = await t.request('/v1/workspaces/globex/customers/csv?idColumn=Kunden-ID', {
        key: t.globex.keys.analyst,
        csv: 'Kunden-ID;Tarif;Umsatz\r\nde1;Jahr;12,5\r\nde2;"Monat; flexibel";-0,75\r\n',
      });
      expect(await customers.json()).toEqual({
        received: 2,
        inserted: 2,
        updated: 0,
        unchanged: 0,
      });
      const de2 = await t.request('/v1/workspaces/globex/customers/de2', {
        key: t.globex.keys.analyst,
      });
      expect(await de2.json()).toMatchObject({
        attributes: { Tarif: 'Monat; flexibel', Umsatz: -0.75 },
      });

      const events = await t.request('/v1/workspaces/globex/events/csv?kind=purchase', {
        key: t.globex.keys.service,
        csv: 'event_id\tcustomer_id\toccurred_at\tamount\ntab1\tde1\t2011-02-01T10:00:00Z\t9.5\n',
      });
      expect(await events.json()).toMatchObject({ received: 1, inserted: 1 });
    });

    it('upserts customers from JSON and CSV, pages them with a cursor', async () => {
      const json = await t.request('/v1/workspaces/acme/customers', {
        key: t.acme.keys.analyst,
        json: { customers: [{ externalId: 'c1', attributes: { plan: 'pro', seats: 3 } }] },
      });
      expect(await json.json()).toEqual({ received: 1, inserted: 0, updated: 1, unchanged: 0 });
      const csv = await t.request('/v1/workspaces/acme/customers/csv?idColumn=id', {
        key: t.acme.keys.analyst,
        csv: 'id,plan,zip,tenure\nc8,basic,00123,12\nc9,pro,,3.5\n',
      });
      expect(await csv.json()).toEqual({ received: 2, inserted: 2, updated: 0, unchanged: 0 });
      const c8 = await t.request('/v1/workspaces/acme/customers/c8', { key: t.acme.keys.analyst });
      expect(await c8.json()).toMatchObject({
        attributes: { plan: 'basic', zip: '00123', tenure: 12 },
      });
      const put = await t.request('/v1/workspaces/acme/customers/c10', {
        key: t.acme.keys.admin,
        method: 'PUT',
        json: { attributes: { plan: 'trial' } },
      });
      expect(await put.json()).toMatchObject({ externalId: 'c10', attributes: { plan: 'trial' } });
      const overflowing = await t.request('/v1/workspaces/acme/customers/csv?idColumn=id', {
        key: t.acme.keys.analyst,
        csv: 'id,plan,seats\nc11,pro,1e308\n',
      });
      expect((await expectProblem(overflowing, 422, 'batch-rejected')).errors).toEqual([
        { path: 'line.2.seats', message: expect.stringContaining('between -1e15 and 1e15') },
      ]);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${cursor}`;
        const res = await t.request(`/v1/workspaces/acme/customers?limit=2${query}`, {
          key: t.acme.keys.service,
        });
        const page = (await res.json()) as {
          items: { externalId: string }[];
          nextCursor: string | null;
        };
        seen.push(...page.items.map((c) => c.externalId));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toEqual(['c1', 'c10', 'c2', 'c3', 'c8', 'c9']);
    });

    it('refreshes features with the feature-refresh job', async () => {
      const created = await t.request('/v1/workspaces/acme/jobs', {
        key: t.acme.keys.analyst,
        json: { kind: 'feature-refresh', params: { asOf: '2024-04-01T00:00:00Z' } },
      });
      expect(created.status).toBe(202);
      const job = (await created.json()) as { id: string };
      let status = 'queued';
      for (let i = 0; i < 500 && (status === 'queued' || status === 'running'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const res = await t.request(`/v1/workspaces/acme/jobs/${job.id}`, {
          key: t.acme.keys.analyst,
        });
        status = ((await res.json()) as { status: string }).status;
      }
      expect(status).toBe('succeeded');
      const c1 = await t.request('/v1/workspaces/acme/customers/c1', { key: t.acme.keys.service });
      expect(await c1.json()).toMatchObject({
        featuresStale: false,
        featuresAsOf: '2024-04-01T00:00:00.000Z',
        features: { frequency: 2, monetary: 30 },
      });
    });
  });
}
