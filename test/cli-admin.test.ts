import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTagwise, startTagwise } from './support/tagwise-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tagwise-admin-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Every command opens the same embedded database, as a user's successive commands would.
const env = { TAGWISE_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };

/** `tagwise serve` on a free port, once it listens. */
async function serve(): Promise<{ origin: string; stop(): Promise<number | null> }> {
  const served = await startTagwise(
    ['serve'],
    { ...env, PORT: '0' },
    /"msg":"listening","port":(\d+)/,
  );
  return { origin: `http://127.0.0.1:${served.ready[1]}`, stop: served.stop };
}

const lines = (text: string) => text.trim().split('\n');

describe('tagwise db migrate | status | down, keys create, serve, worker', () => {
  it('migrates, reports and reverts the schema one step at a time', async () => {
    const first = await runTagwise(['db', 'migrate'], env);
    expect(first.code).toBe(0);
    const applied = first.stdout
      .replace(/^applied: /, '')
      .trim()
      .split(', ');
    expect(applied.length).toBeGreaterThan(10);
    expect(await runTagwise(['db', 'migrate'], env)).toMatchObject({
      code: 0,
      stdout: 'the schema is up to date\n',
    });

    const status = await runTagwise(['db', 'status'], env);
    const ran = lines(status.stdout).map((line) => line.split(/\s+/));
    expect(ran.map(([, name]) => name)).toEqual(applied);
    for (const [when] of ran) expect(when).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);

    const latest = applied.at(-1)!;
    expect(await runTagwise(['db', 'down'], env)).toMatchObject({
      code: 0,
      stdout: `reverted: ${latest}\n`,
    });
    expect(lines((await runTagwise(['db', 'status'], env)).stdout).at(-1)).toMatch(
      new RegExp(`^pending\\s+${latest}$`),
    );
    expect((await runTagwise(['db', 'migrate'], env)).stdout).toBe(`applied: ${latest}\n`);
  });

  it('creates keys the server then accepts, and refuses keys it cannot scope', async () => {
    const admin = await runTagwise(['keys', 'create', '--role', 'admin', '--name', 'ops'], env);
    expect(admin.code).toBe(0);
    expect(admin.stderr).toMatch(/^created admin key [\w-]+ for every workspace; store the secret/);
    const adminKey = admin.stdout.trim();

    const unscoped = await runTagwise(['keys', 'create', '--role', 'operator'], env);
    expect(unscoped.code).not.toBe(0);
    expect(unscoped.stderr).toMatch(/workspace: required for role "operator"/);
    const unknown = await runTagwise(
      ['keys', 'create', '--role', 'operator', '--workspace', 'shop'],
      env,
    );
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/workspace "shop" does not exist/);

    let server = await serve();
    try {
      const created = await fetch(`${server.origin}/v1/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ slug: 'shop' }),
      });
      expect(created.status).toBe(201);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const operator = await runTagwise(
      ['keys', 'create', '--role', 'operator', '--workspace', 'shop'],
      env,
    );
    expect(operator.stderr).toMatch(/^created operator key [\w-]+ for shop;/);
    server = await serve();
    try {
      const asOperator = { authorization: `Bearer ${operator.stdout.trim()}` };
      const me = await fetch(`${server.origin}/v1/me`, { headers: asOperator });
      expect(await me.json()).toMatchObject({ role: 'operator', workspace: 'shop' });
      const refused = await fetch(`${server.origin}/v1/workspaces`, {
        method: 'POST',
        headers: { ...asOperator, 'content-type': 'application/json' },
        body: JSON.stringify({ slug: 'other' }),
      });
      expect(refused.status).toBe(403);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('explains that a separate worker needs a PostgreSQL server', async () => {
    const worker = await runTagwise(['worker'], env);
    expect(worker.code).not.toBe(0);
    expect(worker.stderr).toMatch(/a separate worker needs DATABASE_URL/);
  });
});
