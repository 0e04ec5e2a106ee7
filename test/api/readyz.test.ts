import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestServer, type TestServer } from './harness.ts';

describe('readiness of a starting server', () => {
  let t: TestServer;
  let finishStartup!: () => void;
  beforeAll(async () => {
    const startup = new Promise<void>((resolve) => (finishStartup = resolve));
    t = await startTestServer('pglite', { startupTasks: [() => startup] });
  });
  afterAll(() => t.close());

  it('is live at once, ready only after the startup tasks', async () => {
    expect(await (await t.request('/healthz')).json()).toEqual({ status: 'ok' });
    const notReady = await expectProblem(await t.request('/readyz'), 503, 'not-ready');
    expect(notReady.errors).toEqual([{ path: 'startup', message: 'running startup tasks' }]);
    finishStartup();
    await t.server.started;
    const ready = await t.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready' });
  });
});
