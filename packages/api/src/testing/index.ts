export {
  createTestDatabase,
  testDatabaseKinds,
  type TestDatabase,
  type TestDatabaseKind,
} from './test-database.ts';
export { createWorkspaceFixture, type WorkspaceFixture } from './fixtures.ts';
