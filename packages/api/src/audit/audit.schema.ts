import { z } from '@hono/zod-openapi';
import { ExternalIdSchema } from '../customers/customer.schema.ts';
import { pageQuerySchema, pageSchema } from '../http/cursor.ts';
import { workspaceSlugSchema } from '../http/params.ts';
import { ROLES } from '../keys/roles.ts';

const instant = (description: string) =>
  z.iso
    .datetime({ offset: true })
    .transform((text) => new Date(text))
    .optional()
    .openapi({ description, example: '2026-11-23T00:00:00Z' });

const text = (description: string) =>
  z.string().min(1).max(200).optional().openapi({ description });

export const AuditQuerySchema = pageQuerySchema(1000).extend({
  workspace: workspaceSlugSchema.optional().openapi({
    description: "Only this workspace's entries (a workspace admin sees only its own)",
  }),
  actor: z.uuid().optional().openapi({ description: 'Only changes made with this API key id' }),
  action: text('e.g. `customer.erased`'),
  resource: text('e.g. `tag`, `customer`'),
  resourceId: text('The resource id as shown in entries (a customer appears as its hash)'),
  customer: ExternalIdSchema.optional().openapi({
    description:
      "Only entries about this customer (by external id, matched through the workspace's salted hash); needs `workspace` unless the key is scoped to one",
  }),
  from: instant('Entries written at or after this time'),
  to: instant('Entries written before this time'),
});

export type AuditQuery = z.infer<typeof AuditQuerySchema>;

export const AuditActorSchema = z
  .object({ keyId: z.string(), name: z.string(), role: z.enum(ROLES) })
  .openapi('AuditActor');

export const AuditEntrySchema = z
  .object({
    id: z.string().openapi({ description: 'Increases in the order entries were written' }),
    at: z.string(),
    workspace: z.string().nullable().openapi({ description: 'Workspace slug' }),
    actor: AuditActorSchema.nullable().openapi({ description: 'null = the system (jobs, CLI)' }),
    action: z.string(),
    resource: z.string(),
    resourceId: z.string(),
    data: z.record(z.string(), z.unknown()).openapi({
      description:
        'What changed. Customers appear only as `customer`: an HMAC-SHA256 of their external id with a per-workspace salt; attribute values never appear.',
    }),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = pageSchema(AuditEntrySchema, 'AuditPage');
