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
    z.object({
      type: z.literal('rule'),
      ruleTable: z.string().min(1).max(100),
      rule: z.string().min(1).max(100).openapi({ description: 'The tag the rule gives' }),
    }),
    z.object({ type: z.literal('cluster'), runId: z.string(), cluster: z.number().int() }),
    z.object({
      type: z.literal('model'),
      modelKind: z.literal('churn'),
      threshold: z.number().min(0).max(1).optional().openapi({
        description:
          'Only customers whose calibrated probability reaches it are suggested (the suggestion policy still applies)',
      }),
    }),
    z.object({ type: z.literal('manual') }),
  ])
  .nullable()
  .openapi('TagSource', {
    description:
      'Where the suggestions of this tag come from: a rule of a rule table (rule tags), a cluster of a run (model tags), the churn model and its threshold (predictive tags), or people (fact tags)',
  });

export const TagDefinitionSchema = z
  .object({
    slug: z.string(),
    displayName: z.string(),
    kind: TagKindSchema,
    category: TagCategorySchema,
    definition: z.string(),
    usageNote: z.string(),
    owner: z
      .string()
      .openapi({ description: 'Who answers for the tag; empty when nobody was named' }),
    status: TagStatusSchema,
    autoAccept: z.boolean().openapi({
      description:
        'Suggestions at or above the policy auto-accept confidence become customer tags without review',
    }),
    source: TagSourceSchema,
  })
  .openapi('TagDefinition', { description: 'Everything a version stores about a tag' });

export const TagSchema = z
  .object({
    id: z.uuid(),
    ...TagDefinitionSchema.shape,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Tag');

export type TagView = z.infer<typeof TagSchema>;

export const TagDetailSchema = TagSchema.extend({
  holders: z.number().int().openapi({ description: 'Customers holding the tag now' }),
  pendingSuggestions: z
    .number()
    .int()
    .openapi({ description: 'Suggestions of the tag waiting for review' }),
  version: z.number().int().openapi({ description: 'The current version of the definition' }),
}).openapi('TagDetail');

export type TagDetailView = z.infer<typeof TagDetailSchema>;

export const NearDuplicateSchema = z
  .object({
    slug: z.string(),
    displayName: z.string(),
    status: TagStatusSchema,
    reason: z.string().openapi({
      example: 'display name differs from "High value" only in case, spacing or punctuation',
    }),
  })
  .openapi('NearDuplicate');

export const CreatedTagSchema = TagDetailSchema.extend({
  warnings: z
    .array(NearDuplicateSchema.extend({ type: z.literal('near-duplicate') }))
    .openapi({ description: 'Existing tags the new one looks like; the tag was created anyway' }),
}).openapi('CreatedTag');

export const TagCheckQuerySchema = z
  .object({
    slug: z.string().max(200).optional(),
    displayName: z.string().max(200).optional(),
  })
  .refine((q) => q.slug !== undefined || q.displayName !== undefined, {
    message: 'give slug, displayName or both',
    path: ['slug'],
  });

export const TagCheckSchema = z
  .object({
    slugProblem: z
      .string()
      .nullable()
      .openapi({ description: 'Why the slug breaks the naming standard; null when it follows it' }),
    proposedSlug: z.string().nullable().openapi({
      description:
        'A slug that follows the standard, from the slug (or the display name when no slug was given); null when the slug is fine',
    }),
    slugTaken: z.boolean(),
    nearDuplicates: z.array(NearDuplicateSchema),
  })
  .openapi('TagCheck');

export type TagCheckView = z.infer<typeof TagCheckSchema>;

/** Why a change was made; stored on the version it creates. */
export const ChangeMessageSchema = z.string().trim().min(1).max(1000).optional().openapi({
  description: 'Why: stored on the version this change creates',
});

export const CreateTagSchema = z
  .object({
    slug: TagSlugInputSchema,
    displayName: z.string().trim().min(1).max(200),
    kind: TagKindSchema.default('fact'),
    category: TagCategorySchema,
    definition: z.string().max(4000).default(''),
    usageNote: z.string().max(4000).optional(),
    owner: z.string().trim().max(200).optional(),
    source: TagSourceSchema.optional(),
    autoAccept: z.boolean().optional(),
  })
  .strict()
  .openapi('CreateTag');

export type CreateTagInput = z.infer<typeof CreateTagSchema>;

export const PatchTagSchema = z
  .object({
    slug: TagSlugInputSchema.optional().openapi({ description: 'Renames the tag' }),
    displayName: z.string().trim().min(1).max(200).optional(),
    category: TagCategorySchema.optional(),
    definition: z.string().max(4000).optional(),
    usageNote: z.string().max(4000).optional(),
    owner: z.string().trim().max(200).optional(),
    status: TagStatusSchema.optional(),
    autoAccept: z.boolean().optional(),
    source: TagSourceSchema.optional(),
    message: ChangeMessageSchema,
  })
  .strict()
  .refine(
    ({ message: _message, ...fields }) => Object.values(fields).some((v) => v !== undefined),
    'give at least one field to change',
  )
  .openapi('PatchTag');

export type PatchTagInput = z.infer<typeof PatchTagSchema>;

export const TagParams = WorkspaceParams.extend({
  tag: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'tag', in: 'path' }, description: 'The tag slug', example: 'new' }),
});

export const MergeTagSchema = z
  .object({
    into: TagSlugInputSchema.openapi({ description: 'The slug of the tag that takes the holders' }),
    message: ChangeMessageSchema,
  })
  .strict()
  .openapi('MergeTag');

export type MergeTagInput = z.infer<typeof MergeTagSchema>;

export const MergeResultSchema = z
  .object({
    tag: TagDetailSchema.openapi({ description: 'The merged tag, now archived' }),
    into: TagDetailSchema,
    moved: z.number().int().openapi({ description: 'Holders who now hold the target instead' }),
    alreadyHeld: z.number().int().openapi({
      description: 'Holders who held the target already (their holding of the target stays)',
    }),
    supersededSuggestions: z
      .number()
      .int()
      .openapi({ description: 'Pending suggestions of the merged tag, taken out of the queue' }),
  })
  .openapi('MergeResult');
