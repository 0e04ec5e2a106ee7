import type { Kysely } from 'kysely';
import type { ApiKeyTable } from '../keys/api-key.table.ts';
import type { CustomerTable } from '../customers/customer.table.ts';
import type { EventTable } from '../events/event.table.ts';
import type { JobTable } from '../jobs/job.table.ts';
import type { WorkspaceTable } from '../workspaces/workspace.table.ts';
import type { TagTable } from '../tags/tag.table.ts';
import type {
  ClusterAssignmentTable,
  ClusterRunTable,
  ClusterTagTable,
} from '../clusters/cluster-run.table.ts';
import type { CustomerTagTable } from '../tags/customer-tag.table.ts';
import type { RuleTableTable } from '../rules/rule-table.table.ts';
import type { SuggestionPolicyTable, SuggestionTable } from '../suggestions/suggestion.table.ts';
import type { ChurnModelTable } from '../churn/churn-model.table.ts';
import type { ChurnPredictionTable, ChurnScoringTable } from '../churn/churn-prediction.table.ts';
import type { NotebookTable } from '../notebooks/notebook.table.ts';
import type {
  SegmentChangeTable,
  SegmentMemberTable,
  SegmentSnapshotTable,
  SegmentTable,
} from '../segments/segment.table.ts';
import type { TagVersionTable } from '../tags/tag-version.table.ts';
import type { WebhookDeliveryTable, WebhookSubscriptionTable } from '../webhooks/webhook.table.ts';
import type { AuditLogTable, AuditSaltTable } from '../audit/audit-log.table.ts';
import type { TagReadTable } from '../reports/tag-read.table.ts';

/** Every table Kysely knows about; later migrations add theirs here. */
export interface Database {
  workspaces: WorkspaceTable;
  api_keys: ApiKeyTable;
  customers: CustomerTable;
  events: EventTable;
  jobs: JobTable;
  tags: TagTable;
  cluster_runs: ClusterRunTable;
  cluster_assignments: ClusterAssignmentTable;
  cluster_tags: ClusterTagTable;
  rule_tables: RuleTableTable;
  suggestion_policies: SuggestionPolicyTable;
  suggestions: SuggestionTable;
  customer_tags: CustomerTagTable;
  churn_models: ChurnModelTable;
  churn_scorings: ChurnScoringTable;
  churn_predictions: ChurnPredictionTable;
  notebooks: NotebookTable;
  segments: SegmentTable;
  segment_snapshots: SegmentSnapshotTable;
  segment_members: SegmentMemberTable;
  segment_changes: SegmentChangeTable;
  tag_versions: TagVersionTable;
  webhook_subscriptions: WebhookSubscriptionTable;
  webhook_deliveries: WebhookDeliveryTable;
  audit_log: AuditLogTable;
  audit_salts: AuditSaltTable;
  tag_reads: TagReadTable;
}

/** A connection or a transaction: repository functions accept either. */
export type Db = Kysely<Database>;
