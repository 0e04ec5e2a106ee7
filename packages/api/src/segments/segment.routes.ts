import { z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { workspaceOf } from '../http/app-env.ts';
import type { AppDeps } from '../http/app-deps.ts';
import { pageQuerySchema, pageSchema } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { createRouter, defineRoute } from '../http/route.ts';
import { serviceContext } from '../http/service-context.ts';
import { ALL_ROLES } from '../keys/roles.ts';
import { errorFields } from '../logger.ts';
import { EXPORT_TAG_SEPARATOR, segmentCsvChunks } from './segment-export.ts';
import {
  ChangedCustomerSchema,
  CreateSegmentSchema,
  MemberSchema,
  PatchSegmentSchema,
  PreviewSegmentSchema,
  SegmentChangeSchema,
  SegmentParams,
  SegmentPreviewSchema,
  SegmentSchema,
  SegmentSnapshotSchema,
  SnapshotParams,
} from './segment.schema.ts';
import {
  createSegment,
  getSegment,
  getSegmentView,
  listSegmentViews,
  patchSegment,
  previewSegment,
  removeSegment,
  segmentMembersPage,
} from './segment.service.ts';
import { snapshotChangesPage, snapshotViews, takeSnapshot } from './segment-snapshot.service.ts';

const EDITORS = ['admin', 'analyst'] as const;
const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const previewRoute = defineRoute(ALL_ROLES, {
  method: 'post',
  path: '/workspaces/{workspace}/segments/preview',
  tags: ['segments'],
  summary: 'Count and sample the customers an unsaved expression selects',
  description:
    'For a live count while editing. Unknown tags or features, and risk bands the current churn model does not assign, are a 422 naming the path.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: json(PreviewSegmentSchema) },
  },
  responses: { 200: { description: 'Count and sample', content: json(SegmentPreviewSchema) } },
});

const listRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/segments',
  tags: ['segments'],
  summary: 'List segments by slug',
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'Every segment',
      content: json(z.object({ items: z.array(SegmentSchema) }).openapi('SegmentList')),
    },
  },
});

const createRoute = defineRoute(EDITORS, {
  method: 'post',
  path: '/workspaces/{workspace}/segments',
  tags: ['segments'],
  summary: 'Save a segment',
  description: 'The slug follows the tag naming standard; a 422 proposes one that does.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: json(CreateSegmentSchema) },
  },
  responses: {
    201: { description: 'Created', content: json(SegmentSchema) },
    409: { description: 'The slug is taken' },
  },
});

const getRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/segments/{segment}',
  tags: ['segments'],
  summary: 'Get a segment by slug',
  request: { params: SegmentParams },
  responses: { 200: { description: 'The segment', content: json(SegmentSchema) } },
});

const patchRoute = defineRoute(EDITORS, {
  method: 'patch',
  path: '/workspaces/{workspace}/segments/{segment}',
  tags: ['segments'],
  summary: "Change a segment's name, description or expression (audited)",
  request: { params: SegmentParams, body: { required: true, content: json(PatchSegmentSchema) } },
  responses: { 200: { description: 'The segment', content: json(SegmentSchema) } },
});

const deleteRoute = defineRoute(EDITORS, {
  method: 'delete',
  path: '/workspaces/{workspace}/segments/{segment}',
  tags: ['segments'],
  summary: 'Delete a segment with its snapshots',
  request: { params: SegmentParams },
  responses: { 204: { description: 'Deleted' } },
});

const membersRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/segments/{segment}/members',
  tags: ['segments'],
  summary: "The segment's members now, by internal customer id (keyset pages)",
  request: { params: SegmentParams, query: pageQuerySchema(1000) },
  responses: {
    200: {
      description: 'One page of members',
      content: json(pageSchema(MemberSchema, 'SegmentMemberPage')),
    },
  },
});

const exportRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/segments/{segment}/export.csv',
  tags: ['segments'],
  summary: "Download the segment's members now as CSV (streamed)",
  description: `Columns external_id, churn_probability (empty when not scored), risk_band, tags (slugs joined by "${EXPORT_TAG_SEPARATOR}"). Streamed in chunks, so any size exports in bounded memory.`,
  request: { params: SegmentParams },
  responses: {
    200: { description: 'The members', content: { 'text/csv': { schema: z.string() } } },
  },
});

