import type { Db } from '../db/database.ts';
import type { SuggestionDetailRow } from '../suggestions/suggestion.repository.ts';

// One customer's rows other than events: a handful per tag, model or run, so each is one
// query. Events, the one kind that grows without bound, are read in keyset pages instead.

/** Every holding of a tag by the customer, open and closed, oldest first. */
export async function findTagHistory(db: Db, customerId: number) {
  return db
    .selectFrom('customer_tags as h')
    .innerJoin('tags as t', 't.id', 'h.tag_id')
    .select([
      'h.id',
      't.slug',
      'h.source',
      'h.source_version',
      'h.confidence',
      'h.suggestion_id',
      'h.assigned_by',
      'h.assigned_at',
      'h.removed_at',
      'h.removed_by',
      'h.removal_reason',
    ])
    .where('h.customer_id', '=', customerId)
    .orderBy('h.assigned_at')
    .orderBy('h.id')
    .execute();
}

/** Every suggestion made for the customer, whatever became of it, oldest first. */
export async function findAllSuggestions(
  db: Db,
  customerId: number,
): Promise<SuggestionDetailRow[]> {
  const rows = await db
    .selectFrom('suggestions as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .innerJoin('tags as t', 't.id', 's.tag_id')
    .selectAll('s')
    .select(['c.external_id', 't.slug', 't.display_name'])
    .where('s.customer_id', '=', customerId)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({ ...row, customer_id: Number(row.customer_id) }));
}

/** Every churn prediction of the customer, with its model and whether it is the current one. */
export async function findAllChurnPredictions(db: Db, customerId: number) {
  return db
    .selectFrom('churn_predictions as p')
    .innerJoin('churn_models as m', 'm.id', 'p.model_id')
    .innerJoin('churn_scorings as s', 's.job_id', 'p.scoring_job_id')
    .select([
      'p.probability',
      'p.risk_band',
      'p.factors',
      'p.scored_at',
      'm.id as model_id',
      'm.version as model_version',
      's.is_current',
    ])
    .where('p.customer_id', '=', customerId)
    .orderBy('p.scored_at')
    .orderBy('m.version')
    .execute();
}

/** The customer's cluster in every run, with the tag the cluster was named as. */
export async function findClusterAssignments(db: Db, customerId: number) {
  return db
    .selectFrom('cluster_assignments as a')
    .innerJoin('cluster_runs as r', 'r.id', 'a.run_id')
    .leftJoin('cluster_tags as ct', (join) =>
      join.onRef('ct.run_id', '=', 'a.run_id').onRef('ct.cluster', '=', 'a.cluster'),
    )
    .leftJoin('tags as t', 't.id', 'ct.tag_id')
    .select([
      'a.run_id',
      'a.cluster',
      'a.confidence',
      'r.status as run_status',
      'r.created_at as run_created_at',
      't.slug',
    ])
    .where('a.customer_id', '=', customerId)
    .orderBy('r.created_at')
    .orderBy('a.run_id')
    .execute();
}

/** Every snapshot of a segment that holds the customer (only the latest set is kept). */
export async function findSegmentMemberships(db: Db, customerId: number) {
  return db
    .selectFrom('segment_members as m')
    .innerJoin('segment_snapshots as s', 's.id', 'm.snapshot_id')
    .innerJoin('segments as g', 'g.id', 's.segment_id')
    .select(['g.slug', 's.id as snapshot_id', 's.taken_at'])
    .where('m.customer_id', '=', customerId)
    .orderBy('g.slug')
    .execute();
}

/** Every time the customer entered or left a segment, oldest first. */
export async function findSegmentChanges(db: Db, customerId: number) {
  return db
    .selectFrom('segment_changes as c')
    .innerJoin('segment_snapshots as s', 's.id', 'c.snapshot_id')
    .innerJoin('segments as g', 'g.id', 's.segment_id')
    .select(['g.slug', 'c.change', 's.id as snapshot_id', 's.taken_at'])
    .where('c.customer_id', '=', customerId)
    .orderBy('s.taken_at')
    .orderBy('s.id')
    .execute();
}

/** Every webhook delivery about the customer, queued or sent, oldest first. */
export async function findWebhookDeliveries(db: Db, customerId: number) {
  return db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'subscription_id',
      'event_type',
      'status',
      'payload',
      'created_at',
      'delivered_at',
    ])
    .where('customer_id', '=', customerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
