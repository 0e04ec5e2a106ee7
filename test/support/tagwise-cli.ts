import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';

export const repositoryRoot = join(import.meta.dirname, '..', '..');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const TSX = join(repositoryRoot, 'node_modules', '.bin', 'tsx');

/** Runs the real `tagwise` CLI in a child process, as a user would from the repository root. */
export function runTagwise(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['packages/api/src/cli/main.ts', ...args],
      { cwd: repositoryRoot, env: { ...process.env, CI: '1', ...env }, maxBuffer: 64 * 2 ** 20 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** A long-running `tagwise` command (`start`, `serve`) that said it is ready. */
export interface TagwiseProcess {
  /** What `ready` matched, with its groups. */
  readonly ready: RegExpExecArray;
  /** Its stdout and stderr together, up to the moment it was ready. */
  readonly output: string;
  /** Interrupts it as Ctrl-C would; resolves with its exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts `tagwise <args>` in a child process and resolves once its output matches `ready`;
 * rejects with the output if it exits before.
 */
export function startTagwise(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<TagwiseProcess> {
  const child = spawn(TSX, ['packages/api/src/cli/main.ts', ...args], {
    cwd: repositoryRoot,
    env: { ...process.env, CI: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let output = '';
  let matched: RegExpExecArray | null = null;
  return new Promise((resolve, reject) => {
    // Read to the end either way: a child whose pipe is not read stops when it fills.
    const read = (chunk: string) => {
      if (matched !== null) return;
      output += chunk;
      matched = ready.exec(output);
      if (matched === null) return;
      resolve({
        ready: matched,
        output,
        stop: () => {
          child.kill('SIGINT');
          return exited;
        },
      });
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    void exited.then((code) =>
      reject(new Error(`tagwise ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}
