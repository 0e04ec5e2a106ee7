import type { Role } from '../keys/roles.ts';

/** Who may change the taxonomy: create, edit, merge and roll back tags. */
export const TAG_EDITORS: readonly Role[] = ['admin', 'analyst'];

/** Who may give customers tags and take them away by hand (service keys only read). */
export const TAG_ASSIGNERS: readonly Role[] = ['admin', 'analyst', 'operator'];
