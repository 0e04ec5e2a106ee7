import { z } from '@hono/zod-openapi';
import { boundedNumber } from '../ingest/bounded-number.ts';
import { INGEST_LIMITS } from '../ingest/limits.ts';

export const ExternalIdSchema = z
  .string()
  .min(1)
  .max(200)
  .openapi({ description: "The customer's id in your systems", example: '17850' });

export const AttributesSchema = z
  .record(
    z.string().min(1).max(100),
    z.union([z.string().max(10_000), boundedNumber(), z.boolean(), z.null()], {
      error: 'must be a string, a number, true, false or null',
    }),
  )
  .refine((attributes) => Object.keys(attributes).length <= 500, {
    message: 'at most 500 attributes',
  })
  .openapi({ example: { contract: 'Month-to-month', tenure: 12 } });

export const CustomerInputSchema = z
  .object({
    externalId: ExternalIdSchema,
    attributes: AttributesSchema.default({}),
  })
  .openapi('CustomerInput');

export type CustomerInput = z.infer<typeof CustomerInputSchema>;

export const CustomerBatchSchema = z
  .object({
    customers: z
      .array(CustomerInputSchema)
      .min(1)
      .max(INGEST_LIMITS.jsonBatchItems)
      .openapi({
        description: `1..${INGEST_LIMITS.jsonBatchItems} customers, upserted all or none; attributes replace the stored ones`,
      }),
  })
  .openapi('CustomerBatch');

export const UpsertCustomersResultSchema = z
  .object({
    received: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
  })
  .openapi('UpsertCustomersResult');

export type UpsertCustomersResult = z.infer<typeof UpsertCustomersResultSchema>;

export const CustomerViewSchema = z
  .object({
    externalId: z.string(),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    features: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).nullable(),
    featuresAsOf: z.string().nullable(),
    featuresStale: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Customer');

export type CustomerView = z.infer<typeof CustomerViewSchema>;

/** The churn prediction shown with a customer (from the current scoring). */
export const CustomerChurnSummarySchema = z
  .object({
    probability: z.number(),
    riskBand: z.string(),
    modelId: z.string(),
    modelVersion: z.number().int(),
    scoredAt: z.string(),
    factors: z.array(
      z.object({
        feature: z.string(),
        value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
        contribution: z.number(),
      }),
    ),
  })
  .openapi('CustomerChurnSummary');
