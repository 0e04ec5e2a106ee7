import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  connectDatabase,
  createJsonLogger,
  parseConfig,
  startServer,
  type DatabaseTarget,
} from '@tagwise/api';

/**
 * The server side of the API benchmark, in its own process so the load generator does not
 * share its event loop: the Tagwise app and, beside it on the same database handle, the
 * baseline — a bare Hono handler doing one indexed lookup. Prints the two ports as JSON.
 *
 * Usage: tsx api-bench-server.ts '<DatabaseTarget JSON>' <bootstrap key>
 */
const [targetJson, bootstrapKey] = process.argv.slice(2);
const target = JSON.parse(targetJson!) as DatabaseTarget;
const database = await connectDatabase(target);
const quiet = { write: () => true };
const tagwise = await startServer(parseConfig({ PORT: '0', TAGWISE_BOOTSTRAP_KEY: bootstrapKey }), {
  database,
  logger: createJsonLogger(quiet, process.stderr),
});

const bare = new Hono().get('/lookup/:workspaceId/:externalId', async (c) => {
  const row = await database.db
    .selectFrom('customers')
    .select(['id', 'external_id', 'attributes', 'features', 'features_as_of', 'updated_at'])
    .where('workspace_id', '=', c.req.param('workspaceId'))
    .where('external_id', '=', c.req.param('externalId'))
    .executeTakeFirst();
  return row ? c.json(row) : c.json({ error: 'not found' }, 404);
});
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => bareServer.once('listening', resolve));

process.stdout.write(
  `${JSON.stringify({ tagwisePort: tagwise.port, barePort: (bareServer.address() as AddressInfo).port })}\n`,
);
process.on('SIGTERM', () => {
  bareServer.close();
  void tagwise
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
