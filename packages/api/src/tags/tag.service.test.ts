import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeRecord, ServiceContext } from '../audit/change-hooks.ts';
import { ProblemError } from '../http/problem.ts';
import { createWorkspaceFixture } from '../testing/fixtures.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { createTag, patchTag } from './tag.service.ts';

for (const kind of testDatabaseKinds()) {
  describe(`tag service on ${kind}`, () => {
    let database: TestDatabase;
    let workspace: WorkspaceRow;
    const changes: ChangeRecord[] = [];
    let ctx: ServiceContext;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      workspace = (await createWorkspaceFixture(database.db, 'tag-service')).workspace;
      const key = await database.db
        .selectFrom('api_keys')
        .select(['id', 'name'])
        .where('workspace_id', '=', workspace.id)
        .where('role', '=', 'admin')
        .executeTakeFirstOrThrow();
      ctx = {
        db: database.db,
        actor: { keyId: key.id, role: 'admin', workspaceId: workspace.id, name: key.name },
        requestId: 'r1',
        changeHooks: [
          async (_trx, change) => {
            changes.push(change);
          },
        ],
      };
    });
    afterAll(() => database.destroy());

    it('records the auto-accept switch as its own audited change with before and after', async () => {
      await createTag(ctx, workspace, {
        slug: 'vip',
        displayName: 'VIP',
        kind: 'fact',
        category: 'value',
        definition: 'Hand-picked',
      });
      changes.length = 0;
      const row = await patchTag(ctx, workspace, 'vip', {
        autoAccept: true,
        definition: 'Picked',
        message: 'fewer clicks',
      });
      expect(row.auto_accept).toBe(true);
      expect(changes.map((c) => c.action)).toEqual(['tag.updated', 'tag.auto-accept-enabled']);
      expect(changes[0]!.data).toEqual({
        slug: 'vip',
        version: 2,
        message: 'fewer clicks',
        changed: {
          autoAccept: { from: false, to: true },
          definition: { from: 'Hand-picked', to: 'Picked' },
        },
      });
      expect(changes[1]).toMatchObject({ actor: { keyId: ctx.actor!.keyId }, requestId: 'r1' });
    });

    it('refuses a taken slug with 409 and a bad one with a 422 proposing a fix', async () => {
      const input = {
        slug: 'vip',
        displayName: 'VIP',
        kind: 'fact',
        category: 'value',
        definition: '',
      } as const;
      await expect(createTag(ctx, workspace, input)).rejects.toMatchObject({ status: 409 });
      const error = (await createTag(ctx, workspace, { ...input, slug: 'VIP__Gold' }).catch(
        (e: unknown) => e,
      )) as ProblemError;
      expect(error).toBeInstanceOf(ProblemError);
      expect(error.status).toBe(422);
      expect(error.errors[0]).toMatchObject({
        path: 'slug',
        message: expect.stringContaining('"vip-gold"'),
      });
    });
  });
}
