import { listAuditEntries, type AuditEntryRow } from '../audit/audit-log.repository.ts';
import { toAuditEntryView } from '../audit/audit.service.ts';
import { existingCustomerHash } from '../audit/customer-hash.ts';
import type { Db } from '../db/database.ts';
import { listCustomerEvents } from '../events/event.repository.ts';
import type { EventView } from '../events/event.schema.ts';
import { toEventView } from '../events/event.service.ts';
import { toSuggestionView } from '../suggestions/suggestion.service.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import {
  findAllChurnPredictions,
  findAllSuggestions,
  findClusterAssignments,
  findSegmentChanges,
  findSegmentMemberships,
  findTagHistory,
  findWebhookDeliveries,
} from './customer-export.repository.ts';
import type { CustomerExportHead } from './customer-export.schema.ts';
import { getCustomer, toCustomerView } from './customer.service.ts';

/** Rows per keyset page of events and audit entries. */
const PAGE_ROWS = 1000;

/** A customer's data: everything but the events at once, the events as pages to stream. */
export interface CustomerExport {
  readonly head: CustomerExportHead;
  readonly events: AsyncIterable<EventView[]>;
}

async function* eventPages(
  db: Db,
  customerId: number,
  externalId: string,
): AsyncGenerator<EventView[]> {
  let afterId: number | undefined;
  for (;;) {
    const rows = await listCustomerEvents(db, customerId, { afterId, limit: PAGE_ROWS });
    if (rows.length > 0) yield rows.map((row) => toEventView(row, externalId));
    if (rows.length < PAGE_ROWS) return;
    afterId = rows[rows.length - 1]!.id;
  }
}

/** Every audit entry naming the customer's hash in this workspace, newest first. */
async function auditEntriesAbout(
  db: Db,
  workspaceId: string,
  externalId: string,
): Promise<AuditEntryRow[]> {
  const customerHash = await existingCustomerHash(db, workspaceId, externalId);
  if (customerHash === undefined) return [];
  const entries: AuditEntryRow[] = [];
  let beforeId: number | undefined;
  for (;;) {
    const page = await listAuditEntries(
      db,
      { workspaceId, customerHash },
      { beforeId, limit: PAGE_ROWS },
    );
    entries.push(...page);
    if (page.length < PAGE_ROWS) return entries;
    beforeId = page[page.length - 1]!.id;
  }
}

/**
 * Everything Tagwise holds about one customer (a data subject's access request): attributes
 * and features, the whole tag history, every suggestion, churn prediction and cluster
 * assignment, segment membership and changes, webhook deliveries about them, the audit
 * entries about them, and their events (read in keyset pages while
 * the answer streams, so a long history never sits in memory at once).
 *
 * @throws ProblemError `not-found` for an unknown customer
 */
export async function exportCustomer(
  db: Db,
  workspace: WorkspaceRow,
  externalId: string,
): Promise<CustomerExport> {
  const customer = await getCustomer(db, workspace, externalId);
  const [tags, suggestions, predictions, assignments, memberships, changes, deliveries, audit] =
    await Promise.all([
      findTagHistory(db, customer.id),
      findAllSuggestions(db, customer.id),
      findAllChurnPredictions(db, customer.id),
      findClusterAssignments(db, customer.id),
      findSegmentMemberships(db, customer.id),
      findSegmentChanges(db, customer.id),
      findWebhookDeliveries(db, customer.id),
      auditEntriesAbout(db, workspace.id, externalId),
    ]);
  return {
    head: {
      exportedAt: new Date().toISOString(),
      workspace: workspace.slug,
      customer: toCustomerView(customer),
      tags: tags.map((h) => ({
        tag: h.slug,
        source: h.source,
        sourceVersion: h.source_version,
        confidence: h.confidence,
        suggestionId: h.suggestion_id,
        assignedBy: h.assigned_by,
        assignedAt: h.assigned_at.toISOString(),
        removedAt: h.removed_at?.toISOString() ?? null,
        removedBy: h.removed_by,
        removalReason: h.removal_reason,
      })),
      suggestions: suggestions.map(toSuggestionView),
      churnPredictions: predictions.map((p) => ({
        probability: p.probability,
        riskBand: p.risk_band,
        modelId: p.model_id,
        modelVersion: p.model_version,
        scoredAt: p.scored_at.toISOString(),
        factors: p.factors.map((f) => ({ ...f })),
        current: p.is_current,
      })),
      clusterAssignments: assignments.map((a) => ({
        runId: a.run_id,
        runStatus: a.run_status,
        runCreatedAt: a.run_created_at.toISOString(),
        cluster: a.cluster,
        confidence: a.confidence,
        tag: a.slug,
      })),
      segmentMemberships: memberships.map((m) => ({
        segment: m.slug,
        snapshotId: m.snapshot_id,
        takenAt: m.taken_at.toISOString(),
      })),
      segmentChanges: changes.map((c) => ({
        segment: c.slug,
        change: c.change,
        snapshotId: c.snapshot_id,
        takenAt: c.taken_at.toISOString(),
      })),
      webhookDeliveries: deliveries.map((d) => ({
        id: d.id,
        webhookId: d.subscription_id,
        eventType: d.event_type,
        status: d.status,
        payload: d.payload,
        createdAt: d.created_at.toISOString(),
        deliveredAt: d.delivered_at?.toISOString() ?? null,
      })),
      audit: audit.map(toAuditEntryView),
    },
    events: eventPages(db, customer.id, externalId),
  };
}

/**
 * The export as JSON text, piece by piece: the head's fields, then `"events": [...]` written
 * page by page. Joined, the pieces are one JSON document matching `CustomerExportSchema`.
 */
export async function* customerExportJson(data: CustomerExport): AsyncGenerator<string> {
  const head = JSON.stringify(data.head);
  yield `${head.slice(0, -1)},"events":[`;
  let first = true;
  for await (const page of data.events) {
    const items = page.map((event) => JSON.stringify(event)).join(',');
    yield first ? items : `,${items}`;
    first = false;
  }
  yield ']}';
}
