import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env.ts';
import { workbenchStatic } from './workbench-static.ts';

describe('serving the built workbench', () => {
  let root: string;
  let app: Hono<AppEnv>;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'workbench-'));
    await mkdir(join(root, '_app', 'immutable'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>wb</title>');
    await writeFile(join(root, '_app', 'immutable', 'app.1234.js'), 'export {};');
    await writeFile(join(root, 'favicon.svg'), '<svg/>');
    app = new Hono<AppEnv>();
    app.get('/v1/ping', (c) => c.text('pong'));
    app.use('*', workbenchStatic(root));
    app.notFound((c) => c.text('no such thing', 404));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('serves files with their type; hashed bundles are immutable', async () => {
    const js = await app.request('/_app/immutable/app.1234.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('export {};');
    const icon = await app.request('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers page paths with index.html (the app routes in the browser)', async () => {
    for (const path of ['/', '/w/acme/notebooks/123', '/settings']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>wb</title>');
    }
    expect((await app.request('/', { method: 'HEAD' })).status).toBe(200);
  });

  it('leaves API paths, missing assets, other methods and escapes to the 404', async () => {
    expect(await (await app.request('/v1/ping')).text()).toBe('pong');
    for (const path of [
      '/v1/nothing',
      '/openapi.json',
      '/docs',
      '/missing.js',
      '/..%2f..%2f..%2fetc%2fpasswd',
    ]) {
      expect((await app.request(path)).status, path).toBe(404);
    }
    expect((await app.request('/', { method: 'POST' })).status).toBe(404);
  });
});
