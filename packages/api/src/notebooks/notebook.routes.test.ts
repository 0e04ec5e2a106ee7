import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { createReadiness } from '../health/readiness.ts';
import { JobRegistry } from '../jobs/job-registry.ts';
import { createMemoryLogger } from '../logger.ts';
import { createWorkspaceFixture, type WorkspaceFixture } from '../testing/fixtures.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import type { NotebookCell, NotebookView } from './notebook.schema.ts';

const cell = (id: string, type: NotebookCell['type'], inputs: string[] = []): NotebookCell => ({
  id,
  type,
  title: `${type} ${id}`,
  collapsed: false,
  inputs,
  config: {},
  output: null,
  status: 'idle',
  error: null,
});

for (const kind of testDatabaseKinds()) {
  describe(`notebook routes on ${kind}`, () => {
    let database: TestDatabase;
    let acme: WorkspaceFixture;
    let globex: WorkspaceFixture;
    let app: ReturnType<typeof createApp>;

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      acme = await createWorkspaceFixture(database.db, 'acme');
      globex = await createWorkspaceFixture(database.db, 'globex');
      app = createApp({
        db: database.db,
        logger: createMemoryLogger(),
        jobs: new JobRegistry(),
        readiness: createReadiness(),
      });
    });
    afterAll(() => database.destroy());

    const call = (key: string, method: string, path: string, json?: unknown) =>
      app.request(`/v1/workspaces/${path}`, {
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });

    const create = async (title: string, cells: NotebookCell[] = []): Promise<NotebookView> => {
      const res = await call(acme.keys.analyst, 'POST', 'acme/notebooks', { title, cells });
      expect(res.status).toBe(201);
      return (await res.json()) as NotebookView;
    };

    it('creates, reads, renames and replaces cells, bumping the version each time', async () => {
      const created = await create('  Retail segments ', [cell('c1', 'cluster')]);
      expect(created).toMatchObject({
        title: 'Retail segments',
        version: 1,
        updatedBy: 'acme analyst',
      });
      expect(created.cells).toEqual([cell('c1', 'cluster')]);

      const renamed = await call(acme.keys.analyst, 'PATCH', `acme/notebooks/${created.id}`, {
        version: 1,
        title: 'Q3 segments',
      });
      expect(renamed.status).toBe(200);
      expect(await renamed.json()).toMatchObject({ title: 'Q3 segments', version: 2 });

      const cells = [cell('c1', 'cluster'), cell('p1', 'profiles', ['c1'])];
      cells[0]!.output = {
        refs: { runId: 'r-1' },
        basedOn: {},
        producedAt: '2026-01-01T00:00:00Z',
      };
      cells[0]!.status = 'done';
      const saved = await call(acme.keys.admin, 'PATCH', `acme/notebooks/${created.id}`, {
        version: 2,
        cells,
      });
      expect(saved.status).toBe(200);
      const body = (await saved.json()) as NotebookView;
      expect(body.version).toBe(3);
      expect(body.updatedBy).toBe('acme admin');

      const read = await call(acme.keys.operator, 'GET', `acme/notebooks/${created.id}`);
      expect(read.status).toBe(200);
      expect(((await read.json()) as NotebookView).cells).toEqual(cells);
    });

    it('answers 409 naming who changed it when the version is old', async () => {
      const nb = await create('Conflicts');
      expect(
        (
          await call(acme.keys.admin, 'PATCH', `acme/notebooks/${nb.id}`, {
            version: 1,
            title: 'A',
          })
        ).status,
      ).toBe(200);
      const stale = await call(acme.keys.analyst, 'PATCH', `acme/notebooks/${nb.id}`, {
        version: 1,
        title: 'B',
      });
      expect(stale.status).toBe(409);
      const problem = (await stale.json()) as { type: string; detail: string };
      expect(problem.type).toBe('/problems/conflict');
      expect(problem.detail).toMatch(
        /is at version 2 .* by acme admin\); this change was based on version 1/,
      );
      const beyondAnyVersion = await call(acme.keys.analyst, 'PATCH', `acme/notebooks/${nb.id}`, {
        version: 2_147_483_648,
        title: 'C',
      });
      expect(beyondAnyVersion.status).toBe(422);
      expect(((await beyondAnyVersion.json()) as { errors: { path: string }[] }).errors).toEqual([
        { path: 'version', message: expect.stringContaining('2147483647') as unknown },
      ]);
    });

    it('refuses invalid cells with every problem named (422)', async () => {
      const res = await call(acme.keys.analyst, 'POST', 'acme/notebooks', {
        title: 'Bad',
        cells: [cell('a', 'cluster', ['b']), cell('b', 'profiles', ['a'])],
      });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { errors: unknown[] }).errors).toEqual([
        { path: 'cells', message: 'the inputs form a cycle: a → b → a' },
      ]);
      const unknownType = await call(acme.keys.analyst, 'POST', 'acme/notebooks', {
        title: 'Bad',
        cells: [{ ...cell('a', 'data'), type: 'spreadsheet' }],
      });
      expect(unknownType.status).toBe(422);
    });

    it('lists newest first with keyset pages and summaries', async () => {
      // A workspace of its own, so only these three notebooks are listed.
      const ws = await createWorkspaceFixture(database.db, 'pages');
      for (const title of ['one', 'two', 'three']) {
        const res = await call(ws.keys.analyst, 'POST', 'pages/notebooks', {
          title,
          cells: [cell('m', 'markdown'), cell('d', 'data'), cell('m2', 'markdown')],
        });
        expect(res.status).toBe(201);
      }
      const titles: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${cursor}`;
        const res = await call(ws.keys.analyst, 'GET', `pages/notebooks?limit=2${query}`);
        const page = (await res.json()) as {
          items: { title: string; cellCount: number; cellTypes: string[] }[];
          nextCursor: string | null;
        };
        expect(page.items.every((i) => i.cellCount === 3)).toBe(true);
        expect(page.items[0]?.cellTypes).toEqual(['markdown', 'data']);
        titles.push(...page.items.map((i) => i.title));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(titles).toEqual(['three', 'two', 'one']);
      const tampered = await call(ws.keys.analyst, 'GET', 'pages/notebooks?cursor=abc');
      expect(tampered.status).toBe(400);
    });

    it('duplicates with cells and result refs, and deletes', async () => {
      const nb = await create('Original', [cell('c1', 'cluster')]);
      const copy = await call(acme.keys.analyst, 'POST', `acme/notebooks/${nb.id}/duplicate`);
      expect(copy.status).toBe(201);
      const copied = (await copy.json()) as NotebookView;
      expect(copied).toMatchObject({ title: 'Original (copy)', version: 1 });
      expect(copied.id).not.toBe(nb.id);
      expect(copied.cells).toEqual(nb.cells);
      const named = await call(acme.keys.analyst, 'POST', `acme/notebooks/${nb.id}/duplicate`, {
        title: 'Mine',
      });
      expect(((await named.json()) as NotebookView).title).toBe('Mine');

      expect((await call(acme.keys.analyst, 'DELETE', `acme/notebooks/${nb.id}`)).status).toBe(204);
      expect((await call(acme.keys.analyst, 'GET', `acme/notebooks/${nb.id}`)).status).toBe(404);
      expect((await call(acme.keys.analyst, 'DELETE', `acme/notebooks/${nb.id}`)).status).toBe(404);
    });

    it('lets operators change review cells only; service keys get nothing', async () => {
      const nb = await create('Review', [cell('m', 'markdown'), cell('r', 'review')]);
      const reviewChanged = [
        cell('m', 'markdown'),
        { ...cell('r', 'review'), config: { tag: 'vip' } },
      ];
      const ok = await call(acme.keys.operator, 'PATCH', `acme/notebooks/${nb.id}`, {
        version: 1,
        cells: reviewChanged,
      });
      expect(ok.status).toBe(200);
      const denied = await call(acme.keys.operator, 'PATCH', `acme/notebooks/${nb.id}`, {
        version: 2,
        cells: [{ ...cell('m', 'markdown'), title: 'mine' }, cell('r', 'review')],
      });
      expect(denied.status).toBe(403);
      expect(((await denied.json()) as { detail: string }).detail).toBe(
        'operators may change review cells only: cell "m" (markdown) was changed',
      );
      expect(
        (await call(acme.keys.operator, 'POST', 'acme/notebooks', { title: 'x' })).status,
      ).toBe(403);
      expect((await call(acme.keys.service, 'GET', 'acme/notebooks')).status).toBe(403);
    });

    it("hides another workspace's notebooks (404, like missing ones)", async () => {
      const nb = await create('Private');
      expect((await call(globex.keys.admin, 'GET', `acme/notebooks/${nb.id}`)).status).toBe(404);
      expect((await call(globex.keys.admin, 'GET', `globex/notebooks/${nb.id}`)).status).toBe(404);
      const res = await call(globex.keys.admin, 'PATCH', `globex/notebooks/${nb.id}`, {
        version: 1,
        title: 'x',
      });
      expect(res.status).toBe(404);
    });
  });
}
