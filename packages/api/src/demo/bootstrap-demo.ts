import { systemContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import type { JobRegistry } from '../jobs/job-registry.ts';
import { createWorkspace } from '../workspaces/workspace.service.ts';
import { findWorkspaceBySlug } from '../workspaces/workspace.repository.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';
import { RETAIL_WORKSPACE, TELCO_WORKSPACE } from './demo-datasets.ts';
import { importRetailEvents } from './import-retail-events.ts';
import { importTelcoCustomers } from './import-telco-customers.ts';
import { runJobStep, type JobStep } from '../jobs/run-job-step.ts';

/** How the set-up shows its progress (a terminal bar, or nothing). */
export interface StepReporter {
  start(label: string): {
    update(fraction: number, detail?: string): void;
    done(summary: string): void;
  };
}

interface DemoWorkspace {
  readonly slug: string;
  readonly name: string;
  /** Loads the bundled data; safe to repeat after an interrupted start. */
  importData(db: Db, workspace: WorkspaceRow, reporter: StepReporter): Promise<void>;
  /** Whether an earlier start finished the import. */
  isImported(db: Db, workspace: WorkspaceRow): Promise<boolean>;
  readonly steps: readonly JobStep[];
}

const hasSucceededJob = async (db: Db, workspace: WorkspaceRow, kind: string): Promise<boolean> =>
  (await db
    .selectFrom('jobs')
    .select('id')
    .where('workspace_id', '=', workspace.id)
    .where('kind', '=', kind)
    .where('status', '=', 'succeeded')
    .limit(1)
    .executeTakeFirst()) !== undefined;

/** The day after the last retail event: features describe customers as the data ends. */
const RETAIL_AS_OF = '2011-12-10T00:00:00Z';
const RETAIL_CLUSTER_FEATURES = [
  'recency_days',
  'frequency',
  'monetary',
  'avg_order_value',
  'tenure_days',
  'orders_last_90',
  'orders_prev_90',
  'activity_trend',
  'return_rate',
];

const DEMO_WORKSPACES: readonly DemoWorkspace[] = [
  {
    ...RETAIL_WORKSPACE,
    async importData(db, workspace, reporter) {
      const step = reporter.start(`${workspace.slug}: importing events`);
      const { sent, skipped } = await importRetailEvents(
        systemContext(db),
        workspace,
        RETAIL_WORKSPACE.file,
        (lines) => step.update(lines / 541_909, `${lines.toLocaleString('en-GB')} lines`),
      );
      step.done(
        `${sent.toLocaleString('en-GB')} events (${skipped.toLocaleString('en-GB')} lines without a customer skipped)`,
      );
    },
    // Events land in batches; the feature refresh only runs once all are in, so its success
    // marks a finished import (an interrupted one is resumed: event ids make it idempotent).
    isImported: (db, workspace) => hasSucceededJob(db, workspace, 'feature-refresh'),
    steps: [
      {
        label: 'refreshing features',
        kind: 'feature-refresh',
        params: { asOf: RETAIL_AS_OF, scope: 'stale' },
      },
      {
        label: 'clustering on behavioural features',
        kind: 'cluster-run',
        params: {
          featureNames: RETAIL_CLUSTER_FEATURES,
          scaling: 'log1p',
          k: { min: 2, max: 8 },
          seed: 0,
        },
      },
      {
        label: 'training churn (time split 2011-09-01, 90 days)',
        kind: 'churn-train',
        params: {
          label: { kind: 'time-split', asOf: '2011-09-01T00:00:00Z', horizonDays: 90 },
          seed: 0,
        },
      },
      { label: 'scoring churn', kind: 'churn-score', params: { asOf: RETAIL_AS_OF } },
      { label: 'suggesting tags', kind: 'suggest', params: {} },
    ],
  },
  {
    ...TELCO_WORKSPACE,
    async importData(db, workspace, reporter) {
      const step = reporter.start(`${workspace.slug}: importing customers`);
      const count = await importTelcoCustomers(systemContext(db), workspace, TELCO_WORKSPACE.file);
      step.done(`${count.toLocaleString('en-GB')} customers`);
    },
    // One all-or-nothing batch: any customer means the import finished.
    isImported: async (db, workspace) =>
      (await db
        .selectFrom('customers')
        .select('id')
        .where('workspace_id', '=', workspace.id)
        .limit(1)
        .executeTakeFirst()) !== undefined,
    steps: [
      {
        label: 'clustering on tenure and charges',
        kind: 'cluster-run',
        params: {
          featureNames: ['tenure', 'monthly_charges', 'total_charges'],
          scaling: 'standard',
          k: { min: 2, max: 8 },
          seed: 0,
        },
      },
      {
        label: 'training churn (label column churn = Yes)',
        kind: 'churn-train',
        params: { label: { kind: 'column', column: 'churn', positive: 'Yes' }, seed: 0 },
      },
      { label: 'scoring churn', kind: 'churn-score', params: {} },
      { label: 'suggesting tags', kind: 'suggest', params: {} },
    ],
  },
];

/**
 * The first-start work of `tagwise start`: for each bundled data set, create its workspace and
 * import the data unless an earlier start did, then run every pipeline step an earlier start has
 * not completed (features, clustering, churn training, scoring, suggestions). A second start
 * finds everything done and returns at once.
 */
export async function bootstrapDemo(
  db: Db,
  registry: JobRegistry,
  reporter: StepReporter,
): Promise<void> {
  for (const demo of DEMO_WORKSPACES) {
    const workspace =
      (await findWorkspaceBySlug(db, demo.slug)) ??
      (await createWorkspace(systemContext(db), { slug: demo.slug, name: demo.name }));
    if (!(await demo.isImported(db, workspace))) await demo.importData(db, workspace, reporter);
    for (const step of demo.steps) {
      // Each kind runs once per workspace; a start interrupted mid-way resumes at its step.
      if (await hasSucceededJob(db, workspace, step.kind)) continue;
      const display = reporter.start(`${workspace.slug}: ${step.label}`);
      const job = await runJobStep(db, registry, workspace, step, (fraction, message) =>
        display.update(fraction, message ?? undefined),
      );
      display.done(job.message ?? 'done');
    }
  }
}
