import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';
import { connectDatabase } from './db/connect.ts';
import { createMemoryLogger } from './logger.ts';
import { PortUnavailableError, startServer } from './server.ts';

describe('startServer', () => {
  it('says the port is taken, and lets go of the embedded database it opened', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '0.0.0.0', resolve));
    const { port } = taken.address() as AddressInfo;
    const root = await mkdtemp(join(tmpdir(), 'tagwise-server-'));
    try {
      const dataDir = join(root, 'data');
      const starting = startServer(parseConfig({ PORT: String(port), TAGWISE_DATA_DIR: dataDir }), {
        logger: createMemoryLogger(),
        worker: false,
      });
      await expect(starting).rejects.toBeInstanceOf(PortUnavailableError);
      await expect(starting).rejects.toThrow(
        `port ${port} is in use by another program; set PORT to a free one`,
      );
      // The database was closed and its lock released: it opens again.
      await (await connectDatabase({ kind: 'pglite', dataDir })).close();
    } finally {
      taken.close();
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);
});
