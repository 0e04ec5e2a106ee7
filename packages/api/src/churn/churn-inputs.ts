import { sql } from 'kysely';
import { churnEventFeatures, type CellValue, type ColumnChunk } from '@tagwise/engine';
import type { CustomerRow, JsonScalar } from '../customers/customer.table.ts';
import type { Db } from '../db/database.ts';
import type { ProblemFieldError } from '../http/problem.ts';
import { loadCustomersEventLog } from '../events/event-log.ts';
import type { ChurnFeatureSchema, ChurnInput, ChurnTrainParams } from './churn-params.ts';

/** Feature names present in any stored feature set of the workspace, sorted. */
export async function storedFeatureNames(db: Db, workspaceId: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT DISTINCT jsonb_object_keys(features) AS name FROM customers
     WHERE workspace_id = ${workspaceId} AND jsonb_typeof(features) = 'object'
     ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

/** Attribute names present on any customer of the workspace, sorted. */
export async function attributeNames(db: Db, workspaceId: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT DISTINCT jsonb_object_keys(attributes) AS name FROM customers
     WHERE workspace_id = ${workspaceId}
     ORDER BY name`.execute(db);
  return rows.map((r) => r.name);
}

export interface ResolvedInputs {
  readonly behavioural: string[];
  readonly attributes: string[];
  readonly errors: ProblemFieldError[];
}

const listed = (names: readonly string[], max = 30): string =>
  names.length === 0
    ? '(none)'
    : names.slice(0, max).join(', ') + (names.length > max ? `, ... (${names.length})` : '');

/**
 * Resolves the requested inputs against what the workspace has: `all` expands, listed names
 * must exist, the label column is never an input, and a name may come from one source only.
 * `available.behavioural` is `undefined` when it is not known yet (event features of a time
 * split exist only once computed): listed names then pass unchecked.
 */
export function resolveInputNames(
  params: Pick<ChurnTrainParams, 'label' | 'features'>,
  available: { behavioural: readonly string[] | undefined; attributes: readonly string[] },
): ResolvedInputs {
  const errors: ProblemFieldError[] = [];
  const labelColumn = params.label.kind === 'column' ? params.label.column : undefined;
  const behaviouralSource = params.label.kind === 'column' ? 'stored feature' : 'event feature';
  const pick = (
    request: 'all' | string[],
    known: readonly string[] | undefined,
    path: string,
    what: string,
    hint: string,
  ): string[] => {
    if (request === 'all') return [...(known ?? [])].filter((name) => name !== labelColumn);
    const names = [...new Set(request)];
    names.forEach((name) => {
      const at = `${path}.${request.indexOf(name)}`;
      if (name === labelColumn) {
        errors.push({ path: at, message: `"${name}" is the label column; it cannot be an input` });
      } else if (known !== undefined && !known.includes(name)) {
        errors.push({
          path: at,
          message: `unknown ${what} "${name}"; ${known.length === 0 ? hint : `available: ${listed(known)}`}`,
        });
      }
    });
    return names;
  };
  const behavioural = pick(
    params.features?.behavioural ?? 'all',
    available.behavioural,
    'features.behavioural',
    behaviouralSource,
    params.label.kind === 'column'
      ? 'no customer has stored features yet: run a feature-refresh job first'
      : 'no event features could be computed',
  );
  const attributes = pick(
    params.features?.attributes ?? (params.label.kind === 'column' ? 'all' : []),
    available.attributes,
    'features.attributes',
    'attribute',
    'no customer has attributes',
  );
  const both = attributes.filter((name) => behavioural.includes(name));
  if (both.length > 0) {
    errors.push({
      path: 'features.attributes',
      message: `${listed(both)} ${both.length === 1 ? 'is' : 'are'} both an attribute and a behavioural feature; choose each in one list only`,
    });
  }
  // `all` of a not yet known set may still be non-empty: the job checks it.
  const pending =
    available.behavioural === undefined && (params.features?.behavioural ?? 'all') === 'all';
  if (errors.length === 0 && !pending && behavioural.length + attributes.length === 0) {
    errors.push({
      path: 'features',
      message: 'no inputs are selected: name features or attributes',
    });
  }
  return { behavioural, attributes, errors };
}

/** A numeric cell as the engine reads it; unreadable text counts as missing. */
function numericCell(value: JsonScalar | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value.trim());
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

function isMissingCell(value: CellValue): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/** A block of customers ready for `scoreChurnChunk`, plus those that cannot be scored. */
export interface ScoringBatch {
  /** Internal ids of the scorable customers, in input order; row i of `chunk` is `customerIds[i]`. */
  readonly customerIds: number[];
  readonly chunk: ColumnChunk;
  readonly skipped: { customerId: number; reason: string }[];
}

const NO_PURCHASE = 'no purchase before the cut-off (the model scores active customers only)';
const NO_INPUTS = "none of the model's inputs has a value (run feature-refresh, or add attributes)";

/**
 * Builds a model's inputs for a batch of stored customers: behavioural features from the
 * stored features, or recomputed from the batch's events as of `asOf` (time-split models),
 * and attributes. A customer is skipped when a time-split model cannot see a purchase of
 * theirs before `asOf`, or when none of the inputs has a value.
 */
export async function buildScoringBatch(
  db: Db,
  schema: ChurnFeatureSchema,
  customers: readonly Pick<CustomerRow, 'id' | 'attributes' | 'features'>[],
  asOf: Date,
): Promise<ScoringBatch> {
  let eventValue: ((customer: number, input: ChurnInput) => number) | undefined;
  let hasEvents: (customer: number) => boolean = () => true;
  if (schema.behaviouralSource === 'events') {
    const log = await loadCustomersEventLog(
      db,
      customers.map((c) => c.id),
    );
    const table =
      log === undefined
        ? undefined
        : churnEventFeatures(log, {
            asOf: asOf.getTime(),
            ...(schema.windowDays === null ? {} : { windowDays: schema.windowDays }),
          });
    const rowOf = new Map(table?.ids.map((id, row) => [Number(id), row]) ?? []);
    const columnOf = new Map(table?.names.map((name, col) => [name, col]) ?? []);
    hasEvents = (customer) => rowOf.has(customer);
    eventValue = (customer, input) => {
      const col = columnOf.get(input.name);
      // Optional columns (products, categories, unit price) exist only when the batch's
      // events carry that data; a customer without such data has 0 of them.
      if (table === undefined || col === undefined) return 0;
      return table.matrix.data[rowOf.get(customer)! * table.matrix.cols + col]!;
    };
  }
  const columns: Record<string, CellValue[]> = {};
  for (const input of schema.inputs) columns[input.name] = [];
  const customerIds: number[] = [];
  const skipped: { customerId: number; reason: string }[] = [];
  const values: CellValue[] = new Array<CellValue>(schema.inputs.length);
  for (const customer of customers) {
    if (!hasEvents(customer.id)) {
      skipped.push({ customerId: customer.id, reason: NO_PURCHASE });
      continue;
    }
    let present = 0;
    schema.inputs.forEach((input, i) => {
      let value: CellValue;
      if (input.from === 'attribute') value = customer.attributes[input.name];
      else if (eventValue !== undefined) value = eventValue(customer.id, input);
      else value = customer.features?.[input.name];
      if (input.kind === 'numeric') value = numericCell(value as JsonScalar | undefined);
      else if (isMissingCell(value)) value = null;
      if (value !== null) present++;
      values[i] = value ?? null;
    });
    if (present === 0) {
      skipped.push({ customerId: customer.id, reason: NO_INPUTS });
      continue;
    }
    schema.inputs.forEach((input, i) => columns[input.name]!.push(values[i]));
    customerIds.push(customer.id);
  }
  return { customerIds, chunk: { length: customerIds.length, columns }, skipped };
}
