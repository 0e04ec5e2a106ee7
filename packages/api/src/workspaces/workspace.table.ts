import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A tenant: every customer, event, job and later tag belongs to exactly one workspace. */
export interface WorkspaceTable {
  id: Generated<string>;
  /** URL name, e.g. `acme-retail`: lower-case, hyphen-separated, unique. */
  slug: string;
  name: string;
  created_at: ColumnType<Date, never, never>;
}

export type WorkspaceRow = Selectable<WorkspaceTable>;
export type NewWorkspaceRow = Insertable<WorkspaceTable>;
