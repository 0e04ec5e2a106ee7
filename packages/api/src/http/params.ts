import { z } from '@hono/zod-openapi';

/** PostgreSQL's largest `integer`: version numbers are stored as one, so none is larger. */
export const MAX_VERSION = 2_147_483_647;

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const workspaceSlugSchema = z
  .string()
  .max(63)
  .regex(SLUG_PATTERN, 'must be lower-case words joined by hyphens, e.g. acme-retail');

/** Path parameters of every workspace resource. */
export const WorkspaceParams = z.object({
  workspace: workspaceSlugSchema.openapi({
    param: { name: 'workspace', in: 'path' },
    example: 'acme-retail',
  }),
});
