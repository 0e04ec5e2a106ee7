import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectDatabase } from './connect.ts';
import { DatabaseInUseError, lockDataDir } from './data-dir-lock.ts';

/** A process that is alive until killed, to own a lock. */
function sleeper(): { pid: number; stop(): void } {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    stdio: 'ignore',
  });
  return { pid: child.pid!, stop: () => child.kill() };
}

/** The id of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

describe('lockDataDir', () => {
  let root: string;
  let dataDir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'tagwise-lock-'));
    dataDir = join(root, 'data');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('writes a lock naming this process beside the directory, and removes it on release', async () => {
    const release = await lockDataDir(dataDir);
    expect(JSON.parse(await readFile(`${dataDir}.lock`, 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    await release();
    await expect(stat(`${dataDir}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a directory this process holds already, until it is released', async () => {
    const release = await lockDataDir(dataDir);
    await expect(lockDataDir(`${dataDir}/`)).rejects.toBeInstanceOf(DatabaseInUseError);
    await release();
    await (
      await lockDataDir(dataDir)
    )();
  });

  it('refuses a directory another live process holds, naming it and the lock file', async () => {
    const owner = sleeper();
    try {
      await writeFile(`${dataDir}.lock`, JSON.stringify({ pid: owner.pid }));
      const refusal = lockDataDir(dataDir);
      await expect(refusal).rejects.toBeInstanceOf(DatabaseInUseError);
      await expect(refusal).rejects.toThrow(
        `is open in another process (pid ${owner.pid}); stop it, or use another TAGWISE_DATA_DIR (if no such process runs, delete ${dataDir}.lock)`,
      );
    } finally {
      owner.stop();
    }
  });

  it('takes over a lock left by a process that died, or an unreadable one', async () => {
    await writeFile(`${dataDir}.lock`, JSON.stringify({ pid: await deadPid() }));
    await (
      await lockDataDir(dataDir)
    )();
    await writeFile(`${dataDir}.lock`, '{"pid": 12');
    await (
      await lockDataDir(dataDir)
    )();
    // Its own id, not held by this process: left by an earlier process that had the same id.
    await writeFile(`${dataDir}.lock`, JSON.stringify({ pid: process.pid }));
    await (
      await lockDataDir(dataDir)
    )();
  });
});

describe('connectDatabase on an embedded directory', () => {
  it('keeps a second handle off the directory until the first one closes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tagwise-lock-'));
    try {
      const dataDir = join(root, 'data');
      const first = await connectDatabase({ kind: 'pglite', dataDir });
      await expect(connectDatabase({ kind: 'pglite', dataDir })).rejects.toBeInstanceOf(
        DatabaseInUseError,
      );
      await first.close();
      const second = await connectDatabase({ kind: 'pglite', dataDir });
      await second.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
