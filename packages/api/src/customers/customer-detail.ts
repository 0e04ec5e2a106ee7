import { z } from '@hono/zod-openapi';
import { findCurrentPredictions } from '../churn/churn-prediction.repository.ts';
import type { Db } from '../db/database.ts';
import { recordCustomerTagReads } from '../reports/tag-read.repository.ts';
import { listCustomerSuggestions } from '../suggestions/suggestion.repository.ts';
import { SuggestionSchema } from '../suggestions/suggestion.schema.ts';
import { toSuggestionView } from '../suggestions/suggestion.service.ts';
import { findHeldTags, type HeldTagRow } from '../tags/customer-tag.repository.ts';
import { HeldTagSchema, type HeldTagView } from '../tags/customer-tag.schema.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { CustomerChurnSummarySchema, CustomerViewSchema } from './customer.schema.ts';
import { getCustomer, toCustomerView } from './customer.service.ts';

export const CustomerDetailSchema = CustomerViewSchema.extend({
  tags: z.array(HeldTagSchema).openapi({ description: 'Tags held now, with provenance' }),
  openSuggestions: z
    .array(SuggestionSchema)
    .openapi({ description: 'Pending suggestions, newest first' }),
  churn: CustomerChurnSummarySchema.nullable().openapi({
    description: 'The current churn prediction; null when the customer was not scored',
  }),
}).openapi('CustomerDetail');

export type CustomerDetailView = z.infer<typeof CustomerDetailSchema>;

function toHeldTagView(row: HeldTagRow): HeldTagView {
  return {
    tag: row.slug,
    displayName: row.display_name,
    kind: row.kind,
    category: row.category,
    source: row.source,
    sourceVersion: row.source_version,
    confidence: row.confidence,
    suggestionId: row.suggestion_id,
    assignedBy: row.assigned_by,
    assignedAt: row.assigned_at.toISOString(),
    assignmentReason: row.assignment_reason,
  };
}

/**
 * One customer as a reviewer or calling service sees them: attributes, features (as of
 * their cut-off), the tags they hold with provenance, open suggestions and churn.
 */
export async function getCustomerDetail(
  db: Db,
  workspace: WorkspaceRow,
  externalId: string,
): Promise<CustomerDetailView> {
  const row = await getCustomer(db, workspace, externalId);
  const [held, pending, predictions] = await Promise.all([
    findHeldTags(db, row.id),
    listCustomerSuggestions(db, workspace.id, externalId, 'pending'),
    findCurrentPredictions(db, workspace.id, [row.id]),
    recordCustomerTagReads(db, row.id),
  ]);
  const churn = predictions.get(row.id);
  return {
    ...toCustomerView(row),
    tags: held.map(toHeldTagView),
    openSuggestions: pending.map(toSuggestionView),
    churn:
      churn === undefined
        ? null
        : {
            probability: churn.probability,
            riskBand: churn.riskBand,
            modelId: churn.modelId,
            modelVersion: churn.modelVersion,
            scoredAt: churn.scoredAt.toISOString(),
            factors: churn.factors.map((f) => ({ ...f })),
          },
  };
}
