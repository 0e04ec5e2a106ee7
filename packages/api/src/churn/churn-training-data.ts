import { sql } from 'kysely';
import {
  churnDatasetFromEvents,
  churnDatasetFromRows,
  DAY_MS,
  type ChurnDataset,
  type CustomerRow as EngineRow,
} from '@tagwise/engine';
import { streamCustomers } from '../customers/customer.repository.ts';
import { chunks } from '../db/chunks.ts';
import type { Db } from '../db/database.ts';
import { parseTimestamp } from '../io/timestamp.ts';
import type { ProblemFieldError } from '../http/problem.ts';
import { PermanentJobError } from '../jobs/job-registry.ts';
import { attributeNames, resolveInputNames, storedFeatureNames } from './churn-inputs.ts';
import { loadWorkspaceEventLog } from '../events/event-log.ts';
import type { ChurnFeatureSchema, ChurnTrainParams } from './churn-params.ts';

/** A labelled data set read from the database, with how its inputs are rebuilt for scoring. */
export interface TrainingData {
  readonly dataset: ChurnDataset;
  readonly featureSchema: ChurnFeatureSchema;
  /** Customers left out of training, with why. */
  readonly excluded: { readonly reason: string; readonly count: number }[];
}

/** Reports loading progress (0..1 of the loading stage). */
export type LoadProgress = (fraction: number, message: string) => Promise<void>;

/** The time-split label column inside the rows handed to the engine (never an input). */
const TIME_SPLIT_LABEL = '__churned__';

