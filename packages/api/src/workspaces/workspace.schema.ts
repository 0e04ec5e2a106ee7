import { z } from '@hono/zod-openapi';
import { workspaceSlugSchema } from '../http/params.ts';

export const WorkspaceSchema = z
  .object({
    slug: z.string().openapi({ example: 'acme-retail' }),
    name: z.string(),
    createdAt: z.string(),
  })
  .openapi('Workspace');

export const CreateWorkspaceSchema = z
  .object({
    slug: workspaceSlugSchema.openapi({ example: 'acme-retail' }),
    name: z.string().min(1).max(200).optional(),
  })
  .openapi('CreateWorkspace');
