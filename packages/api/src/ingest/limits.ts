/**
 * Batch size limits, documented in the OpenAPI descriptions. A batch is one transaction:
 * the limits keep a batch's transaction short (PGlite serialises every query behind it)
 * and its parsed rows small in memory. Larger files are sent as several batches.
 */
export const INGEST_LIMITS = {
  /** Items in one JSON batch (customers or events). */
  jsonBatchItems: 10_000,
  /** Data rows in one CSV upload (customers or events). */
  csvRows: 100_000,
  /** Bytes in one request body (any route under /v1). */
  bodyBytes: 64 * 1024 * 1024,
  /** Row errors listed in one problem; the detail states the total. */
  reportedErrors: 1000,
} as const;
