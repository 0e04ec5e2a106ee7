import { z } from '@hono/zod-openapi';
import { pageSchema } from '../http/cursor.ts';

export const HeldTagSchema = z
  .object({
    tag: z.string().openapi({ description: 'The tag slug' }),
    displayName: z.string(),
    kind: z.string(),
    category: z.string(),
    source: z.enum(['cluster', 'churn', 'rule', 'manual']),
    sourceVersion: z.string().nullable(),
    confidence: z.number().nullable(),
    suggestionId: z.string().nullable(),
    assignedBy: z.string().nullable().openapi({ description: 'API key id; null = auto-accepted' }),
    assignedAt: z.string(),
    assignmentReason: z.string().nullable().openapi({ description: 'Why it was given by hand' }),
  })
  .openapi('HeldTag');

export type HeldTagView = z.infer<typeof HeldTagSchema>;

export const AssignTagSchema = z
  .object({
    tag: z.string().min(1).max(200).openapi({ description: 'The tag slug', example: 'vip' }),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .openapi('AssignTag');

export type AssignTagInput = z.infer<typeof AssignTagSchema>;

/** One holding of a tag by a customer, open or closed. */
export const CustomerTagHoldingSchema = z
  .object({
    id: z.string().openapi({ description: 'The holding id' }),
    customer: z.string().openapi({ description: "The customer's external id" }),
    tag: z.string().openapi({ description: 'The tag slug' }),
    source: z.enum(['cluster', 'churn', 'rule', 'manual']),
    sourceVersion: z.string().nullable(),
    confidence: z.number().nullable().openapi({
      description: "The accepted suggestion's confidence; null for a tag given by hand",
    }),
    suggestionId: z.string().nullable().openapi({
      description: 'The suggestion whose acceptance gave it; null for a tag given by hand',
    }),
    assignedBy: z.string().nullable().openapi({ description: 'API key id; null = the system' }),
    assignedAt: z.string(),
    assignmentReason: z.string().nullable(),
    removedAt: z.string().nullable(),
    removedBy: z.string().nullable(),
    removalReason: z.string().nullable(),
  })
  .openapi('CustomerTagHolding');

export type CustomerTagHoldingView = z.infer<typeof CustomerTagHoldingSchema>;

export const CustomerTagHistorySchema = pageSchema(CustomerTagHoldingSchema, 'CustomerTagHistory');

export type CustomerTagHistoryView = z.infer<typeof CustomerTagHistorySchema>;

export const TagHolderSchema = z
  .object({
    externalId: z.string(),
    assignedAt: z.string(),
    removedAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the holding ended (after `at`); null while it lasts' }),
    source: z.enum(['cluster', 'churn', 'rule', 'manual']),
    sourceVersion: z.string().nullable(),
    confidence: z.number().nullable().openapi({
      description: "The accepted suggestion's confidence; null for a tag given by hand",
    }),
    assignedBy: z.object({ keyId: z.string(), name: z.string() }).nullable().openapi({
      description: 'The API key that accepted or gave it; null = the system (auto-accept, rules)',
    }),
    assignmentReason: z.string().nullable(),
  })
  .openapi('TagHolder');

export const TagHoldersPageSchema = z
  .object({
    at: z.string().openapi({ description: 'The moment asked about' }),
    items: z.array(TagHolderSchema),
    nextCursor: z.string().nullable().openapi({ description: 'null on the last page' }),
  })
  .openapi('TagHoldersPage');

export type TagHoldersPageView = z.infer<typeof TagHoldersPageSchema>;
