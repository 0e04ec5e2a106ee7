import type { Command } from 'commander';
import { EngineError } from '@tagwise/engine';
import { InputFileError } from '../io/csv-file.ts';

/** Parses and runs a command, turning known failures into one readable line and exit code 1. */
export async function runCli(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof InputFileError || error instanceof EngineError) {
      process.stderr.write(`tagwise: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}
