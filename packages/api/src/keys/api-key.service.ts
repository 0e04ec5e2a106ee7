import { hash, randomBytes } from 'node:crypto';
import { writeTransaction, type ServiceContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import type { TtlCache } from '../http/ttl-cache.ts';
import { ProblemError } from '../http/problem.ts';
import { findWorkspaceBySlug } from '../workspaces/workspace.repository.ts';
import {
  findActiveKeyByHash,
  findApiKeyById,
  insertApiKey,
  insertApiKeyIfAbsent,
  listApiKeys,
  revokeApiKey,
  touchApiKey,
} from './api-key.repository.ts';
import type { ApiKeyRow } from './api-key.table.ts';
import type { Principal } from './principal.ts';
import type { Role } from './roles.ts';

const SECRET_PREFIX = 'tw_';
const PREFIX_LENGTH = 10;

/** A fresh secret: `tw_` + 32 random bytes (256 bits) in base64url. */
export function generateKeySecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of a secret. A plain hash suffices: the secrets are high-entropy, not passwords. */
export function hashKeySecret(secret: string): string {
  return hash('sha256', secret);
}

/** The public view of a key (never the secret or its hash). */
export interface ApiKeyView {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly workspace: string | null;
  readonly prefix: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

export function toApiKeyView(row: ApiKeyRow, workspaceSlug: string | null): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    workspace: workspaceSlug,
    prefix: row.key_prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

/**
 * Resolves a Bearer secret to the caller, or `undefined` for unknown/revoked keys. With a
 * `cache`, a key seen in the last few seconds is not looked up again (the cache is cleared
 * when this process revokes a key).
 */
export async function authenticateKey(
  db: Db,
  secret: string,
  cache?: TtlCache<Principal>,
): Promise<Principal | undefined> {
  const hash = hashKeySecret(secret);
  const load = () => loadPrincipal(db, hash);
  return cache === undefined ? load() : cache.getOrLoad(hash, load);
}

/** The caller a key's hash belongs to, noting the key's use (at most once a minute). */
async function loadPrincipal(db: Db, hash: string): Promise<Principal | undefined> {
  const row = await findActiveKeyByHash(db, hash);
  if (row === undefined) return undefined;
  if (row.last_used_at === null || Date.now() - row.last_used_at.getTime() > 60_000) {
    await touchApiKey(db, row.id);
  }
  return { keyId: row.id, role: row.role, workspaceId: row.workspace_id, name: row.name };
}

export interface IssueKeyInput {
  readonly role: Role;
  /** Workspace slug; omitted = all workspaces (admin only). */
  readonly workspace?: string | undefined;
  readonly name?: string | undefined;
}

export interface IssuedKey {
  readonly key: ApiKeyView;
  /** Shown once; only its hash is stored. */
  readonly secret: string;
}

/**
 * Creates a key. The issuer (`ctx.actor`, `null` for the CLI) must be an admin; an admin scoped to one workspace
 * may only issue keys for that workspace.
 *
 * @example
 * const { secret } = await issueKey(systemContext(db), { role: 'analyst', workspace: 'acme' });
 */
export async function issueKey(ctx: ServiceContext, input: IssueKeyInput): Promise<IssuedKey> {
  const { db } = ctx;
  const issuer = ctx.actor ?? undefined;
  let workspaceId: string | null = null;
  if (input.workspace !== undefined) {
    const workspace = await findWorkspaceBySlug(db, input.workspace);
    if (
      workspace === undefined ||
      (issuer !== undefined && issuer.workspaceId !== null && issuer.workspaceId !== workspace.id)
    ) {
      throw new ProblemError('validation-failed', `workspace "${input.workspace}" does not exist`, [
        { path: 'workspace', message: 'unknown workspace' },
      ]);
    }
    workspaceId = workspace.id;
  } else {
    if (input.role !== 'admin') {
      throw ProblemError.validation('only admin keys may span every workspace', [
        { path: 'workspace', message: `required for role "${input.role}"` },
      ]);
    }
    if (issuer !== undefined && issuer.workspaceId !== null) {
      throw ProblemError.forbidden('a workspace admin may not create all-workspace keys');
    }
  }
  const secret = generateKeySecret();
  const row = await writeTransaction(ctx, async (trx, record) => {
    const inserted = await insertApiKey(trx, {
      role: input.role,
      workspace_id: workspaceId,
      name: input.name ?? `${input.role} key`,
      key_hash: hashKeySecret(secret),
      key_prefix: secret.slice(0, PREFIX_LENGTH),
    });
    await record({
      action: 'api-key.created',
      resource: 'api-key',
      resourceId: inserted.id,
      workspaceId,
      data: { role: inserted.role, name: inserted.name },
    });
    return inserted;
  });
  return { key: toApiKeyView(row, input.workspace ?? null), secret };
}

/** Makes sure an all-workspace admin key with this exact secret exists (idempotent). */
export async function ensureBootstrapKey(db: Db, secret: string): Promise<void> {
  await insertApiKeyIfAbsent(db, {
    role: 'admin',
    workspace_id: null,
    name: 'bootstrap admin (TAGWISE_BOOTSTRAP_KEY)',
    key_hash: hashKeySecret(secret),
    key_prefix: secret.slice(0, PREFIX_LENGTH),
  });
}

async function slugOf(db: Db, workspaceId: string | null): Promise<string | null> {
  if (workspaceId === null) return null;
  const row = await db
    .selectFrom('workspaces')
    .select('slug')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return row?.slug ?? null;
}

/** Keys visible to an admin: all of them for a global admin, else its workspace's. */
export async function listKeysFor(
  db: Db,
  viewer: Principal,
  page: { afterId?: string | undefined; limit: number },
): Promise<{ rows: ApiKeyRow[]; slugs: Map<string, string> }> {
  const rows = await listApiKeys(db, {
    workspaceId: viewer.workspaceId ?? undefined,
    afterId: page.afterId,
    limit: page.limit,
  });
  const ids = [
    ...new Set(rows.map((r) => r.workspace_id).filter((id): id is string => id !== null)),
  ];
  const slugs = new Map<string, string>();
  if (ids.length > 0) {
    const workspaces = await db
      .selectFrom('workspaces')
      .select(['id', 'slug'])
      .where('id', 'in', ids)
      .execute();
    for (const w of workspaces) slugs.set(w.id, w.slug);
  }
  return { rows, slugs };
}

/** Revokes a key the viewer may see; revoking twice is harmless. */
export async function revokeKeyFor(
  ctx: ServiceContext,
  viewer: Principal,
  id: string,
): Promise<ApiKeyView> {
  const existing = await findApiKeyById(ctx.db, id);
  if (
    existing === undefined ||
    (viewer.workspaceId !== null && existing.workspace_id !== viewer.workspaceId)
  ) {
    throw ProblemError.notFound(`key ${id}`);
  }
  const row = await writeTransaction(ctx, async (trx, record) => {
    const revoked = await revokeApiKey(trx, id);
    if (revoked === undefined) throw ProblemError.notFound(`key ${id}`);
    await record({
      action: 'api-key.revoked',
      resource: 'api-key',
      resourceId: id,
      workspaceId: revoked.workspace_id,
    });
    return revoked;
  });
  return toApiKeyView(row, await slugOf(ctx.db, row.workspace_id));
}
