import type { Db } from '@tagwise/api';
import type { TestServer } from './harness.ts';

/** Inserts customers straight into the database; returns their internal ids by external id. */
export async function insertCustomers(
  db: Db,
  workspaceId: string,
  externalIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await db
    .insertInto('customers')
    .values(
      externalIds.map((external_id) => ({
        workspace_id: workspaceId,
        external_id,
        attributes: '{}',
      })),
    )
    .returning(['id', 'external_id'])
    .execute();
  return new Map(rows.map((r) => [r.external_id, Number(r.id)]));
}

/** Inserts a tag straight into the database; returns its id. */
export async function insertTag(
  db: Db,
  workspaceId: string,
  slug: string,
  fields: {
    category?: 'attribute' | 'behaviour' | 'interest' | 'lifecycle' | 'value';
    kind?: 'fact' | 'rule' | 'model' | 'predictive';
    status?: 'active' | 'deprecated' | 'archived';
  } = {},
): Promise<string> {
  const row = await db
    .insertInto('tags')
    .values({
      workspace_id: workspaceId,
      slug,
      display_name: slug.replace(/-/g, ' '),
      kind: fields.kind ?? 'fact',
      category: fields.category ?? 'value',
      definition: '',
      ...(fields.status === undefined ? {} : { status: fields.status }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** GETs a report over HTTP and returns its JSON body, failing on any status but 200. */
export async function getReport<T>(t: TestServer, path: string, key: string): Promise<T> {
  const res = await t.request(path, { key });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}
