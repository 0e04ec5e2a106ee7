import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';

/** Where `pnpm build` puts the workbench (packages/workbench/build). */
export const WORKBENCH_BUILD_DIR = fileURLToPath(
  new URL('../../../workbench/build', import.meta.url),
);

/** Paths that belong to the API: never answered with workbench files. */
const API_PREFIXES = ['/v1/', '/v1', '/openapi.json', '/docs', '/healthz', '/readyz', '/problems/'];

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

async function fileAt(path: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

function fileResponse(file: { path: string; size: number }, head: boolean, immutable: boolean) {
  const headers = {
    'content-type': CONTENT_TYPES[extname(file.path)] ?? 'application/octet-stream',
    'content-length': String(file.size),
    // Hashed bundle files never change; index.html must be re-read to find new bundles.
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  const body = head
    ? null
    : (Readable.toWeb(createReadStream(file.path)) as unknown as ReadableStream<Uint8Array>);
  return new Response(body, { status: 200, headers });
}

/**
 * Serves the built workbench (a static single-page app) for GET/HEAD requests that are not
 * API paths: an existing file as it is, any other page path as `index.html` (the app routes
 * in the browser). Registered last, so every API route answers first; when the workbench is
 * not built, requests fall through to the 404 problem.
 */
export function workbenchStatic(root: string = WORKBENCH_BUILD_DIR): MiddlewareHandler<AppEnv> {
  const base = resolve(root);
  return async (c, next) => {
    const method = c.req.method;
    const path = c.req.path;
    if (
      (method !== 'GET' && method !== 'HEAD') ||
      API_PREFIXES.some(
        (prefix) =>
          path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`),
      )
    ) {
      return next();
    }
    let relative: string;
    try {
      relative = decodeURIComponent(path);
    } catch {
      return next();
    }
    const target = resolve(join(base, relative));
    if (target !== base && !target.startsWith(base + sep)) return next();
    const head = method === 'HEAD';
    const file = await fileAt(target);
    if (file !== undefined)
      return fileResponse(file, head, relative.startsWith('/_app/immutable/'));
    // A page path (no extension): the single-page app decides what to show.
    if (extname(relative) === '' || relative.endsWith('.html')) {
      const index = await fileAt(join(base, 'index.html'));
      if (index !== undefined) return fileResponse(index, head, false);
    }
    return next();
  };
}