const takeSnapshotRoute = defineRoute(EDITORS, {
  method: 'post',
  path: '/workspaces/{workspace}/segments/{segment}/snapshots',
  tags: ['segments'],
  summary: 'Snapshot the segment now: its size and who entered or left since the last snapshot',
  description:
    'Fires `segment.entered` and `segment.left` webhook events. The first snapshot counts every member as entered. The `segment-snapshot` job snapshots many segments at once.',
  request: { params: SegmentParams },
  responses: { 201: { description: 'The snapshot', content: json(SegmentSnapshotSchema) } },
});

const listSnapshotsRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/segments/{segment}/snapshots',
  tags: ['segments'],
  summary: "The segment's snapshots, oldest first (its size over time)",
  request: { params: SegmentParams },
  responses: {
    200: {
      description: 'Every snapshot',
      content: json(
        z.object({ items: z.array(SegmentSnapshotSchema) }).openapi('SegmentSnapshotList'),
      ),
    },
  },
});

const changesRoute = defineRoute(ALL_ROLES, {
  method: 'get',
  path: '/workspaces/{workspace}/segments/{segment}/snapshots/{snapshotId}/changes',
  tags: ['segments'],
  summary: 'Who entered or left the segment at a snapshot (keyset pages)',
  request: {
    params: SnapshotParams,
    query: pageQuerySchema(1000).extend({ change: SegmentChangeSchema }),
  },
  responses: {
    200: {
      description: 'One page of customers',
      content: json(pageSchema(ChangedCustomerSchema, 'SegmentChangePage')),
    },
  },
});

/** `/v1/workspaces/{workspace}/segments`. */
export function segmentRoutes(deps: AppDeps) {
  const changeHooks = deps.changeHooks ?? [];
  return createRouter()
    .openapi(previewRoute, async (c) => {
      const { expression } = c.req.valid('json');
      return c.json(await previewSegment(deps.db, workspaceOf(c), expression), 200);
    })
    .openapi(listRoute, async (c) =>
      c.json({ items: await listSegmentViews(deps.db, workspaceOf(c)) }, 200),
    )
    .openapi(createRoute, async (c) => {
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await createSegment(ctx, workspaceOf(c), c.req.valid('json')), 201);
    })
    .openapi(getRoute, async (c) => {
      const { segment } = c.req.valid('param');
      return c.json(await getSegmentView(deps.db, workspaceOf(c), segment), 200);
    })
    .openapi(patchRoute, async (c) => {
      const { segment } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await patchSegment(ctx, workspaceOf(c), segment, c.req.valid('json')), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { segment } = c.req.valid('param');
      await removeSegment(serviceContext(c, deps.db, changeHooks), workspaceOf(c), segment);
      return c.body(null, 204);
    })
    .openapi(membersRoute, async (c) => {
      const { segment } = c.req.valid('param');
      return c.json(
        await segmentMembersPage(deps.db, workspaceOf(c), segment, c.req.valid('query')),
        200,
      );
    })
    .openapi(exportRoute, async (c) => {
      const workspace = workspaceOf(c);
      const segment = await getSegment(deps.db, workspace, c.req.valid('param').segment); // 404 before streaming
      c.header('content-type', 'text/csv; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${segment.slug}.csv"`);
      return stream(
        c,
        async (out) => {
          for await (const text of segmentCsvChunks(deps.db, workspace.id, segment.expression)) {
            if (out.aborted) break;
            await out.write(text);
          }
        },
        async (error) => {
          // The status line is sent: the client sees a truncated download, the log says why.
          deps.logger.error({
            msg: 'segment export failed mid-stream',
            requestId: c.get('requestId'),
            segment: segment.slug,
            ...errorFields(error),
          });
        },
      ) as unknown as ReturnType<typeof c.text>;
    })
    .openapi(takeSnapshotRoute, async (c) => {
      const { segment } = c.req.valid('param');
      const ctx = serviceContext(c, deps.db, changeHooks);
      return c.json(await takeSnapshot(ctx, workspaceOf(c), segment), 201);
    })
    .openapi(listSnapshotsRoute, async (c) => {
      const { segment } = c.req.valid('param');
      return c.json({ items: await snapshotViews(deps.db, workspaceOf(c), segment) }, 200);
    })
    .openapi(changesRoute, async (c) => {
      const { segment, snapshotId } = c.req.valid('param');
      const page = await snapshotChangesPage(
        deps.db,
        workspaceOf(c),
        segment,
        snapshotId,
        c.req.valid('query'),
      );
      return c.json(page, 200);
    });
}
