import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Role } from './roles.ts';

/** An API key. Only the SHA-256 of the secret is stored; the secret is shown once. */
export interface ApiKeyTable {
  id: Generated<string>;
  /** `null` only for admin keys that see every workspace. */
  workspace_id: string | null;
  role: Role;
  name: string;
  /** Hex SHA-256 of the full secret. */
  key_hash: string;
  /** The first characters of the secret, so people can tell keys apart. */
  key_prefix: string;
  created_at: ColumnType<Date, never, never>;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export type ApiKeyRow = Selectable<ApiKeyTable>;
export type NewApiKeyRow = Insertable<ApiKeyTable>;
