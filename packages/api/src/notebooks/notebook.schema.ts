import { z } from '@hono/zod-openapi';
import { MAX_VERSION, WorkspaceParams } from '../http/params.ts';

/**
 * The cell types the workbench knows. Storage does not interpret them beyond validation:
 * a new cell type is one entry here and one in the workbench registry.
 */
export const CELL_TYPES = [
  'markdown',
  'data',
  'cluster',
  'profiles',
  'churn',
  'review',
  'segment',
  'report',
] as const;
export type CellType = (typeof CELL_TYPES)[number];

export const CELL_STATUSES = ['idle', 'running', 'done', 'stale', 'error'] as const;

/** Limits that keep one notebook a small document. */
export const NOTEBOOK_LIMITS = {
  cells: 200,
  inputsPerCell: 10,
  /** The JSON of all cells together. */
  cellsBytes: 1024 * 1024,
  /** The JSON of one cell's config. */
  configBytes: 64 * 1024,
} as const;

export const CellIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_"')
  .openapi({ example: 'c1' });

export const CellOutputSchema = z
  .object({
    refs: z.record(z.string().min(1).max(64), z.string().max(200)).openapi({
      description:
        'Ids of what the result lives in, e.g. `{jobId, runId}` or `{modelId}`: reopening the notebook fetches them instead of recomputing',
      example: { jobId: '9b2e…', runId: '4f1a…' },
    }),
    basedOn: z.record(CellIdSchema, z.string().max(1000)).openapi({
      description:
        "For each input cell, the identity of that cell's output this result was computed from; a different identity now means the result is stale",
    }),
    producedAt: z.string().max(40),
  })
  .strict()
  .openapi('NotebookCellOutput');

export const NotebookCellSchema = z
  .object({
    id: CellIdSchema,
    type: z.enum(CELL_TYPES),
    title: z.string().max(200),
    collapsed: z.boolean(),
    inputs: z.array(CellIdSchema).max(NOTEBOOK_LIMITS.inputsPerCell).openapi({
      description: 'Cells whose output this cell reads (no cycles)',
    }),
    config: z.record(z.string().max(100), z.unknown()).openapi({
      description: "The cell's settings (its type defines them), e.g. features, k range, seed",
    }),
    output: CellOutputSchema.nullable(),
    status: z.enum(CELL_STATUSES),
    error: z
      .string()
      .max(4000)
      .nullable()
      .openapi({ description: 'The readable problem detail of the last failure' }),
  })
  .strict()
  .openapi('NotebookCell');

export type NotebookCell = z.infer<typeof NotebookCellSchema>;

export const NotebookCellsSchema = z.array(NotebookCellSchema).max(NOTEBOOK_LIMITS.cells);

const TitleSchema = z.string().trim().min(1).max(200).openapi({ example: 'Q3 retail segments' });

export const NotebookSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    cells: z.array(NotebookCellSchema),
    version: z.number().int().openapi({ description: 'Send it back with every change' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    updatedBy: z
      .string()
      .nullable()
      .openapi({ description: 'Name of the key that made the last change' }),
  })
  .openapi('Notebook');

export type NotebookView = z.infer<typeof NotebookSchema>;

export const NotebookSummarySchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    cellCount: z.number().int(),
    cellTypes: z.array(z.enum(CELL_TYPES)).openapi({ description: 'Distinct, in order of use' }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('NotebookSummary');

export type NotebookSummaryView = z.infer<typeof NotebookSummarySchema>;

export const CreateNotebookSchema = z
  .object({
    title: TitleSchema,
    cells: NotebookCellsSchema.default([]),
  })
  .strict()
  .openapi('CreateNotebook');

export const PatchNotebookSchema = z
  .object({
    version: z.number().int().min(1).max(MAX_VERSION).openapi({
      description: 'The version this change is based on; another version answers 409',
    }),
    title: TitleSchema.optional(),
    cells: NotebookCellsSchema.optional(),
  })
  .strict()
  .refine((patch) => patch.title !== undefined || patch.cells !== undefined, {
    message: 'give a title and/or cells to change',
  })
  .openapi('PatchNotebook');

export type PatchNotebookInput = z.infer<typeof PatchNotebookSchema>;

export const DuplicateNotebookSchema = z
  .object({ title: TitleSchema.optional() })
  .strict()
  .openapi('DuplicateNotebook');

export const NotebookParams = WorkspaceParams.extend({
  notebookId: z.uuid().openapi({ param: { name: 'notebookId', in: 'path' } }),
});
