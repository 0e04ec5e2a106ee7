import type { ColumnType } from 'kysely';

/** How many times a tag was read through the API on one UTC day (a customer's held tags read). */
export interface TagReadTable {
  tag_id: string;
  /**
   * A UTC calendar day. node-postgres parses `date` as local midnight and PGlite as UTC
   * midnight, so reports read it as text (`to_char(day, 'YYYY-MM-DD')`), never as a Date.
   */
  day: ColumnType<Date, string, string>;
  reads: number;
}
