import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable } from 'kysely';

export type JsonScalar = string | number | boolean | null;
/** Attribute values as ingested (CSV cells become numbers when they look like numbers). */
export type CustomerAttributes = Record<string, JsonScalar>;
/** Feature values as computed by the engine, by feature name. */
export type CustomerFeatures = Record<string, number | string | null>;

export interface CustomerTable {
  /** Compact internal id (later tables reference it; never exposed as the customer's name). */
  id: Generated<number>;
  workspace_id: string;
  /** The id the customer has in the client's systems; unique per workspace. */
  external_id: string;
  attributes: JSONColumnType<CustomerAttributes, string, string>;
  features: JSONColumnType<CustomerFeatures | null, string | null, string | null>;
  /** The cut-off time the stored features were computed as of. */
  features_as_of: Date | null;
  /** True when events or attributes changed after the features were computed. */
  features_stale: Generated<boolean>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, never, Date | string>;
}

export type CustomerRow = Selectable<CustomerTable>;
export type NewCustomerRow = Insertable<CustomerTable>;
