import { z } from '@hono/zod-openapi';
import { createRouter, defineRoute } from '../http/route.ts';
import type { ApiMetrics } from './metrics.ts';

const metricsRoute = defineRoute('public', {
  method: 'get',
  path: '/metrics',
  tags: ['operations'],
  summary: 'Prometheus metrics (text exposition format)',
  description:
    'Public, like most Prometheus targets: it holds only aggregates (requests by route pattern and status, job durations by kind, queue depth, failing webhook deliveries, process figures), no workspace, key or customer. Keep it off the public network with the proxy in front if that matters to you.',
  responses: {
    200: {
      description: 'The metrics',
      content: { 'text/plain': { schema: z.string() } },
    },
  },
});

/** `GET /metrics`. */
export function metricsRoutes(metrics: ApiMetrics) {
  return createRouter().openapi(metricsRoute, async (c) => {
    const text = await metrics.registry.metrics();
    return c.text(text, 200, { 'content-type': metrics.registry.contentType });
  });
}
