import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectDatabase, DatabaseUnavailableError } from './connect.ts';

describe('connectDatabase', () => {
  it('names the embedded directory it cannot open, and why', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tagwise-connect-'));
    try {
      const file = join(root, 'a-file');
      await writeFile(file, '');
      const opening = connectDatabase({ kind: 'pglite', dataDir: join(file, 'data') });
      await expect(opening).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(opening).rejects.toThrow(
        `cannot open the embedded database in ${join(file, 'data')}: ENOTDIR`,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('names the PostgreSQL server it cannot reach at once, with the password masked', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused.
    const reaching = connectDatabase({
      kind: 'postgres',
      url: 'postgres://tagwise:s3cret@127.0.0.1:1/tagwise',
    });
    await expect(reaching).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(reaching).rejects.toThrow(
      'cannot reach the PostgreSQL server at postgres://tagwise:***@127.0.0.1:1/tagwise: connect ECONNREFUSED',
    );
    await expect(reaching).rejects.not.toThrow('s3cret');
  });
});
