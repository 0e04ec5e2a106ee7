import { writeTransaction, type RecordChange, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { decodeCursor, toPage, type Page } from '../http/cursor.ts';
import { ProblemError } from '../http/problem.ts';
import type { JsonObject } from '../jobs/job.table.ts';
import { isRuleTableName, RULE_TABLE_NAMES } from '../rules/default-rule-tables.ts';
import { countPendingByTag } from '../suggestions/suggestion.repository.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { countHolders } from './customer-tag.repository.ts';
import { definitionOf } from './tag-definition.ts';
import { findNearDuplicates } from './tag-near-duplicates.ts';
import { proposeSlug, slugProblem } from './tag-slug.ts';
import { currentVersions, systemAuthor, type VersionAuthor } from './tag-version.repository.ts';
import {
  findTagBySlug,
  findTagFormerlyNamed,
  insertTag,
  listTags,
  updateTag,
  type TagFilter,
  type TagChange,
  type TagChanges,
  type TagSpec,
} from './tag.repository.ts';
import type {
  CreateTagInput,
  PatchTagInput,
  TagCheckView,
  TagDetailView,
  TagView,
} from './tag.schema.ts';
import type { TagKind, TagRow, TagSource } from './tag.table.ts';

/** A tag row as the API shows it (without holders and version; see `toTagDetails`). */
export function toTagView(row: TagRow): TagView {
  return {
    id: row.id,
    ...definitionOf(row),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/**
 * The views of tags with how many customers hold each now, how many of its suggestions wait
 * for review, and their current version.
 */
export async function toTagDetails(db: Db, rows: readonly TagRow[]): Promise<TagDetailView[]> {
  const ids = rows.map((r) => r.id);
  const [holders, pending, versions] = await Promise.all([
    countHolders(db, ids),
    countPendingByTag(db, ids),
    currentVersions(db, ids),
  ]);
  return rows.map((row) => ({
    ...toTagView(row),
    holders: holders.get(row.id) ?? 0,
    pendingSuggestions: pending.get(row.id) ?? 0,
    version: versions.get(row.id) ?? 0,
  }));
}

/** The view of one tag (see `toTagDetails`). */
export async function toTagDetail(db: Db, row: TagRow): Promise<TagDetailView> {
  return (await toTagDetails(db, [row]))[0]!;
}

/** The author of a change made through a request: its key, request id and message. */
export function authorOf(ctx: ServiceContext, message?: string | undefined): VersionAuthor {
  return { keyId: ctx.actor?.keyId ?? null, requestId: ctx.requestId, message: message ?? null };
}

/**
 * Checks a slug against the naming standard; the 422 names the field and proposes a slug
 * that follows it.
 */
export function checkSlug(slug: string, path = 'slug'): void {
  const problem = slugProblem(slug);
  if (problem === undefined) return;
  const proposal = proposeSlug(slug);
  throw ProblemError.validation(`tag slug "${slug}" breaks the naming standard`, [
    { path, message: `${problem}; try "${proposal}"` },
  ]);
}

/** The source type each kind of tag takes. */
const SOURCE_TYPE_OF_KIND: Record<TagKind, NonNullable<TagSource>['type']> = {
  fact: 'manual',
  rule: 'rule',
  model: 'cluster',
  predictive: 'model',
};

/**
 * Checks that a source given by a person fits the tag's kind: a rule of a known rule table
 * for rule tags, the churn model for predictive tags, `manual` for facts. Model tags get
 * their cluster by naming one, never by hand.
 */
function checkSource(kind: TagKind, source: TagSource | null | undefined): void {
  if (source == null) return;
  if (kind === 'model') {
    throw ProblemError.validation('the source of a model tag is the cluster it names', [
      {
        path: 'source',
        message:
          'name a cluster with POST /v1/workspaces/{workspace}/cluster-runs/{run}/clusters/{cluster}/tag',
      },
    ]);
  }
  const expected = SOURCE_TYPE_OF_KIND[kind];
  if (source.type !== expected) {
    throw ProblemError.validation(`a ${kind} tag takes a "${expected}" source`, [
      { path: 'source.type', message: `must be "${expected}" for a ${kind} tag` },
    ]);
  }
  if (source.type === 'rule' && !isRuleTableName(source.ruleTable)) {
    throw ProblemError.validation(`unknown rule table "${source.ruleTable}"`, [
      { path: 'source.ruleTable', message: `must be one of ${RULE_TABLE_NAMES.join(', ')}` },
    ]);
  }
}

/** True for PostgreSQL's unique_violation (both drivers expose the SQLSTATE as `code`). */
const isUniqueViolation = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/** A 409 for a slug another tag of the workspace has. */
const slugTaken = (slug: string) =>
  ProblemError.conflict(`tag "${slug}" already exists in this workspace`);

/**
 * Creates a tag (with its version 1) inside a write transaction; used by tag creation and
 * cluster naming.
 * @throws ProblemError 422 for a bad slug, 409 when the slug is taken
 */
export async function createTagIn(
  trx: Db,
  workspace: WorkspaceRow,
  spec: TagSpec,
  author: VersionAuthor = systemAuthor(),
): Promise<TagRow> {
  checkSlug(spec.slug);
  const row = await insertTag(trx, workspace.id, spec, author);
  if (row === undefined) throw slugTaken(spec.slug);
  return row;
}

/** A new tag and the existing tags it nearly duplicates (it was created anyway). */
export interface CreatedTag {
  readonly row: TagRow;
  readonly warnings: ReturnType<typeof nearDuplicateWarnings>;
}

const nearDuplicateWarnings = (
  found: Awaited<ReturnType<typeof findNearDuplicates>>['nearDuplicates'],
) => found.map((d) => ({ type: 'near-duplicate' as const, ...d }));

/**
 * Creates a tag from the API. A slug or display name that nearly duplicates an existing
 * tag does not stop it; the answer warns about each look-alike.
 */
export async function createTag(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  input: CreateTagInput,
): Promise<CreatedTag> {
  checkSource(input.kind, input.source);
  return writeTransaction(ctx, async (trx, record) => {
    const row = await createTagIn(
      trx,
      workspace,
      {
        slug: input.slug,
        displayName: input.displayName,
        kind: input.kind,
        category: input.category,
        definition: input.definition,
        usageNote: input.usageNote,
        owner: input.owner,
        source: input.source ?? (input.kind === 'fact' ? { type: 'manual' } : null),
        autoAccept: input.autoAccept,
      },
      authorOf(ctx),
    );
    const { nearDuplicates } = await findNearDuplicates(trx, workspace.id, input, {
      excludeId: row.id,
    });
    await record({
      action: 'tag.created',
      resource: 'tag',
      resourceId: row.id,
      workspaceId: workspace.id,
      data: {
        slug: row.slug,
        kind: row.kind,
        autoAccept: row.auto_accept,
        nearDuplicates: nearDuplicates.map((d) => d.slug),
      },
    });
    return { row, warnings: nearDuplicateWarnings(nearDuplicates) };
  });
}

/**
 * Checks a slug and display name while someone types them: what is wrong with the slug and
 * a slug that would do, whether it is taken, and the look-alikes a create would warn about.
 */
export async function checkTagName(
  db: Db,
  workspace: WorkspaceRow,
  name: { slug?: string | undefined; displayName?: string | undefined },
): Promise<TagCheckView> {
  const problem = name.slug === undefined ? undefined : slugProblem(name.slug);
  const found = await findNearDuplicates(db, workspace.id, name);
  const proposedFrom = name.slug ?? name.displayName ?? '';
  return {
    slugProblem: problem ?? null,
    proposedSlug:
      name.slug !== undefined && problem === undefined ? null : proposeSlug(proposedFrom),
    slugTaken: found.slugTaken,
    nearDuplicates: found.nearDuplicates,
  };
}

/**
 * The workspace's tag with this slug, or the slug it has now if a tag was renamed from it.
 * @throws ProblemError 404 when neither
 */
export async function lookUpTag(
  db: Db,
  workspace: WorkspaceRow,
  slug: string,
): Promise<{ tag: TagRow } | { renamedTo: string }> {
  const tag = await findTagBySlug(db, workspace.id, slug);
  if (tag !== undefined) return { tag };
  const renamed = await findTagFormerlyNamed(db, workspace.id, slug);
  if (renamed !== undefined) return { renamedTo: renamed.slug };
  throw ProblemError.notFound(`tag "${slug}"`);
}

/**
 * The workspace's tag with this slug. @throws ProblemError 404 when there is none, naming the
 * slug the tag has now when it was renamed
 */
export async function getTag(db: Db, workspace: WorkspaceRow, slug: string): Promise<TagRow> {
  const found = await lookUpTag(db, workspace, slug);
  if ('tag' in found) return found.tag;
  throw ProblemError.notFound(`tag "${slug}" (renamed to "${found.renamedTo}")`);
}

/**
 * Applies a change of definition by a person (PATCH, rollback, merge) and records it:
 * `tag.updated` (or `recordAs.action`, with `recordAs.data` added) with the version and each changed field's before and after,
 * plus `tag.auto-accept-enabled|disabled` when the switch flipped, so the audit log can list
 * who let suggestions through without review. A rename to a taken slug is a 409; changes
 * equal to the current definition write no version and record nothing.
 */
export async function changeTagDefinition(
  trx: Db,
  record: RecordChange,
  workspace: WorkspaceRow,
  tag: TagRow,
  changes: TagChanges,
  author: VersionAuthor,
  recordAs: { readonly action: string; readonly data?: JsonObject } = { action: 'tag.updated' },
): Promise<TagChange> {
  if (changes.slug !== undefined && changes.slug !== tag.slug) {
    checkSlug(changes.slug);
    if ((await findTagBySlug(trx, workspace.id, changes.slug)) !== undefined) {
      throw slugTaken(changes.slug);
    }
  }
  const change = await updateTag(trx, workspace.id, tag.id, changes, author).catch(
    (error: unknown) => {
      // Another tag took the slug between the check above and the update.
      if (changes.slug !== undefined && isUniqueViolation(error)) throw slugTaken(changes.slug);
      throw error;
    },
  );
  if (change === undefined) throw ProblemError.notFound(`tag "${tag.slug}"`);
  if (change.version === undefined) return change;
  const changed: JsonObject = {};
  for (const { field, from, to } of change.version.changes) changed[field] = { from, to };
  await record({
    action: recordAs.action,
    resource: 'tag',
    resourceId: tag.id,
    workspaceId: workspace.id,
    data: {
      ...recordAs.data,
      slug: change.after.slug,
      version: change.version.version,
      changed,
      ...(author.message === null ? {} : { message: author.message }),
    },
  });
  if (change.before.auto_accept !== change.after.auto_accept) {
    await record({
      action: change.after.auto_accept ? 'tag.auto-accept-enabled' : 'tag.auto-accept-disabled',
      resource: 'tag',
      resourceId: tag.id,
      workspaceId: workspace.id,
      data: { slug: change.after.slug, version: change.version.version },
    });
  }
  return change;
}

/**
 * Changes a tag's name (slug included), description, owner, status, source or auto-accept
 * switch, as a new version carrying the optional message. Deprecating (status
 * `deprecated`) stops new suggestions; holders keep the tag.
 */
export async function patchTag(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  slug: string,
  patch: PatchTagInput,
): Promise<TagRow> {
  const { message, ...changes } = patch;
  return writeTransaction(ctx, async (trx, record) => {
    const tag = await getTag(trx, workspace, slug);
    checkSource(tag.kind, changes.source);
    const change = await changeTagDefinition(
      trx,
      record,
      workspace,
      tag,
      changes,
      authorOf(ctx, message),
    );
    return change.after;
  });
}

/** One page of a workspace's tags in slug order, with holders and versions. */
export async function listTagDetails(
  db: Db,
  workspace: WorkspaceRow,
  query: TagFilter & { cursor?: string | undefined; limit: number },
): Promise<Page<TagDetailView>> {
  const { cursor, limit, ...filter } = query;
  const rows = await listTags(db, workspace.id, {
    ...filter,
    afterSlug: decodeCursor(cursor),
    limit: limit + 1,
  });
  const page = toPage(
    rows,
    limit,
    (r) => r.slug,
    (r) => r,
  );
  return { items: await toTagDetails(db, page.items), nextCursor: page.nextCursor };
}
