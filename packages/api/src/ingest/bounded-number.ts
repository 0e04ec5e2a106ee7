import { z } from '@hono/zod-openapi';

/**
 * The largest magnitude an ingested number may have. Amounts, quantities and attributes are
 * summed, squared and scaled downstream (spend totals, feature statistics, model inputs);
 * near the double range's end (1e308) those overflow to infinity. Below 1e15 every integer
 * is exact and a million such values still sum, square and average without overflow.
 */
export const MAX_MAGNITUDE = 1e15;

const outOfRange =
  'must be between -1e15 and 1e15 (larger magnitudes overflow the totals and statistics computed from it)';

/** A finite number within ±`MAX_MAGNITUDE`, for every number the API stores or scores. */
export function boundedNumber() {
  return z
    .number()
    .finite()
    .min(-MAX_MAGNITUDE, { message: outOfRange })
    .max(MAX_MAGNITUDE, { message: outOfRange });
}
