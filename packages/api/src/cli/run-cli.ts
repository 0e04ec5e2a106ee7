import { InvalidArgumentError, type Command } from 'commander';
import { EngineError } from '@tagwise/engine';
import { ConfigError } from '../config.ts';
import { DatabaseUnavailableError } from '../db/connect.ts';
import { DatabaseInUseError } from '../db/data-dir-lock.ts';
import { MigrationError } from '../db/migrations/index.ts';
import { ProblemError } from '../http/problem.ts';
import { InputFileError } from '../io/csv-file.ts';
import { JobStepFailedError } from '../jobs/run-job-step.ts';
import { PortUnavailableError, WorkerSetupError } from '../server.ts';

/** Parses and runs a command, turning known failures into one readable line and exit code 1. */
export async function runCli(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (
      // Commander reports the ones its option parsers throw; these come from actions.
      error instanceof InvalidArgumentError ||
      error instanceof InputFileError ||
      error instanceof EngineError ||
      error instanceof ConfigError ||
      error instanceof MigrationError ||
      error instanceof DatabaseInUseError ||
      error instanceof DatabaseUnavailableError ||
      error instanceof WorkerSetupError ||
      error instanceof PortUnavailableError ||
      error instanceof JobStepFailedError ||
      error instanceof ProblemError
    ) {
      process.stderr.write(`tagwise: ${describeFailure(error)}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

/** The message, and for a problem each field it names (`featureNames.0: no customer has …`). */
function describeFailure(error: Error): string {
  if (!(error instanceof ProblemError) || error.errors.length === 0) return error.message;
  return `${error.message}: ${error.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
}
