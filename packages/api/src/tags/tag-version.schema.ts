import { z } from '@hono/zod-openapi';
import { MAX_VERSION } from '../http/params.ts';
import { TAG_DEFINITION_FIELDS } from './tag-definition.ts';
import { ChangeMessageSchema, TagDefinitionSchema, TagParams } from './tag.schema.ts';

export const FieldChangeSchema = z
  .object({
    field: z.enum(TAG_DEFINITION_FIELDS),
    from: z.unknown().openapi({ description: 'The value before (null for a new tag)' }),
    to: z.unknown().openapi({ description: 'The value after' }),
  })
  .openapi('TagFieldChange');

export const TagVersionSchema = z
  .object({
    version: z.number().int(),
    createdAt: z.string(),
    actor: z.object({ keyId: z.string(), name: z.string() }).nullable().openapi({
      description: 'The key that made the change; null for the system or a deleted key',
    }),
    message: z.string().nullable(),
    requestId: z.string().nullable(),
    changes: z.array(FieldChangeSchema),
  })
  .openapi('TagVersion');

export type TagVersionView = z.infer<typeof TagVersionSchema>;

export const TagVersionDetailSchema = TagVersionSchema.extend({
  snapshot: TagDefinitionSchema,
}).openapi('TagVersionDetail');

export type TagVersionDetailView = z.infer<typeof TagVersionDetailSchema>;

export const TagVersionParams = TagParams.extend({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_VERSION)
    .openapi({ param: { name: 'version', in: 'path' }, example: 2 }),
});

export const RollbackTagSchema = z
  .object({
    version: z
      .number()
      .int()
      .min(1)
      .max(MAX_VERSION)
      .openapi({ description: 'The version whose definition to restore' }),
    message: ChangeMessageSchema,
  })
  .strict()
  .openapi('RollbackTag');

export type RollbackTagInput = z.infer<typeof RollbackTagSchema>;
