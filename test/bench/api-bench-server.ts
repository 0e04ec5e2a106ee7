import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  connectDatabase,
  namedStatement,
  runNamedStatement,
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

// The workspace id is resolved once, so each request makes exactly one indexed lookup.
const workspaceIds = new Map<string, string>();
async function workspaceIdOf(slug: string): Promise<string> {
  let workspaceId = workspaceIds.get(slug);
  if (workspaceId === undefined) {
    const workspace = await database.db
      .selectFrom('workspaces')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    workspaceId = workspace.id;
    workspaceIds.set(slug, workspaceId);
  }
  return workspaceId;
}
const bare = new Hono().get('/lookup/:workspace/:externalId', async (c) => {
  const row = await database.db
    .selectFrom('customers')
    .select(['id', 'external_id', 'attributes', 'features', 'features_as_of', 'updated_at'])
    .where('workspace_id', '=', await workspaceIdOf(c.req.param('workspace')))
    .where('external_id', '=', c.req.param('externalId'))
    .executeTakeFirst();
  return row ? c.json(row) : c.json({ error: 'not found' }, 404);
});
// The same lookup as a named prepared statement, the way Tagwise runs its hot reads.
const CUSTOMER_BY_EXTERNAL_ID = namedStatement(
  'bench_customer_by_external_id',
  `SELECT id, external_id, attributes, features, features_as_of, updated_at
     FROM customers WHERE workspace_id = $1::uuid AND external_id = $2::text`,
);
bare.get('/prepared/:workspace/:externalId', async (c) => {
  const [row] = await runNamedStatement(database.db, CUSTOMER_BY_EXTERNAL_ID, [
    await workspaceIdOf(c.req.param('workspace')),
    c.req.param('externalId'),
  ]);
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
