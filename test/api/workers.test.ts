import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueJob, sql } from '@tagwise/api';
import {
  createTestDatabase,
  createWorkspaceFixture,
  type TestDatabase,
} from '@tagwise/api/testing';

const hasServer = Boolean(process.env.DATABASE_URL);
if (!hasServer) {
  console.log(
    'skipping the two-worker-process test: DATABASE_URL is not set (PGlite cannot be shared by processes)',
  );
}

const script = fileURLToPath(new URL('./fixtures/worker-process.ts', import.meta.url));
const JOBS = 60;

/** Starts a worker process and resolves once it reports ready. */
function startWorker(url: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready ')) resolve(child);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}: ${output}`)));
  });
}

function stopWorker(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe.skipIf(!hasServer)('two worker processes on one PostgreSQL queue', () => {
  let database: TestDatabase;
  const workers: ChildProcess[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await sql`CREATE TABLE job_runs (job_id uuid NOT NULL, worker text NOT NULL)`.execute(
      database.db,
    );
    workers.push(...(await Promise.all([startWorker(database.url!), startWorker(database.url!)])));
  });
  afterAll(async () => {
    await Promise.all(workers.map(stopWorker));
    await database?.destroy();
  });

  it('runs each job exactly once, shared between both processes', async () => {
    const { workspace } = await createWorkspaceFixture(database.db, 'shared');
    const ids: string[] = [];
    for (let i = 0; i < JOBS; i++) {
      const job = await enqueueJob(database.db, {
        workspaceId: workspace.id,
        kind: 'count-once',
        params: { gate: i < 2 },
      });
      ids.push(job.id);
    }
    let open = JOBS;
    for (let i = 0; i < 3000 && open > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM jobs WHERE status IN ('queued', 'running')`.execute(
        database.db,
      );
      open = rows[0]!.n;
    }
    expect(open).toBe(0);

    const jobs = await database.db
      .selectFrom('jobs')
      .select(['id', 'status', 'attempts'])
      .execute();
    expect(jobs.every((j) => j.status === 'succeeded' && j.attempts === 1)).toBe(true);
    const runs = (
      await sql<{ job_id: string; worker: string }>`SELECT job_id, worker FROM job_runs`.execute(
        database.db,
      )
    ).rows;
    expect(runs).toHaveLength(JOBS);
    expect(new Set(runs.map((r) => r.job_id))).toEqual(new Set(ids));
    const byWorker = new Map<string, number>();
    for (const run of runs) byWorker.set(run.worker, (byWorker.get(run.worker) ?? 0) + 1);
    // The gated first jobs could only finish once both processes held a job at once.
    expect(byWorker.size).toBe(2);
  });
});
