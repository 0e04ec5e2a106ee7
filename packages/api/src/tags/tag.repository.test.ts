import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
} from '../testing/test-database.ts';
import { createWorkspaceFixture } from '../testing/fixtures.ts';
import { ensureTag, findTagBySlug, InvalidSlugError, updateTag } from './tag.repository.ts';
import { proposeSlug, slugProblem } from './tag-slug.ts';
import { systemAuthor } from './tag-version.repository.ts';

describe('tag slugs', () => {
  it('accept lower-case hyphenated words of 2–48 characters', () => {
    expect(slugProblem('likely-to-churn')).toBeUndefined();
    expect(slugProblem('top-10')).toBeUndefined();
    expect(slugProblem('a')).toMatch(/2–48/);
    expect(slugProblem('x'.repeat(49))).toMatch(/2–48/);
    expect(slugProblem('High-Value')).toMatch(/lower-case/);
    expect(slugProblem('double--hyphen')).toMatch(/single hyphens/);
    expect(slugProblem('-leading')).toMatch(/single hyphens/);
  });

  it('propose a valid slug for any input', () => {
    expect(proposeSlug('High Value  Customers!')).toBe('high-value-customers');
    expect(proposeSlug('Café_Lovers')).toBe('cafe-lovers');
    expect(proposeSlug('a')).toBe('a-tag');
    expect(proposeSlug('***')).toBe('tag');
    const long = proposeSlug('word '.repeat(20));
    expect(long.length).toBeLessThanOrEqual(48);
    expect(slugProblem(long)).toBeUndefined();
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`tag repository on ${kind}`, () => {
    let database: TestDatabase;
    let workspaceId: string;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
      workspaceId = (await createWorkspaceFixture(database.db, 'tags-ws')).workspace.id;
    });
    afterAll(() => database.destroy());

    it('ensureTag creates once and then returns the existing tag unchanged', async () => {
      const spec = {
        slug: 'likely-to-churn',
        displayName: 'Likely to churn',
        kind: 'predictive',
        category: 'lifecycle',
        definition: 'Churn probability above the threshold',
      } as const;
      const [a, b] = await Promise.all([
        ensureTag(database.db, workspaceId, spec),
        ensureTag(database.db, workspaceId, spec),
      ]);
      expect(a.id).toBe(b.id);
      expect(a.status).toBe('active');
      expect(a.auto_accept).toBe(false);
      await updateTag(
        database.db,
        workspaceId,
        a.id,
        { displayName: 'Churn risk' },
        systemAuthor('renamed'),
      );
      const again = await ensureTag(database.db, workspaceId, { ...spec, displayName: 'Other' });
      expect(again.id).toBe(a.id);
      expect(again.display_name).toBe('Churn risk');
      expect((await findTagBySlug(database.db, workspaceId, 'likely-to-churn'))?.kind).toBe(
        'predictive',
      );
    });

    it('ensureTag rejects a slug that breaks the standard', async () => {
      await expect(
        ensureTag(database.db, workspaceId, {
          slug: 'Bad Slug',
          displayName: 'Bad',
          kind: 'rule',
          category: 'value',
          definition: '',
        }),
      ).rejects.toBeInstanceOf(InvalidSlugError);
    });
  });
}
