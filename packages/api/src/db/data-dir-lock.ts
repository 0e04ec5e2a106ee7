import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

/** The embedded database's directory is open in another live process. */
export class DatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `the embedded database in ${dataDir} is open in another process (pid ${pid}); stop it, or use another TAGWISE_DATA_DIR (if no such process runs, delete ${lockFile})`,
    );
    this.name = 'DatabaseInUseError';
  }
}

/** The lock files this process holds. */
const held = new Set<string>();

/** True when `pid` names a running process (one we may not signal is running too). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid a lock file names; `undefined` when it is gone or unreadable. */
async function lockOwner(path: string): Promise<number | undefined> {
  try {
    const { pid } = JSON.parse(await readFile(path, 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Creates `path` holding `content`, atomically: it appears complete or not at all. */
async function createComplete(path: string, content: string): Promise<boolean> {
  const draft = `${path}.${process.pid}`;
  await writeFile(draft, content);
  try {
    await link(draft, path); // fails when `path` exists, unlike a rename
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(draft);
  }
}

/**
 * Takes the lock of an embedded database directory, so a second process cannot open the same
 * files: PGlite runs PostgreSQL inside one process and does not guard its directory, and two
 * processes writing one directory corrupt it. Like PostgreSQL's `postmaster.pid`, the lock is
 * a file (`<dataDir>.lock`) naming the owner's process id, so a lock left by a process that
 * died is taken over. A lock naming this process's own id that this process does not hold was
 * left by an earlier process with the same id (a restarted container's first process), so it
 * is stale too.
 *
 * @returns releases the lock (call it once the database is closed)
 * @throws DatabaseInUseError when a live process holds it
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = `${resolve(dataDir)}.lock`;
  if (held.has(path)) throw new DatabaseInUseError(dataDir, process.pid, path);
  const content = JSON.stringify({ pid: process.pid, since: new Date().toISOString() });
  // Two rounds: the second after clearing a lock its dead owner left behind.
  for (let round = 0; round < 2; round++) {
    if (await createComplete(path, content)) {
      held.add(path);
      return async () => {
        held.delete(path);
        await unlink(path).catch(() => undefined);
      };
    }
    const owner = await lockOwner(path);
    if (owner !== undefined && owner !== process.pid && isRunning(owner)) {
      throw new DatabaseInUseError(dataDir, owner, path);
    }
    await unlink(path).catch(() => undefined);
  }
  throw new Error(`could not take the lock ${path}: other processes keep taking it`);
}
