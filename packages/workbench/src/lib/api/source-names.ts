import { unwrap, type ApiClient, type components } from './client.ts';

/** Where a suggestion or a holding of a tag came from. */
export type Source = components['schemas']['TagHolder']['source'];

/** Names of source versions by id: `v3` for a churn model, `rfm-segments v2` for a rule table. */
export type SourceNames = ReadonlyMap<string, string>;

/**
 * The names people know the workspace's churn models (the newest 200) and current rule
 * tables by, keyed by the id suggestions and holdings refer to them with. Names are a
 * courtesy: if they cannot be read the map is empty and ids are shown shortened instead.
 */
export async function loadSourceNames(api: ApiClient, workspace: string): Promise<SourceNames> {
  try {
    const [models, tables] = await Promise.all([
      unwrap(
        api.GET('/v1/workspaces/{workspace}/churn/models', {
          params: { path: { workspace }, query: { limit: 200 } },
        }),
      ),
      unwrap(
        api.GET('/v1/workspaces/{workspace}/rule-tables', { params: { path: { workspace } } }),
      ),
    ]);
    return new Map([
      ...models.items.map((model) => [model.id, `v${model.version}`] as const),
      ...tables.items.map((table) => [table.id, `${table.name} v${table.version}`] as const),
    ]);
  } catch {
    return new Map();
  }
}

/**
 * Where a suggestion or holding came from, in words: the kind of source and the version that
 * made it, by name when `names` knows it (`churn model v3`), else by the id's first characters
 * (`clustering run 4f1a2b3c`: runs have no number).
 */
export function describeOrigin(
  source: Source,
  sourceVersion: string | null,
  names: SourceNames = new Map(),
): string {
  const version =
    sourceVersion === null ? '' : ` ${names.get(sourceVersion) ?? sourceVersion.slice(0, 8)}`;
  switch (source) {
    case 'cluster':
      return `clustering run${version}`;
    case 'churn':
      return `churn model${version}`;
    case 'rule':
      return `rule table${version}`;
    default:
      return 'given by hand';
  }
}
