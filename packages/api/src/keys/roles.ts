/**
 * What a key may do:
 * - `admin`: everything, including workspaces and keys;
 * - `analyst`: ingest, runs, training, naming clusters;
 * - `operator`: review suggestions;
 * - `service`: read tags, suggestions and churn; write events.
 */
export const ROLES = ['admin', 'analyst', 'operator', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** Any authenticated key. */
export const ALL_ROLES: readonly Role[] = ROLES;
