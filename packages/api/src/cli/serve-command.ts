import type { Command } from 'commander';
import { closeOnInterrupt } from './until-interrupted.ts';
import { loadConfig, startServer } from '../server.ts';

/** `tagwise serve`: the HTTP API plus an in-process job worker. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API (PORT) with a job worker; migrations are applied first')
    .option('--no-worker', 'do not run jobs in this process')
    .action(async (options: { worker: boolean }) => {
      const server = await startServer(loadConfig(), { worker: options.worker });
      await closeOnInterrupt(() => server.close());
    });
}
