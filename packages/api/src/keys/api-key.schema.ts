import { z } from '@hono/zod-openapi';
import { workspaceSlugSchema } from '../http/params.ts';
import { ROLES } from './roles.ts';

export const RoleSchema = z.enum(ROLES).openapi('Role', {
  description:
    'admin: everything; analyst: ingest, runs, training, naming; operator: review; service: read tags, suggestions and churn, write events',
});

export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: RoleSchema,
    workspace: z.string().nullable().openapi({ description: 'null = every workspace (admin)' }),
    prefix: z.string().openapi({ description: 'The first characters of the secret' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiKey');

export const CreateApiKeySchema = z
  .object({
    role: RoleSchema,
    workspace: workspaceSlugSchema
      .optional()
      .openapi({ description: 'Workspace slug; omit for an all-workspace admin key' }),
    name: z.string().min(1).max(200).optional(),
  })
  .openapi('CreateApiKey');

export const IssuedApiKeySchema = z
  .object({
    key: ApiKeySchema,
    secret: z.string().openapi({
      description: 'The key itself: shown only in this response, store it now',
    }),
  })
  .openapi('IssuedApiKey');

export const WhoAmISchema = z
  .object({
    keyId: z.uuid(),
    name: z.string(),
    role: RoleSchema,
    workspace: z.string().nullable(),
  })
  .openapi('WhoAmI');
