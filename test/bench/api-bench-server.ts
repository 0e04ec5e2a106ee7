import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import {
  connectDatabase,
  namedStatement,
  runNamedStatement,
  parseConfig,
  startServer,
  type DatabaseTarget,
} from '@tagwise/api';
import { getCustomerChurn } from '../../packages/api/src/churn/churn.service.ts';
import { customerSuggestionsJson } from '../../packages/api/src/suggestions/suggestion.service.ts';
import type { WorkspaceRow } from '../../packages/api/src/workspaces/workspace.table.ts';

/**
 * The server side of the API benchmark, in its own process so the load generator does not
 * share its event loop: the Tagwise app and, beside it on the same database handle, the
 * baseline — a bare Hono handler doing one indexed lookup — and the two endpoints' service
 * calls on bare Hono. Sends the two ports to its parent over the IPC channel.
 *
 * Usage: tsx api-bench-server.ts '<DatabaseTarget JSON>' <bootstrap key>
 */
const [targetJson, bootstrapKey] = process.argv.slice(2);
const target = JSON.parse(targetJson!) as DatabaseTarget;
const database = await connectDatabase(target);
// The server's own logger: access-log lines go to stdout as it writes them (the bench reads and
// discards them), so writing them is part of what a request costs.
const tagwise = await startServer(parseConfig({ PORT: '0', TAGWISE_BOOTSTRAP_KEY: bootstrapKey }), {
  database,
});

// The workspace is resolved once, so each request makes exactly one indexed lookup.
const workspaces = new Map<string, WorkspaceRow>();
async function workspaceOf(slug: string): Promise<WorkspaceRow> {
  let workspace = workspaces.get(slug);
  if (workspace === undefined) {
    workspace = await database.db
      .selectFrom('workspaces')
      .selectAll()
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow();
    workspaces.set(slug, workspace);
  }
  return workspace;
}
const workspaceIdOf = async (slug: string) => (await workspaceOf(slug)).id;
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
// The two endpoints' own work (the service calls their routes make) without the app around
// them: the difference to the endpoints is what key checks, workspace scope, validation,
// routing among all routes, request ids, access log and metrics cost.
bare.get('/handler/:workspace/:externalId/churn', async (c) =>
  c.json(
    await getCustomerChurn(
      database.db,
      await workspaceOf(c.req.param('workspace')),
      c.req.param('externalId'),
    ),
  ),
);
bare.get('/handler/:workspace/:externalId/suggestions', async (c) => {
  const items = await customerSuggestionsJson(
    database.db,
    await workspaceOf(c.req.param('workspace')),
    c.req.param('externalId'),
    undefined,
  );
  return c.body(`{"items":${items}}`, 200, { 'content-type': 'application/json' });
});
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => bareServer.once('listening', resolve));

process.send!({ tagwisePort: tagwise.port, barePort: (bareServer.address() as AddressInfo).port });
process.on('SIGTERM', () => {
  bareServer.close();
  void tagwise
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
});
