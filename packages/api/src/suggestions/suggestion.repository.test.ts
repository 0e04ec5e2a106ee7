import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../audit/change-hooks.ts';
import { ensureCustomers } from '../customers/customer.repository.ts';
import { ensureTag } from '../tags/tag.repository.ts';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import { hasNewerSuggestion, insertSuggestions } from './suggestion.repository.ts';

for (const kind of testDatabaseKinds()) {
  describe(`suggestion repository on ${kind}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(() => database.destroy());

    it('finds a later suggestion of the same tag and source, and never counts one as its own', async () => {
      const db = database.db;
      const workspace = await createWorkspace(systemContext(db), { slug: 'acme' });
      const customerId = (await ensureCustomers(db, workspace.id, ['c1'])).ids.get('c1')!;
      const tag = await ensureTag(db, workspace.id, {
        slug: 'steady-buyers',
        displayName: 'Steady buyers',
        kind: 'model',
        category: 'behaviour',
        definition: '',
      });
      // Two statements, two transactions: the second suggestion is the later one.
      const suggest = async (sourceVersion: string) =>
        (
          await insertSuggestions(db, [
            {
              workspace_id: workspace.id,
              customer_id: customerId,
              tag_id: tag.id,
              source: 'cluster',
              source_version: sourceVersion,
              confidence: 0.8,
              explanation: JSON.stringify({ factors: [], text: '' }),
            },
          ])
        )[0]!;
      const first = await suggest('run-1');
      expect(await hasNewerSuggestion(db, first)).toBe(false);
      const second = await suggest('run-2');
      expect(await hasNewerSuggestion(db, first)).toBe(true);
      expect(await hasNewerSuggestion(db, second)).toBe(false);
    });
  });
}
