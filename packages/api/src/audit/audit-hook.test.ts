import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertCustomers } from '../customers/customer.repository.ts';
import type { Principal } from '../keys/principal.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { createWorkspaceFixture, type WorkspaceFixture } from '../testing/fixtures.ts';
import { auditChangeHook } from './audit-hook.ts';
import { writeTransaction, type ServiceContext } from './change-hooks.ts';
import { existingCustomerHash, hashWithSalt } from './customer-hash.ts';

const actor: Principal = {
  keyId: '00000000-0000-4000-8000-000000000001',
  role: 'operator',
  workspaceId: null,
  name: 'reviewer',
};

for (const kind of testDatabaseKinds()) {
  describe(`audit change hook on ${kind}`, () => {
    let database: TestDatabase;
    let acme: WorkspaceFixture;
    let globex: WorkspaceFixture;
    let ctx: ServiceContext;
    let customerId: number;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      acme = await createWorkspaceFixture(database.db, 'acme');
      globex = await createWorkspaceFixture(database.db, 'globex');
      ctx = { db: database.db, actor, requestId: 'req-1', changeHooks: [auditChangeHook] };
      await upsertCustomers(database.db, acme.workspace.id, [
        { externalId: 'ann@example.com', attributes: { city: 'Lyon' } },
      ]);
      await upsertCustomers(database.db, globex.workspace.id, [
        { externalId: 'ann@example.com', attributes: {} },
      ]);
      customerId = (
        await database.db
          .selectFrom('customers')
          .select('id')
          .where('workspace_id', '=', acme.workspace.id)
          .executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(() => database.destroy());

    // This test's changes (the fixtures' own writes are audited too, as the system's).
    const rows = () =>
      database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('request_id', '=', 'req-1')
        .orderBy('id')
        .execute();

    it('writes one row per change with actor and request id, events counted not copied', async () => {
      // The one customer its events concern is named by hash; the events themselves are not kept.
      await writeTransaction(ctx, async (_trx, record) => {
        await record({
          action: 'tag.created',
          resource: 'tag',
          resourceId: 't-1',
          workspaceId: acme.workspace.id,
          data: { slug: 'vip' },
          events: [
            { type: 'tag.assigned', customerId, payload: { externalId: 'ann@example.com' } },
          ],
        });
      });
      const [row] = await rows();
      const hash = await existingCustomerHash(database.db, acme.workspace.id, 'ann@example.com');
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row).toMatchObject({
        workspace_id: acme.workspace.id,
        actor_key_id: actor.keyId,
        actor_name: 'reviewer',
        actor_role: 'operator',
        action: 'tag.created',
        resource: 'tag',
        resource_id: 't-1',
        customer_hash: hash,
        data: { slug: 'vip', customer: hash, domainEvents: 1 },
        request_id: 'req-1',
      });
    });

    it('hashes customer ids and external ids with the workspace salt and drops attributes', async () => {
      await writeTransaction(ctx, async (_trx, record) => {
        await record({
          action: 'suggestion.accepted',
          resource: 'suggestion',
          resourceId: 's-1',
          workspaceId: acme.workspace.id,
          data: {
            customerId,
            tagId: 'tag-9',
            reason: 'ann@example.com asked by phone',
            nested: [{ externalId: 'ann@example.com' }],
          },
        });
        await record({
          action: 'customer.changed',
          resource: 'customer',
          resourceId: 'ann@example.com',
          workspaceId: globex.workspace.id,
          data: { attributes: { city: 'Lyon' }, fields: 1 },
        });
      });
      const [, accepted, changed] = await rows();
      const acmeHash = await existingCustomerHash(
        database.db,
        acme.workspace.id,
        'ann@example.com',
      );
      const globexHash = await existingCustomerHash(
        database.db,
        globex.workspace.id,
        'ann@example.com',
      );
      expect(acmeHash).toMatch(/^[0-9a-f]{64}$/);
      // Each workspace has its own salt: the same id hashes differently.
      expect(globexHash).not.toBe(acmeHash);
      expect(accepted).toMatchObject({
        customer_hash: acmeHash,
        data: {
          customer: acmeHash,
          tagId: 'tag-9',
          reason: `${acmeHash} asked by phone`,
          nested: [{ customer: acmeHash }],
        },
      });
      expect(changed).toMatchObject({
        resource_id: globexHash,
        customer_hash: globexHash,
        data: { fields: 1 },
      });
      const text = JSON.stringify(await rows());
      expect(text).not.toContain('ann@example.com');
      expect(text).not.toContain('Lyon');
    });

    it('keeps the salt once made: hashes are stable', async () => {
      const { salt } = await database.db
        .selectFrom('audit_salts')
        .select('salt')
        .where('workspace_id', '=', acme.workspace.id)
        .executeTakeFirstOrThrow();
      expect(await existingCustomerHash(database.db, acme.workspace.id, 'x')).toBe(
        hashWithSalt(salt, 'x'),
      );
    });

    it('rolls back with the write: a failed transaction leaves no audit row', async () => {
      const before = (await rows()).length;
      await expect(
        writeTransaction(ctx, async (_trx, record) => {
          await record({
            action: 'tag.created',
            resource: 'tag',
            resourceId: 't-2',
            workspaceId: acme.workspace.id,
          });
          throw new Error('the write fails after recording');
        }),
      ).rejects.toThrow('the write fails after recording');
      expect(await rows()).toHaveLength(before);
    });

    it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      await expect(
        sql`UPDATE audit_log SET action = 'forged'`.execute(database.db),
      ).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
      expect((await rows()).every((r) => r.action !== 'forged')).toBe(true);
    });
  });
}
