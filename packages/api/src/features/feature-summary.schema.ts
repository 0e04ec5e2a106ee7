import { z } from '@hono/zod-openapi';

export const FeatureColumnSummarySchema = z
  .object({
    name: z.string(),
    source: z.enum(['feature', 'attribute']).openapi({
      description: '`feature`: computed from events; `attribute`: from the customer table',
    }),
    kind: z.enum(['numeric', 'categorical']).openapi({
      description: 'numeric when most present values are numbers',
    }),
    count: z
      .number()
      .int()
      .openapi({ description: 'Customers (of the sample) with a number here' }),
    missing: z.number().int().openapi({
      description: 'Customers without a number here (no value, null or text)',
    }),
    mean: z.number().nullable(),
    sd: z.number().nullable(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    quantiles: z
      .object({
        p05: z.number(),
        p25: z.number(),
        p50: z.number(),
        p75: z.number(),
        p95: z.number(),
      })
      .nullable(),
    histogram: z
      .object({
        min: z.number(),
        max: z.number(),
        counts: z
          .array(z.number().int())
          .openapi({ description: 'Equal-width bins from min to max' }),
      })
      .nullable(),
    distinct: z.number().int().nullable().openapi({ description: 'Distinct text values' }),
    categories: z
      .array(z.object({ value: z.string(), count: z.number().int() }))
      .openapi({ description: 'The most frequent text values, most frequent first' }),
  })
  .openapi('FeatureColumnSummary');

export type FeatureColumnSummary = z.infer<typeof FeatureColumnSummarySchema>;

export const FeatureSummarySchema = z
  .object({
    customers: z.number().int(),
    withFeatures: z.number().int().openapi({ description: 'Customers with computed features' }),
    staleFeatures: z.number().int(),
    featuresAsOf: z.string().nullable().openapi({ description: 'The latest feature cut-off' }),
    sample: z
      .object({
        customers: z.number().int(),
        every: z.number().int().openapi({ description: 'Every k-th customer by internal id' }),
      })
      .nullable()
      .openapi({
        description:
          'null: every customer was read. Otherwise the column statistics (counts and missing included) describe this sample',
      }),
    columns: z.array(FeatureColumnSummarySchema),
  })
  .openapi('FeatureSummary');

export type FeatureSummary = z.infer<typeof FeatureSummarySchema>;