/** Input problems as a job failure that retrying cannot fix. */
export class TrainingInputError extends PermanentJobError {
  constructor(readonly errors: readonly ProblemFieldError[]) {
    super(
      `invalid training inputs: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      'invalid-training-inputs',
    );
  }
}

/** Distinct values (trimmed text) of a customer attribute with their counts, most frequent first. */
export async function labelValueCounts(
  db: Db,
  workspaceId: string,
  column: string,
  limit = 11,
): Promise<{ value: string; count: number }[]> {
  const { rows } = await sql<{ value: string; count: number }>`
    SELECT btrim(attributes ->> ${column}) AS value, count(*)::int AS count FROM customers
     WHERE workspace_id = ${workspaceId} AND btrim(attributes ->> ${column}) <> ''
     GROUP BY 1 ORDER BY count DESC, value LIMIT ${limit}`.execute(db);
  return rows;
}

async function labelColumnErrors(
  db: Db,
  workspaceId: string,
  label: { column: string; positive?: string | undefined },
): Promise<ProblemFieldError[]> {
  const counts = await labelValueCounts(db, workspaceId, label.column);
  if (counts.length === 0) {
    return [{ path: 'label.column', message: `no customer has a value for "${label.column}"` }];
  }
  if (counts.length !== 2) {
    const shown = counts
      .slice(0, 10)
      .map((c) => `"${c.value}" (${c.count})`)
      .join(', ');
    return [
      {
        path: 'label.column',
        message: `"${label.column}" must have exactly two values to be a churn label; it has ${counts.length > 10 ? 'more than 10' : counts.length}: ${shown}`,
      },
    ];
  }
  if (label.positive !== undefined && !counts.some((c) => c.value === label.positive!.trim())) {
    return [
      {
        path: 'label.positive',
        message: `"${label.positive}" is not a value of "${label.column}"; its values are "${counts[0]!.value}" and "${counts[1]!.value}"`,
      },
    ];
  }
  return [];
}

async function timeSplitErrors(
  db: Db,
  workspaceId: string,
  label: { asOf: string; horizonDays: number },
): Promise<ProblemFieldError[]> {
  const asOf = parseTimestamp(label.asOf)!;
  const { rows } = await sql<{ last: Date | null; buyers: number }>`
    SELECT max(occurred_at) AS last,
           (SELECT count(DISTINCT customer_id)::int FROM events
             WHERE workspace_id = ${workspaceId} AND kind = 'purchase' AND occurred_at < ${asOf}) AS buyers
      FROM events WHERE workspace_id = ${workspaceId}`.execute(db);
  const { last, buyers } = rows[0]!;
  if (last === null) {
    return [{ path: 'label', message: 'the workspace has no events; a time split needs them' }];
  }
  const errors: ProblemFieldError[] = [];
  if (buyers === 0) {
    errors.push({
      path: 'label.asOf',
      message: `no customer made a purchase before ${asOf.toISOString()}`,
    });
  }
  const end = asOf.getTime() + label.horizonDays * DAY_MS;
  if (new Date(last).getTime() < end - DAY_MS) {
    errors.push({
      path: 'label.horizonDays',
      message: `the events end on ${new Date(last).toISOString().slice(0, 10)}, before the label window closes on ${new Date(end).toISOString().slice(0, 10)}; choose an earlier asOf or a shorter horizon`,
    });
  }
  return errors;
}

/**
 * Checks a training request against the workspace before a job is queued (cheap queries):
 * the label (a two-valued attribute, or events reaching past the label window) and the
 * input names. Event feature names of a time split are checked by the job, which computes them.
 */
export async function checkTrainingRequest(
  db: Db,
  workspaceId: string,
  params: ChurnTrainParams,
): Promise<ProblemFieldError[]> {
  const labelErrors =
    params.label.kind === 'column'
      ? await labelColumnErrors(db, workspaceId, params.label)
      : await timeSplitErrors(db, workspaceId, params.label);
  const behavioural =
    params.label.kind === 'column' ? await storedFeatureNames(db, workspaceId) : undefined;
  const { errors } = resolveInputNames(params, {
    behavioural,
    attributes: await attributeNames(db, workspaceId),
  });
  return [...labelErrors, ...errors];
}

function isMissing(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

function featureSchemaOf(
  dataset: ChurnDataset,
  behavioural: readonly string[],
  source: ChurnFeatureSchema['behaviouralSource'],
  windowDays: number | null,
): ChurnFeatureSchema {
  const fromFeatures = new Set(behavioural);
  return {
    behaviouralSource: source,
    windowDays,
    inputs: dataset.schema.columns.map((column) => ({
      name: column.name,
      from: fromFeatures.has(column.name) ? 'feature' : 'attribute',
      kind: column.kind,
    })),
    dropped: dataset.dropped,
  };
}

async function columnLabelData(
  db: Db,
  workspaceId: string,
  params: ChurnTrainParams & { label: { kind: 'column' } },
  progress: LoadProgress,
): Promise<TrainingData> {
  const { column, positive } = params.label;
  const { behavioural, attributes, errors } = resolveInputNames(params, {
    behavioural: await storedFeatureNames(db, workspaceId),
    attributes: await attributeNames(db, workspaceId),
  });
  if (errors.length > 0) throw new TrainingInputError(errors);
  const rows: EngineRow[] = [];
  let unlabelled = 0;
  for await (const batch of streamCustomers(db, workspaceId, { batchSize: 5000 })) {
    for (const customer of batch) {
      const label = customer.attributes[column];
      if (isMissing(label)) {
        unlabelled++;
        continue;
      }
      const row: Record<string, EngineRow[string]> = {};
      for (const name of behavioural) row[name] = customer.features?.[name] ?? null;
      for (const name of attributes) row[name] = customer.attributes[name] ?? null;
      row[column] = label;
      rows.push(row);
    }
    await progress(0, `read ${rows.length} labelled customers`);
  }
  if (rows.length === 0) {
    throw new TrainingInputError([
      { path: 'label.column', message: `no customer has a value for "${column}"` },
    ]);
  }
  const dataset = churnDatasetFromRows(rows, {
    label: column,
    ...(positive === undefined ? {} : { positive }),
  });
  return {
    dataset,
    featureSchema: featureSchemaOf(dataset, behavioural, 'stored', null),
    excluded: unlabelled > 0 ? [{ reason: `no value for "${column}"`, count: unlabelled }] : [],
  };
}

async function attributesOf(
  db: Db,
  workspaceId: string,
  ids: readonly number[],
): Promise<Map<number, Record<string, unknown>>> {
  const found = new Map<number, Record<string, unknown>>();
  for (const chunk of chunks(ids, 5000)) {
    const rows = await db
      .selectFrom('customers')
      .select(['id', 'attributes'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) found.set(row.id, row.attributes);
  }
  return found;
}

async function timeSplitData(
  db: Db,
  workspaceId: string,
  params: ChurnTrainParams & { label: { kind: 'time-split' } },
  progress: LoadProgress,
): Promise<TrainingData> {
  const asOf = parseTimestamp(params.label.asOf)!;
  const windowDays = params.windowDays ?? 90;
  const log = await loadWorkspaceEventLog(db, workspaceId, (loaded, total) =>
    progress(total === 0 ? 1 : loaded / total, `read ${loaded} of ${total} events`),
  );
  if (log.length === 0) {
    throw new TrainingInputError([
      { path: 'label', message: 'the workspace has no events; a time split needs them' },
    ]);
  }
  const events = churnDatasetFromEvents(log, {
    asOf: asOf.getTime(),
    horizonDays: params.label.horizonDays,
    windowDays,
  });
  const { behavioural, attributes, errors } = resolveInputNames(params, {
    behavioural: events.schema.columns.map((c) => c.name),
    attributes: await attributeNames(db, workspaceId),
  });
  if (attributes.includes(TIME_SPLIT_LABEL)) {
    errors.push({ path: 'features.attributes', message: `"${TIME_SPLIT_LABEL}" is reserved` });
  }
  if (errors.length > 0) throw new TrainingInputError(errors);
  const customerIds = events.ids.map(Number);
  const attributeRows =
    attributes.length === 0 ? undefined : await attributesOf(db, workspaceId, customerIds);
  const rows = events.rows.map((eventRow, i) => {
    const row: Record<string, EngineRow[string]> = {};
    for (const name of behavioural) row[name] = eventRow[name];
    const stored = attributeRows?.get(customerIds[i]!);
    for (const name of attributes) row[name] = (stored?.[name] as EngineRow[string]) ?? null;
    row[TIME_SPLIT_LABEL] = events.labels[i] === 1 ? '1' : '0';
    return row;
  });
  const dataset = churnDatasetFromRows(rows, { label: TIME_SPLIT_LABEL, positive: '1' });
  const labelled: ChurnDataset = {
    ...dataset,
    label: events.label,
    schema: {
      ...dataset.schema,
      ignoredColumns: dataset.schema.ignoredColumns.filter((name) => name !== TIME_SPLIT_LABEL),
    },
  };
  return {
    dataset: labelled,
    featureSchema: featureSchemaOf(labelled, behavioural, 'events', windowDays),
    excluded: [],
  };
}

/**
 * Reads the labelled training set of a workspace: customers with the label attribute (a
 * column label; stored features and/or attributes as inputs), or the customers who bought
 * before T (a time split; event features as of T and/or attributes). Training needs every
 * labelled row in memory; nothing else is kept.
 *
 * @throws TrainingInputError naming each bad input; EngineError for a label the engine refuses
 */
export async function loadTrainingData(
  db: Db,
  workspaceId: string,
  params: ChurnTrainParams,
  progress: LoadProgress,
): Promise<TrainingData> {
  const { label } = params;
  return label.kind === 'column'
    ? columnLabelData(db, workspaceId, { ...params, label }, progress)
    : timeSplitData(db, workspaceId, { ...params, label }, progress);
}
