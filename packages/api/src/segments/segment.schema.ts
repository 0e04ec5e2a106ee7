import { z } from '@hono/zod-openapi';
import { WorkspaceParams } from '../http/params.ts';
import { TagSlugInputSchema } from '../tags/tag.schema.ts';
import { SegmentExpressionSchema } from './segment-expression.ts';
import { SEGMENT_CHANGES } from './segment.table.ts';

export const SegmentSnapshotSchema = z
  .object({
    id: z.uuid(),
    takenAt: z.string(),
    size: z.number().int(),
    entered: z.number().int().openapi({ description: 'Members not in the previous snapshot' }),
    left: z.number().int().openapi({ description: 'Members of the previous snapshot now out' }),
  })
  .openapi('SegmentSnapshot');

export type SegmentSnapshotView = z.infer<typeof SegmentSnapshotSchema>;

export const SegmentSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    expression: SegmentExpressionSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    // A union, not `.nullable()`: that would make the shared SegmentSnapshot component itself nullable.
    lastSnapshot: z.union([SegmentSnapshotSchema, z.null()]),
  })
  .openapi('Segment');

export type SegmentView = z.infer<typeof SegmentSchema>;

export const MemberSchema = z
  .object({
    externalId: z.string(),
    churnProbability: z
      .number()
      .nullable()
      .openapi({ description: 'From the current churn scoring; null when not scored' }),
    riskBand: z.string().nullable(),
    tags: z.array(z.string()).openapi({ description: 'Slugs of the tags held now' }),
  })
  .openapi('SegmentMember');

export type MemberView = z.infer<typeof MemberSchema>;

export const PreviewSegmentSchema = z
  .object({ expression: SegmentExpressionSchema })
  .strict()
  .openapi('PreviewSegment');

export const SegmentPreviewSchema = z
  .object({
    count: z.number().int(),
    sample: z.array(MemberSchema).openapi({ description: 'Up to 20 members, by internal id' }),
  })
  .openapi('SegmentPreview');

export const CreateSegmentSchema = z
  .object({
    slug: TagSlugInputSchema,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(4000).default(''),
    expression: SegmentExpressionSchema,
  })
  .strict()
  .openapi('CreateSegment');

export type CreateSegmentInput = z.infer<typeof CreateSegmentSchema>;

export const PatchSegmentSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(4000).optional(),
    expression: SegmentExpressionSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change')
  .openapi('PatchSegment');

export type PatchSegmentInput = z.infer<typeof PatchSegmentSchema>;

export const SegmentParams = WorkspaceParams.extend({
  segment: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: 'segment', in: 'path' }, description: 'The segment slug' }),
});

export const SnapshotParams = SegmentParams.extend({
  snapshotId: z.uuid().openapi({ param: { name: 'snapshotId', in: 'path' } }),
});

export const SegmentChangeSchema = z.enum(SEGMENT_CHANGES).openapi('SegmentChange');

export const ChangedCustomerSchema = z
  .object({ externalId: z.string() })
  .openapi('SegmentChangedCustomer');
