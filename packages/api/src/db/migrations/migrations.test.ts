import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../../testing/test-database.ts';
import {
  MIGRATIONS,
  migrateDown,
  migrateToLatest,
  migrationsAreCurrent,
  migrationStatus,
} from './index.ts';

async function tableNames(database: TestDatabase): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_name NOT LIKE 'kysely_%'
     ORDER BY table_name`.execute(database.db);
  return rows.map((r) => r.table_name);
}

for (const kind of testDatabaseKinds()) {
  describe(`migrations on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind, { migrate: false });
    });
    afterAll(() => database.destroy());

    it('are named by timestamp and action, in order', () => {
      const names = Object.keys(MIGRATIONS);
      expect(names).toEqual([...names].sort());
      for (const name of names) expect(name).toMatch(/^\d{8}T\d{4}-[a-z0-9-]+$/);
    });

    it('apply up, report current, revert down to nothing and apply again', async () => {
      expect(await migrationsAreCurrent(database.db)).toBe(false);
      const { applied } = await migrateToLatest(database.db);
      expect(applied).toEqual(Object.keys(MIGRATIONS));
      // Containment, not equality: each feature's migration adds its own tables.
      expect(await tableNames(database)).toEqual(
        expect.arrayContaining([
          'api_keys',
          'cluster_assignments',
          'cluster_runs',
          'cluster_tags',
          'customer_tags',
          'customers',
          'events',
          'jobs',
          'rule_tables',
          'suggestion_policies',
          'suggestions',
          'tags',
          'workspaces',
        ]),
      );
      expect(await migrationsAreCurrent(database.db)).toBe(true);
      expect((await migrateToLatest(database.db)).applied).toEqual([]);

      for (let i = 0; i < Object.keys(MIGRATIONS).length; i++) await migrateDown(database.db);
      expect(await tableNames(database)).toEqual([]);
      expect((await migrationStatus(database.db)).every((m) => m.executedAt === undefined)).toBe(
        true,
      );

      await migrateToLatest(database.db);
      expect(await migrationsAreCurrent(database.db)).toBe(true);
    });
  });
}
