import type { Component } from 'svelte';
import type { Cell, CellType } from '$lib/notebook/cell.ts';
import ChurnCell from './ChurnCell.svelte';
import ClusterCell from './ClusterCell.svelte';
import DataCell from './DataCell.svelte';
import MarkdownCell from './MarkdownCell.svelte';
import ProfilesCell from './ProfilesCell.svelte';
import ReportCell from './ReportCell.svelte';
import ReviewCell from './ReviewCell.svelte';
import SegmentCell from './SegmentCell.svelte';

export interface CellProps {
  cell: Cell;
  canEdit: boolean;
}

/** The component of each cell type (metadata lives in `cell-registry.ts`). */
export const CELL_COMPONENTS: Record<CellType, Component<CellProps>> = {
  markdown: MarkdownCell,
  data: DataCell,
  cluster: ClusterCell,
  profiles: ProfilesCell,
  churn: ChurnCell,
  review: ReviewCell,
  segment: SegmentCell,
  report: ReportCell,
};

/** The types the "Add cell" menu offers, in menu order. */
export const ADDABLE_TYPES: readonly CellType[] = [
  'markdown',
  'data',
  'cluster',
  'profiles',
  'churn',
  'review',
  'segment',
  'report',
];
