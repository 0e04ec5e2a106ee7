import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';
import type { Factor, SuggestionSource } from '@tagwise/engine';

export const SUGGESTION_STATUSES = [
  'pending',
  'accepted',
  'rejected',
  'auto_accepted',
  'superseded',
] as const;
/**
 * `superseded`: a newer source version suggested the same tag to the same customer while
 * this one was still pending (it leaves the queue; the newer one stands).
 */
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];

/** Why a suggestion was made: the top contributing features and one sentence. */
export interface SuggestionExplanation {
  readonly factors: readonly Factor[];
  readonly text: string;
}

export interface SuggestionTable {
  id: Generated<string>;
  workspace_id: string;
  customer_id: number;
  tag_id: string;
  source: SuggestionSource;
  source_version: string;
  confidence: number;
  explanation: JSONColumnType<SuggestionExplanation, string, string>;
  status: Generated<SuggestionStatus>;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
  job_id: string | null;
  created_at: ColumnType<Date, never, never>;
}

export interface SuggestionPolicyTable {
  workspace_id: string;
  review_from: number;
  auto_accept_from: number;
  updated_by: string | null;
  updated_at: ColumnType<Date, never, Date | string>;
}

export type SuggestionRow = Selectable<SuggestionTable>;
export type NewSuggestionRow = Insertable<SuggestionTable>;
