import type { Role } from './roles.ts';

/** Who is calling: the API key behind a request. */
export interface Principal {
  readonly keyId: string;
  readonly role: Role;
  /** `null` = an admin key that sees every workspace. */
  readonly workspaceId: string | null;
  readonly name: string;
}

/** True when the key may see resources of `workspaceId`. */
export function canSeeWorkspace(principal: Principal, workspaceId: string): boolean {
  return principal.workspaceId === null || principal.workspaceId === workspaceId;
}
