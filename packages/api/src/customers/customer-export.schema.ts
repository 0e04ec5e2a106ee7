import { z } from '@hono/zod-openapi';
import { AuditEntrySchema } from '../audit/audit.schema.ts';
import { EventViewSchema } from '../events/event.schema.ts';
import { SuggestionSchema } from '../suggestions/suggestion.schema.ts';
import { CustomerChurnSummarySchema, CustomerViewSchema } from './customer.schema.ts';

export const ExportedTagHoldingSchema = z
  .object({
    tag: z.string(),
    source: z.string(),
    sourceVersion: z.string().nullable(),
    confidence: z.number().nullable(),
    suggestionId: z.string().nullable(),
    assignedBy: z.string().nullable().openapi({ description: 'API key id; null = the system' }),
    assignedAt: z.string(),
    removedAt: z.string().nullable(),
    removedBy: z.string().nullable(),
    removalReason: z.string().nullable(),
  })
  .openapi('ExportedTagHolding');

export const ExportedChurnPredictionSchema = CustomerChurnSummarySchema.extend({
  current: z.boolean().openapi({ description: 'True for the prediction services read now' }),
}).openapi('ExportedChurnPrediction');

export const ExportedClusterAssignmentSchema = z
  .object({
    runId: z.string(),
    runStatus: z.string(),
    runCreatedAt: z.string(),
    cluster: z.number().int(),
    confidence: z.number(),
    tag: z.string().nullable().openapi({ description: 'The tag the cluster was named as' }),
  })
  .openapi('ExportedClusterAssignment');

export const ExportedSegmentMembershipSchema = z
  .object({
    segment: z.string(),
    snapshotId: z.string(),
    takenAt: z.string(),
  })
  .openapi('ExportedSegmentMembership');

export const ExportedSegmentChangeSchema = ExportedSegmentMembershipSchema.extend({
  change: z.enum(['entered', 'left']),
}).openapi('ExportedSegmentChange');

export const ExportedWebhookDeliverySchema = z
  .object({
    id: z.string(),
    webhookId: z.string(),
    eventType: z.string(),
    status: z.string(),
    payload: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'What was (or will be) sent' }),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('ExportedWebhookDelivery');

/** Everything but the events, which stream after it. */
export const CustomerExportHeadSchema = z.object({
  exportedAt: z.string(),
  workspace: z.string(),
  customer: CustomerViewSchema,
  tags: z
    .array(ExportedTagHoldingSchema)
    .openapi({ description: 'Every holding, open and closed' }),
  suggestions: z.array(SuggestionSchema).openapi({ description: 'Every suggestion, any status' }),
  churnPredictions: z.array(ExportedChurnPredictionSchema),
  clusterAssignments: z.array(ExportedClusterAssignmentSchema),
  segmentMemberships: z
    .array(ExportedSegmentMembershipSchema)
    .openapi({ description: 'Segments whose latest snapshot holds the customer' }),
  segmentChanges: z
    .array(ExportedSegmentChangeSchema)
    .openapi({ description: 'Every entry into and exit from a segment' }),
  webhookDeliveries: z
    .array(ExportedWebhookDeliverySchema)
    .openapi({ description: 'Webhook events about the customer, queued or sent' }),
  audit: z.array(AuditEntrySchema).openapi({
    description: "Audit entries about the customer (matched by the workspace's salted hash)",
  }),
});

export type CustomerExportHead = z.infer<typeof CustomerExportHeadSchema>;

export const CustomerExportSchema = CustomerExportHeadSchema.extend({
  events: z.array(EventViewSchema).openapi({ description: 'Every event, in time order' }),
}).openapi('CustomerExport');
