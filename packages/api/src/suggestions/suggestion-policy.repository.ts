import { sql } from 'kysely';
import { DEFAULT_SUGGESTION_POLICY, type SuggestionPolicy } from '@tagwise/engine';
import type { Db } from '../db/database.ts';

export interface StoredPolicy extends SuggestionPolicy {
  /** false while the workspace uses the engine's defaults. */
  readonly customised: boolean;
  readonly updatedAt: Date | null;
  readonly updatedBy: string | null;
}

/** The workspace's suggestion policy, or the engine's defaults when none was set. */
export async function findSuggestionPolicy(db: Db, workspaceId: string): Promise<StoredPolicy> {
  const row = await db
    .selectFrom('suggestion_policies')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (row === undefined) {
    return { ...DEFAULT_SUGGESTION_POLICY, customised: false, updatedAt: null, updatedBy: null };
  }
  return {
    reviewFrom: row.review_from,
    autoAcceptFrom: row.auto_accept_from,
    customised: true,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function saveSuggestionPolicy(
  db: Db,
  workspaceId: string,
  policy: SuggestionPolicy,
  updatedBy: string | null,
): Promise<void> {
  await db
    .insertInto('suggestion_policies')
    .values({
      workspace_id: workspaceId,
      review_from: policy.reviewFrom,
      auto_accept_from: policy.autoAcceptFrom,
      updated_by: updatedBy,
    })
    .onConflict((oc) =>
      oc.column('workspace_id').doUpdateSet({
        review_from: policy.reviewFrom,
        auto_accept_from: policy.autoAcceptFrom,
        updated_by: updatedBy,
        updated_at: sql<Date>`now()`,
      }),
    )
    .execute();
}
