import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';

const NUL = '\u0000';
const nulError = (path: string) => ({ path, message: expect.stringContaining('NUL character') });
const surrogateError = (path: string) => ({
  path,
  message: expect.stringContaining('unpaired UTF-16 surrogate'),
});

for (const kind of testDatabaseKinds()) {
  describe(`input the database cannot store, over HTTP on ${kind}`, () => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(kind);
    });
    afterAll(() => t.close());

    const customerExists = async (externalId: string) =>
      (
        await t.request(`/v1/workspaces/acme/customers/${encodeURIComponent(externalId)}`, {
          key: t.acme.keys.analyst,
        })
      ).status === 200;

    /** The field errors of a customer batch the API refuses as invalid. */
    const refusedCustomers = async (customers: unknown[]) =>
      (
        await expectProblem(
          await t.request('/v1/workspaces/acme/customers', {
            key: t.acme.keys.analyst,
            json: { customers },
          }),
          422,
          'validation-failed',
        )
      ).errors;

    it('names the path parameter, the workspace slug included, instead of failing in the database', async () => {
      const customer = await expectProblem(
        await t.request('/v1/workspaces/acme/customers/c%00', { key: t.acme.keys.analyst }),
        400,
        'invalid-parameters',
      );
      expect(customer.errors).toEqual([nulError('param.externalId')]);

      const workspace = await expectProblem(
        await t.request('/v1/workspaces/ac%00me/customers', { key: t.acme.keys.analyst }),
        400,
        'invalid-parameters',
      );
      // No workspace slug can hold it: the slug's own rule answers, before any lookup.
      expect(workspace.errors).toEqual([
        { path: 'param.workspace', message: expect.stringContaining('lower-case words') },
      ]);
    });

    it('names the query parameter', async () => {
      const queue = await expectProblem(
        await t.request('/v1/workspaces/acme/suggestions?tag=vip%00', {
          key: t.acme.keys.operator,
        }),
        400,
        'invalid-parameters',
      );
      expect(queue.errors).toEqual([nulError('query.tag')]);
    });

    it('names the body field, or the attribute name, and stores nothing of the batch', async () => {
      expect(
        await refusedCustomers([
          { externalId: 'nul-ok', attributes: { plan: 'pro' } },
          { externalId: 'nul-bad', attributes: { plan: `pro${NUL}` } },
        ]),
      ).toEqual([nulError('customers.1.attributes.plan')]);
      expect(
        await refusedCustomers([{ externalId: 'nul-ok', attributes: { [`pl${NUL}an`]: 'pro' } }]),
      ).toEqual([nulError(`customers.0.attributes.pl${NUL}an`)]);

      const events = await expectProblem(
        await t.request('/v1/workspaces/acme/events', {
          key: t.acme.keys.service,
          json: {
            events: [
              {
                eventId: `e${NUL}1`,
                customerId: 'nul-ok',
                occurredAt: '2024-03-01T10:00:00Z',
                kind: 'purchase',
                amount: 5,
              },
            ],
          },
        }),
        422,
        'validation-failed',
      );
      expect(events.errors).toEqual([nulError('events.0.eventId')]);

      // The driver would have stored U+FFFD instead: the id would not be the one sent.
      expect(
        await refusedCustomers([{ externalId: 'nul-ok' }, { externalId: 'cut \ud83d' }]),
      ).toEqual([surrogateError('customers.1.externalId')]);
      expect(await customerExists('nul-ok')).toBe(false);
    });

    it('rejects a CSV upload with a NUL character, naming its line and column', async () => {
      const upload = await expectProblem(
        await t.request('/v1/workspaces/acme/customers/csv?idColumn=id', {
          key: t.acme.keys.analyst,
          csv: `id,plan\nnul-csv-ok,basic\nnul-csv-bad,pro${NUL}\n`,
        }),
        400,
        'malformed-request',
      );
      expect(upload.errors).toEqual([nulError('line.3.plan')]);
      expect(await customerExists('nul-csv-ok')).toBe(false);
    });

    it('refuses an event payload nested thousands deep, naming where it goes too deep', async () => {
      // Written out by hand: JSON.stringify itself runs out of stack on such a value.
      const levels = 20_000;
      const payload = `${'{"inner":'.repeat(levels)}{"note":"bottom"}${'}'.repeat(levels)}`;
      const body =
        '{"events":[{"eventId":"deep-1","customerId":"deep-customer",' +
        `"occurredAt":"2024-03-01T10:00:00Z","kind":"view","payload":${payload}}]}`;
      const refused = await expectProblem(
        await fetch(`${t.url}/v1/workspaces/acme/events`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${t.acme.keys.service}`,
            'content-type': 'application/json',
          },
          body,
        }),
        422,
        'validation-failed',
      );
      expect(refused.errors).toEqual([
        {
          path: expect.stringMatching(/^events\.0\.payload(\.inner)+$/) as unknown,
          message: expect.stringContaining('nests deeper than') as unknown,
        },
      ]);
      expect(await customerExists('deep-customer')).toBe(false);
    });
  });
}
