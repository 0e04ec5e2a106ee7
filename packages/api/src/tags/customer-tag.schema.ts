import { z } from '@hono/zod-openapi';

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
  })
  .openapi('HeldTag');

export type HeldTagView = z.infer<typeof HeldTagSchema>;
