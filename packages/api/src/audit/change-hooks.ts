import type { Db } from '../db/database.ts';
import { defaultChangeHooks } from './default-change-hooks.ts';
import type { JsonObject } from '../jobs/job.table.ts';
import type { Principal } from '../keys/principal.ts';

/** What webhook subscribers can listen to. */
export const DOMAIN_EVENT_TYPES = [
  'tag.assigned',
  'tag.removed',
  'suggestion.created',
  'segment.entered',
  'segment.left',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

/**
 * A fact about one customer that other services may want pushed to them. A change carries
 * the events it caused, so they commit (into the webhook outbox) with the change itself.
 */
export interface DomainEvent {
  readonly type: DomainEventType;
  /** Internal id of the customer concerned: erasure finds queued payloads by it. */
  readonly customerId: number;
  readonly payload: JsonObject;
}

/** A change made by a write, described for the audit log and the webhook outbox. */
export interface ChangeRecord {
  /** e.g. `workspace.created`, `events.ingested`, `job.cancel-requested` */
  readonly action: string;
  readonly resource: string;
  readonly resourceId: string;
  readonly workspaceId: string | null;
  /** The key that asked; `null` for the system (workers, CLI). */
  readonly actor: Principal | null;
  readonly requestId: string | null;
  readonly data: JsonObject;
  /** Per-customer events for webhooks; many for bulk changes (a job's suggestions). */
  readonly events: readonly DomainEvent[];
}

/**
 * Runs inside the write's transaction, so what it writes (an audit row, an outbox row)
 * commits or rolls back with the change itself.
 */
export type ChangeHook = (trx: Db, change: ChangeRecord) => Promise<void>;

/** Who is writing and what listens: passed from the HTTP layer (or the CLI) to services. */
export interface ServiceContext {
  readonly db: Db;
  readonly actor: Principal | null;
  readonly requestId: string | null;
  readonly changeHooks: readonly ChangeHook[];
}

export type RecordChange = (
  change: Omit<ChangeRecord, 'actor' | 'requestId' | 'data' | 'events'> & {
    data?: JsonObject;
    events?: readonly DomainEvent[];
  },
) => Promise<void>;

/** A `RecordChange` that hands each change to every hook inside `trx`. */
export function changeRecorder(trx: Db, ctx: Omit<ServiceContext, 'db'>): RecordChange {
  return async (change) => {
    const full: ChangeRecord = {
      ...change,
      data: change.data ?? {},
      events: change.events ?? [],
      actor: ctx.actor,
      requestId: ctx.requestId,
    };
    for (const hook of ctx.changeHooks) await hook(trx, full);
  };
}

/**
 * Runs `work` in one transaction and hands it `record`, which passes each change to every
 * hook inside that transaction.
 *
 * @example
 * await writeTransaction(ctx, async (trx, record) => {
 *   const row = await insertWorkspace(trx, input);
 *   await record({ action: 'workspace.created', resource: 'workspace', resourceId: row.id, workspaceId: row.id });
 * });
 */
export async function writeTransaction<T>(
  ctx: ServiceContext,
  work: (trx: Db, record: RecordChange) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => work(trx, changeRecorder(trx, ctx)));
}

/**
 * A context for the system itself (CLI, start-up imports): no key, no request; its writes
 * are audited and published like anyone's.
 */
export function systemContext(
  db: Db,
  changeHooks: readonly ChangeHook[] = defaultChangeHooks(),
): ServiceContext {
  return { db, actor: null, requestId: null, changeHooks };
}
