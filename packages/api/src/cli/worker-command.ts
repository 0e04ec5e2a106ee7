import type { Command } from 'commander';
import { closeOnInterrupt } from './until-interrupted.ts';
import { loadConfig, startWorkerProcess } from '../server.ts';

/** `tagwise worker`: a job worker sharing the queue of a PostgreSQL server. */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('Run jobs from the queue (needs DATABASE_URL; several workers may run at once)')
    .option('--poll-ms <ms>', 'wait between polls of an empty queue', (v) => Number(v), 1000)
    .action(async (options: { pollMs: number }) => {
      const running = await startWorkerProcess(loadConfig(), {
        workerOptions: { pollIntervalMs: options.pollMs },
      });
      await closeOnInterrupt(() => running.stop());
    });
}
