import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '@tagwise/api';
import { syntheticPurchases } from './support/synthetic-events.ts';
import { runTagwise } from './support/tagwise-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'tagwise-db-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Each command opens the same embedded database, as a user's successive commands would.
const env = { TAGWISE_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };

function writeEvents(): string {
  const lines = ['event_id,customer_id,occurred_at,kind,amount,invoice'];
  for (const batch of syntheticPurchases(300, 8, 1000, 11)) {
    for (const e of batch) {
      lines.push([e.eventId, e.customerId, e.occurredAt, e.kind, e.amount, e.invoice].join(','));
    }
  }
  const file = join(dir, 'events.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('tagwise db import | cluster | train | score', () => {
  it('runs the pipeline against the embedded database, step by step', async () => {
    const events = writeEvents();
    const imported = await runTagwise(
      ['db', 'import', '--workspace', 'shop', '--events', events],
      env,
    );
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe(`imported 2400 rows from ${events} into shop\n`);
    const again = await runTagwise(
      ['db', 'import', '--workspace', 'shop', '--events', events],
      env,
    );
    expect(again.code).toBe(0);

    const clustered = await runTagwise(
      [
        'db',
        'cluster',
        '--workspace',
        'shop',
        '--features',
        'recency_days,frequency,monetary',
        '--k',
        '2-4',
        '--scaling',
        'log1p',
      ],
      env,
    );
    expect(clustered.code).toBe(0);
    expect(clustered.stdout).toMatch(/refreshing features: features of 300 customers/);
    expect(clustered.stdout).toMatch(/clustering: k = \d over 300 customers/);

    const trained = await runTagwise(
      ['db', 'train', '--workspace', 'shop', '--as-of', '2023-09-01', '--horizon', '90'],
      env,
    );
    expect(trained.code).toBe(0);
    expect(trained.stdout).toMatch(
      /training churn: churn model v1: ROC-AUC [01]\.\d{3} \(5-fold CV\); activated/,
    );

    const scored = await runTagwise(
      ['db', 'score', '--workspace', 'shop', '--as-of', '2024-01-01'],
      env,
    );
    expect(scored.code).toBe(0);
    expect(scored.stdout).toMatch(/scoring churn: scored \d+ customers with churn model v1/);
    expect(scored.stdout).toMatch(/suggesting tags: \d+ new suggestions \(0 auto-accepted\)/);

    // The command line writes as the system, and its writes are audited like anyone's.
    const database = await connectDatabase({ kind: 'pglite', dataDir: env.TAGWISE_DATA_DIR });
    try {
      const audited = await database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_key_id'])
        .execute();
      expect(audited.every((entry) => entry.actor_key_id === null)).toBe(true);
      expect(new Set(audited.map((entry) => entry.action))).toEqual(
        new Set([
          'workspace.created',
          'events.ingested',
          'job.created',
          'features.refreshed',
          'cluster-run.completed',
          'churn-model.trained',
          'churn-scoring.completed',
          'rule-table.created',
          'suggestions.generated',
        ]),
      );
    } finally {
      await database.close();
    }
  }, 180_000); // five CLI processes, each opening the database; one trains a model

  it('says what is wrong with the arguments', async () => {
    const unknown = await runTagwise(['db', 'score', '--workspace', 'nowhere'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'tagwise: workspace "nowhere" does not exist (tagwise db import creates it)\n',
    );
    const both = await runTagwise(['db', 'train', '--workspace', 'shop'], env);
    expect(both.code).toBe(1);
    expect(both.stderr).toContain(
      'give either --label COLUMN or both --as-of DATE and --horizon DAYS',
    );
    const unknownFeature = await runTagwise(
      ['db', 'cluster', '--workspace', 'shop', '--features', 'frequency,shoe_size'],
      env,
    );
    expect(unknownFeature.code).toBe(1);
    expect(unknownFeature.stderr).toContain(
      'tagwise: some features are not known in this workspace: params.featureNames.1: no customer has a numeric "shoe_size"; available: ',
    );
    expect(unknownFeature.stderr).not.toContain('    at ');
    const failedStep = await runTagwise(
      ['db', 'train', '--workspace', 'shop', '--label', 'no_such_column'],
      env,
    );
    expect(failedStep.code).toBe(1);
    expect(failedStep.stderr).toMatch(
      /^tagwise: training churn failed: invalid training inputs: .*no_such_column/m,
    );
    expect(failedStep.stderr).not.toContain('    at ');
  });
});
