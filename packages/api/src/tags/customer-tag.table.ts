import type { Generated, Insertable, Selectable } from 'kysely';

export const CUSTOMER_TAG_SOURCES = ['cluster', 'churn', 'rule', 'manual'] as const;
export type CustomerTagSource = (typeof CUSTOMER_TAG_SOURCES)[number];

/**
 * One holding of a tag by a customer. Rows are history: assigning inserts, removing sets
 * `removed_at`; nothing else is ever updated, so "who held tag X on date D" is
 * `assigned_at <= D AND (removed_at IS NULL OR removed_at > D)`.
 */
export interface CustomerTagTable {
  id: Generated<number>;
  workspace_id: string;
  customer_id: number;
  tag_id: string;
  source: CustomerTagSource;
  source_version: string | null;
  confidence: number | null;
  suggestion_id: string | null;
  /** The key that accepted it; `null` for the system (auto-accept). */
  assigned_by: string | null;
  assigned_at: Generated<Date>;
  /** Why a person assigned it by hand (suggestions carry their own explanation). */
  assignment_reason: string | null;
  removed_at: Date | null;
  removed_by: string | null;
  removal_reason: string | null;
}

export type CustomerTagRow = Selectable<CustomerTagTable>;
export type NewCustomerTagRow = Insertable<CustomerTagTable>;
