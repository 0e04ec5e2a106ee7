import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { swaggerUI } from '@hono/swagger-ui';
import { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import { PROBLEM_TYPES, problemBody, problemResponse, type ProblemSlug } from './problem.ts';

const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const;

const assetDir = (): string =>
  dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/**
 * `/docs` (Swagger UI over `/openapi.json`, its assets served from the swagger-ui-dist
 * package so the page works offline) and `/problems/{slug}` (what each problem type means).
 * The docs page names no icon, so browsers ask for `/favicon.ico`: it points them to the
 * workbench's icon.
 */
export function docsRoutes(): Hono<AppEnv> {
  const cache = new Map<string, Uint8Array>();
  return new Hono<AppEnv>()
    .get(
      '/docs',
      swaggerUI({
        url: '/openapi.json',
        baseUrl: '/docs/assets',
        title: 'Tagwise API',
        persistAuthorization: true,
      }),
    )
    .get('/docs/assets/swagger-ui-dist/:file', async (c) => {
      const file = c.req.param('file');
      if (!(file in ASSETS)) return c.notFound();
      let bytes = cache.get(file);
      if (bytes === undefined) {
        bytes = new Uint8Array(await readFile(join(assetDir(), file)));
        cache.set(file, bytes);
      }
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': ASSETS[file as keyof typeof ASSETS],
        'cache-control': 'public, max-age=86400',
      });
    })
    .get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301))
    .get('/problems/:slug', (c) => {
      const slug = c.req.param('slug');
      if (!(slug in PROBLEM_TYPES)) {
        return problemResponse(
          problemBody('not-found', `no problem type "${slug}"`, c.get('requestId')),
        );
      }
      const type = PROBLEM_TYPES[slug as ProblemSlug];
      return c.json({ type: `/problems/${slug}`, title: type.title, status: type.status });
    });
}
