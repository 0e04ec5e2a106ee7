import { z } from '@hono/zod-openapi';
import { WorkspaceParams } from '../http/params.ts';
import { TAG_CATEGORIES, TAG_KINDS, TAG_STATUSES } from './tag.table.ts';

export const TagKindSchema = z.enum(TAG_KINDS).openapi('TagKind');
export const TagCategorySchema = z.enum(TAG_CATEGORIES).openapi('TagCategory');
export const TagStatusSchema = z.enum(TAG_STATUSES).openapi('TagStatus');

/** Any string here; the naming standard is checked by the service (its 422 proposes a fix). */
export const TagSlugInputSchema = z.string().min(1).max(200).openapi({
  description:
    'Lower-case ASCII words (a-z, 0-9) joined by single hyphens, 2–48 characters, unique in the workspace',
  example: 'high-value-regulars',
});

export const TagSourceSchema = z
  .union([
    z.object({ type: z.literal('rule'), ruleTable: z.string(), rule: z.string() }),
    z.object({ type: z.literal('cluster'), runId: z.string(), cluster: z.number().int() }),
    z.object({
      type: z.literal('model'),
      modelKind: z.string(),
      threshold: z.number().optional(),
    }),
    z.object({ type: z.literal('manual') }),
  ])
  .nullable()
  .openapi('TagSource', { description: 'Where the suggestions of this tag come from' });

export const TagSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    displayName: z.string(),
    kind: TagKindSchema,
    category: TagCategorySchema,
    definition: z.string(),
    usageNote: z.string(),
    status: TagStatusSchema,
    autoAccept: z.boolean().openapi({
      description:
        'Suggestions at or above the policy auto-accept confidence become customer tags without review',
    }),
    source: TagSourceSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Tag');

export type TagView = z.infer<typeof TagSchema>;

export const CreateTagSchema = z
  .object({
    slug: TagSlugInputSchema,
    displayName: z.string().trim().min(1).max(200),
    kind: TagKindSchema.default('fact'),
    category: TagCategorySchema,
    definition: z.string().max(4000).default(''),
    usageNote: z.string().max(4000).optional(),
    autoAccept: z.boolean().optional(),
  })
  .strict()
  .openapi('CreateTag');

export type CreateTagInput = z.infer<typeof CreateTagSchema>;

export const PatchTagSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    category: TagCategorySchema.optional(),
    definition: z.string().max(4000).optional(),
    usageNote: z.string().max(4000).optional(),
    status: TagStatusSchema.optional(),
    autoAccept: z.boolean().optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change')
  .openapi('PatchTag');

export type PatchTagInput = z.infer<typeof PatchTagSchema>;

export const TagParams = WorkspaceParams.extend({
  tag: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'tag', in: 'path' }, description: 'The tag slug', example: 'new' }),
});
