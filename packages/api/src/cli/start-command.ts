import { resolve } from 'node:path';
import type { Command } from 'commander';
import { closeOnInterrupt } from './until-interrupted.ts';
import { bootstrapDemo, type StepReporter } from '../demo/bootstrap-demo.ts';
import { demoAdminKey } from '../demo/demo-admin-key.ts';
import { createJobRegistry } from '../jobs/job-handlers.ts';
import { asyncStandardOutput, createJsonLogger } from '../logger.ts';
import { loadConfig, startServer } from '../server.ts';
import { aboveProgress, createProgress } from './progress.ts';

/** Shows each set-up step as a progress bar on a terminal, and as one line when it ends. */
const terminalReporter: StepReporter = {
  start(label) {
    const progress = createProgress(label, 100);
    const started = Date.now();
    return {
      update: (fraction, detail) => progress.update(Math.round(fraction * 100), 100, detail),
      done(summary) {
        progress.stop();
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stderr.write(`✓ ${label}: ${summary} (${seconds} s)\n`);
      },
    };
  },
};

/**
 * `tagwise start`: the whole product on one port. Migrates the database, loads the bundled
 * data sets into their workspaces on first start (events, features, clustering, churn,
 * suggestions), prints an admin key and serves the API until interrupted.
 */
export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('Set up the bundled demo workspaces on first start and serve the API (PORT)')
    .action(async () => {
      const config = loadConfig();
      const jobs = createJobRegistry();
      // Requests are logged as JSON to stdout, written asynchronously as `tagwise serve` does;
      // set-up progress goes to stderr. On one terminal the log lines of the set-up's jobs are
      // printed above its progress bars.
      const server = await startServer(config, {
        jobs,
        logger: createJsonLogger(
          aboveProgress(process.stdout, asyncStandardOutput()),
          aboveProgress(process.stderr),
        ),
        startupTasks: [(database) => bootstrapDemo(database.db, jobs, terminalReporter)],
      });
      await server.started;
      // Beside the data directory and named after it, like its lock: servers on directories
      // with the same parent keep keys of their own.
      const keyFile = `${resolve(config.dataDir)}.admin-key`;
      const key = config.bootstrapKey ?? (await demoAdminKey(server.database.db, keyFile));
      const origin = `http://localhost:${server.port}`;
      process.stderr.write(
        [
          '',
          server.readiness.isReady()
            ? 'Tagwise is running.'
            : `Tagwise is running, but not ready: ${server.readiness.reason()}`,
          `  Workbench ${origin}/   (paste the admin key below)`,
          `  API       ${origin}/v1   docs: ${origin}/docs   OpenAPI: ${origin}/openapi.json`,
          `  Admin key ${key}`,
          config.bootstrapKey
            ? '            (from TAGWISE_BOOTSTRAP_KEY)'
            : `            (kept in ${keyFile})`,
          `  Try:      curl -H "Authorization: Bearer ${key}" ${origin}/v1/workspaces`,
          '',
        ].join('\n'),
      );
      await closeOnInterrupt(() => server.close());
    });
}
