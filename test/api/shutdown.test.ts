import { request as httpRequest, type IncomingMessage } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@tagwise/api/testing';
import { readSse, startTestServer, type TestServer } from './harness.ts';

/**
 * Starts `POST /customers` with `Expect: 100-continue` and resolves once the server has
 * taken the request (it answered 100 Continue) but not yet its body: the request is in
 * progress. `finish` sends the body and resolves with the response.
 */
async function requestInProgress(
  t: TestServer,
  body: unknown,
): Promise<{ finish(): Promise<{ status: number; json: unknown }> }> {
  const text = JSON.stringify(body);
  const url = new URL('/v1/workspaces/acme/customers', t.url);
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${t.acme.keys.analyst}`,
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      expect: '100-continue',
    },
  });
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  await new Promise<void>((resolve) => request.once('continue', resolve));
  return {
    async finish() {
      request.end(text);
      const res = await response;
      let received = '';
      for await (const chunk of res) received += String(chunk);
      return { status: res.statusCode ?? 0, json: JSON.parse(received) as unknown };
    },
  };
}

for (const kind of testDatabaseKinds()) {
  describe(`closing the server on ${kind}`, () => {
    let t: TestServer | undefined;
    afterEach(async () => {
      await t?.database.destroy();
      t = undefined;
    });

    it('lets a request in progress finish and store its rows before closing', async () => {
      t = await startTestServer(kind);
      const inProgress = await requestInProgress(t, {
        customers: [{ externalId: 'late-arrival', attributes: { plan: 'pro' } }],
      });

      const closing = t.server.close();
      const answer = await inProgress.finish();
      await closing;

      expect(answer).toEqual({
        status: 200,
        json: { received: 1, inserted: 1, updated: 0, unchanged: 0 },
      });
      const stored = await t.database.db
        .selectFrom('customers')
        .select('external_id')
        .where('external_id', '=', 'late-arrival')
        .execute();
      expect(stored).toHaveLength(1);
      await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    });

    it('ends open event streams instead of waiting for them', async () => {
      t = await startTestServer(kind);
      const created = await t.request('/v1/workspaces/acme/jobs', {
        key: t.acme.keys.analyst,
        json: { kind: 'test-steps', params: { steps: 100, stepMs: 100 } },
      });
      const job = (await created.json()) as { id: string };
      const stream = await t.request(`/v1/workspaces/acme/jobs/${job.id}/events`, {
        key: t.acme.keys.analyst,
        headers: { accept: 'text/event-stream' },
      });
      const events = readSse(stream);
      expect((await events.next()).value).toMatchObject({ event: 'progress' });

      await t.server.close();

      // The stream was cut while the job ran: it never sent its `end` event.
      const rest: string[] = [];
      await expect(
        (async () => {
          for await (const event of events) rest.push(event.event);
        })(),
      ).rejects.toThrow();
      expect(rest).not.toContain('end');
    });
  });
}
