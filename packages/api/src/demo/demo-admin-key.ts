import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { systemContext } from '../audit/change-hooks.ts';
import type { Db } from '../db/database.ts';
import { authenticateKey, issueKey } from '../keys/api-key.service.ts';

/**
 * The admin key `tagwise start` prints: kept in a file readable only by its owner, so every
 * start can show it again (the database holds only its hash). A key that no longer
 * authenticates (revoked, or a new database) is replaced.
 */
export async function demoAdminKey(db: Db, keyFile: string): Promise<string> {
  const saved = await readFile(keyFile, 'utf8').then(
    (text) => text.trim(),
    () => undefined,
  );
  if (saved !== undefined && (await authenticateKey(db, saved))?.role === 'admin') return saved;
  const { secret } = await issueKey(systemContext(db), { role: 'admin', name: 'tagwise start' });
  await mkdir(dirname(keyFile), { recursive: true });
  await writeFile(keyFile, `${secret}\n`, { mode: 0o600 });
  return secret;
}
