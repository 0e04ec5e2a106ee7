import { sql } from 'kysely';
import { z } from '@hono/zod-openapi';
import { migrationsAreCurrent } from '../db/migrations/index.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { ProblemError } from '../http/problem.ts';
import { createRouter, defineRoute } from '../http/route.ts';

const HealthSchema = z.object({ status: z.literal('ok') }).openapi('Health');
const ReadySchema = z
  .object({
    status: z.literal('ready'),
    checks: z.object({ database: z.string(), migrations: z.string(), startup: z.string() }),
  })
  .openapi('Ready');

const healthzRoute = defineRoute('public', {
  method: 'get',
  path: '/healthz',
  tags: ['health'],
  summary: 'The process is up (liveness)',
  responses: {
    200: { description: 'Up', content: { 'application/json': { schema: HealthSchema } } },
  },
});

const readyzRoute = defineRoute('public', {
  method: 'get',
  path: '/readyz',
  tags: ['health'],
  summary: 'Ready for traffic: database reachable, migrations current, startup work done',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: ReadySchema } } },
    503: { description: 'Not ready; `errors` lists the failing checks' },
  },
});

/** `/healthz` and `/readyz` (unversioned, no key needed). */
export function healthRoutes(deps: AppDeps) {
  let migrationsKnownCurrent = false;
  return createRouter()
    .openapi(healthzRoute, (c) => c.json({ status: 'ok' as const }, 200))
    .openapi(readyzRoute, async (c) => {
      const failures: { path: string; message: string }[] = [];
      try {
        await sql`SELECT 1`.execute(deps.db);
        if (!migrationsKnownCurrent) {
          migrationsKnownCurrent = await migrationsAreCurrent(deps.db);
          if (!migrationsKnownCurrent) {
            failures.push({
              path: 'migrations',
              message: 'pending migrations: run `tagwise db migrate`',
            });
          }
        }
      } catch (error) {
        failures.push({
          path: 'database',
          message: `unreachable: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      if (!deps.readiness.isReady()) {
        failures.push({ path: 'startup', message: deps.readiness.reason() || 'not ready' });
      }
      if (failures.length > 0) {
        throw new ProblemError(
          'not-ready',
          failures.map((f) => `${f.path}: ${f.message}`).join('; '),
          failures,
        );
      }
      return c.json(
        { status: 'ready' as const, checks: { database: 'ok', migrations: 'ok', startup: 'ok' } },
        200,
      );
    });
}
