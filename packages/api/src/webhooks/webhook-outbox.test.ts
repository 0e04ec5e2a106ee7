import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext, writeTransaction, type DomainEvent } from '../audit/change-hooks.ts';
import { ensureCustomers } from '../customers/customer.repository.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import {
  claimDueDeliveries,
  finishAttempt,
  recoverExpiredClaims,
  releaseClaim,
} from './webhook-delivery.repository.ts';
import { webhookOutboxHook } from './webhook-outbox.ts';
import { insertSubscription } from './webhook-subscription.repository.ts';

for (const kind of testDatabaseKinds()) {
  describe(`webhook outbox on ${kind}`, () => {
    let database: TestDatabase;
    let acme: WorkspaceRow;
    let quiet: WorkspaceRow;
    let customerIds: Map<string, number>;

    const record = (workspace: WorkspaceRow, events: DomainEvent[]) =>
      writeTransaction(systemContext(database.db, [webhookOutboxHook]), (_trx, recordChange) =>
        recordChange({
          action: 'test.events',
          resource: 'workspace',
          resourceId: workspace.id,
          workspaceId: workspace.id,
          events,
        }),
      );
    const subscribe = (workspace: WorkspaceRow, types: DomainEvent['type'][], active = true) =>
      insertSubscription(database.db, {
        workspaceId: workspace.id,
        url: 'http://127.0.0.1:9/unused',
        eventTypes: types,
        secret: 'secret',
        active,
        createdBy: null,
      });
    const deliveryCount = async (workspace: WorkspaceRow) =>
      Number(
        (
          await database.db
            .selectFrom('webhook_deliveries')
            .select(sql<number>`count(*)::int`.as('n'))
            .where('workspace_id', '=', workspace.id)
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      database = await createTestDatabase(kind);
      acme = await createWorkspace(systemContext(database.db), { slug: 'acme' });
      quiet = await createWorkspace(systemContext(database.db), { slug: 'quiet' });
      ({ ids: customerIds } = await ensureCustomers(database.db, acme.id, ['c-1', 'c-2']));
      await ensureCustomers(database.db, quiet.id, ['q-1']);
    });
    afterAll(() => database.destroy());

    it('queues nothing for a workspace without subscriptions', async () => {
      await subscribe(acme, ['tag.assigned']);
      await record(quiet, [{ type: 'tag.assigned', customerId: 1, payload: {} }]);
      expect(await deliveryCount(quiet)).toBe(0);
    });

    it('fans 2,500 events out to the active subscriptions of their type, with external ids', async () => {
      await subscribe(acme, ['tag.assigned', 'tag.removed']);
      await subscribe(acme, ['tag.assigned'], false);
      const c1 = Number(customerIds.get('c-1'));
      const c2 = Number(customerIds.get('c-2'));
      const events: DomainEvent[] = Array.from({ length: 2500 }, (_, i) => ({
        type: i % 5 === 0 ? 'tag.removed' : 'tag.assigned',
        customerId: i % 2 === 0 ? c1 : c2,
        payload: { tag: 'vip', n: i },
      }));
      events.push({ type: 'segment.entered', customerId: c1, payload: { segment: 'x' } });
      await record(acme, events);
      // 2,000 assigned × 2 active subscriptions + 500 removed × 1; nobody listens to segments.
      expect(await deliveryCount(acme)).toBe(4500);
      const sample = await database.db
        .selectFrom('webhook_deliveries')
        .select(['event_type', 'customer_id', 'payload', 'status', 'attempts'])
        .where(sql<boolean>`(payload ->> 'n')::int = 7`)
        .execute();
      expect(sample).toHaveLength(2);
      for (const row of sample) {
        expect(row).toMatchObject({ event_type: 'tag.assigned', status: 'pending', attempts: 0 });
        expect(Number(row.customer_id)).toBe(c2);
        expect(row.payload).toEqual({ customerId: 'c-2', tag: 'vip', n: 7 });
      }
    });

    it('rolls the deliveries back with the change', async () => {
      const before = await deliveryCount(acme);
      await expect(
        writeTransaction(systemContext(database.db, [webhookOutboxHook]), async (_trx, rec) => {
          await rec({
            action: 'test.events',
            resource: 'workspace',
            resourceId: acme.id,
            workspaceId: acme.id,
            events: [
              { type: 'tag.assigned', customerId: Number(customerIds.get('c-1')), payload: {} },
            ],
          });
          throw new Error('the change failed');
        }),
      ).rejects.toThrow('the change failed');
      expect(await deliveryCount(acme)).toBe(before);
    });

    it('claims each due delivery once, even for concurrent claimers', async () => {
      const total = await deliveryCount(acme);
      const claimed = new Set<string>();
      for (;;) {
        const batches = await Promise.all([
          claimDueDeliveries(database.db, 700),
          claimDueDeliveries(database.db, 700),
        ]);
        const ids = batches.flat().map((d) => d.id);
        if (ids.length === 0) break;
        for (const id of ids) {
          expect(claimed.has(id)).toBe(false);
          claimed.add(id);
        }
        expect(batches.flat().every((d) => d.status === 'delivering' && d.attempts === 1)).toBe(
          true,
        );
      }
      expect(claimed.size).toBe(total);
    });

    it('honours only the current claim and takes back expired ones', async () => {
      const [held] = await database.db
        .selectFrom('webhook_deliveries')
        .select(['id', 'claim_token'])
        .where('status', '=', 'delivering')
        .limit(1)
        .execute();
      const claim = { id: held!.id, claimToken: held!.claim_token! };
      const stale = { id: held!.id, claimToken: '00000000-0000-4000-8000-000000000000' };
      expect(
        await finishAttempt(database.db, stale, { status: 'delivered', statusCode: 200 }),
      ).toBe(false);
      await releaseClaim(database.db, claim);
      const released = await database.db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('id', '=', claim.id)
        .executeTakeFirstOrThrow();
      expect(released).toMatchObject({ status: 'pending', attempts: 0, claim_token: null });

      const total = await deliveryCount(acme);
      expect(await recoverExpiredClaims(database.db, 0)).toBe(total - 1);
      const [reclaimed] = await claimDueDeliveries(database.db, 1);
      expect(
        await finishAttempt(
          database.db,
          { id: reclaimed!.id, claimToken: reclaimed!.claim_token },
          { status: 'delivered', statusCode: 204 },
        ),
      ).toBe(true);
    });
  });
}
