import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

/** Sends raw bytes to the server and returns everything it answers before closing. */
function exchange(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname === '0.0.0.0' ? '127.0.0.1' : hostname);
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

describe('requests the HTTP parser refuses, over a real socket', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t.close());

  it('answers headers over the limit with a 431 problem', async () => {
    const response = await fetch(`${t.url}/v1/workspaces`, {
      headers: { authorization: `Bearer ${t.acme.keys.admin}`, 'x-padding': 'a'.repeat(20_000) },
    });
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      type: '/problems/headers-too-large',
      status: 431,
      detail: 'request headers are limited to 16 KiB in all',
    });
  });

  it('answers bytes that are not HTTP with a 400 problem', async () => {
    const answer = await exchange(t.url, 'HELLO THERE\r\n\r\n');
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('Content-Type: application/problem+json');
    expect(JSON.parse(body)).toMatchObject({ type: '/problems/malformed-request', status: 400 });
  });
});
