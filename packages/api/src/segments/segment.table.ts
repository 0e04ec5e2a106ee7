import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type { SegmentExpression } from './segment-expression.ts';

/** A named, saved segment expression. */
export interface SegmentTable {
  id: Generated<string>;
  workspace_id: string;
  /** Follows the tag naming standard; unique per workspace. */
  slug: string;
  name: string;
  description: Generated<string>;
  expression: JSONColumnType<SegmentExpression, string, string>;
  created_by: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date | string>;
}

/** One evaluation of a segment with its diff against the previous one. */
export interface SegmentSnapshotTable {
  id: Generated<string>;
  segment_id: string;
  workspace_id: string;
  expression: JSONColumnType<SegmentExpression, string, never>;
  taken_at: ColumnType<Date, never, never>;
  size: number;
  entered_count: number;
  left_count: number;
  job_id: string | null;
}

/** A member of a segment's latest snapshot. */
export interface SegmentMemberTable {
  snapshot_id: string;
  customer_id: number;
}

export const SEGMENT_CHANGES = ['entered', 'left'] as const;
export type SegmentChange = (typeof SEGMENT_CHANGES)[number];

/** A customer who entered or left the segment at a snapshot. */
export interface SegmentChangeTable {
  snapshot_id: string;
  change: SegmentChange;
  customer_id: number;
}

export type SegmentRow = Selectable<SegmentTable>;
export type SegmentSnapshotRow = Selectable<SegmentSnapshotTable>;
