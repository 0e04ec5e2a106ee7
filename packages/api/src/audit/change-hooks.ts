import type { Db } from '../db/database.ts';
import type { JsonObject } from '../jobs/job.table.ts';
import type { Principal } from '../keys/principal.ts';

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
  change: Omit<ChangeRecord, 'actor' | 'requestId' | 'data'> & { data?: JsonObject },
) => Promise<void>;

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
  return ctx.db.transaction().execute(async (trx) => {
    const record: RecordChange = async (change) => {
      for (const hook of ctx.changeHooks) {
        await hook(trx, {
          ...change,
          data: change.data ?? {},
          actor: ctx.actor,
          requestId: ctx.requestId,
        });
      }
    };
    return work(trx, record);
  });
}

/** A context for the system itself (CLI, workers): no key, no request. */
export function systemContext(db: Db, changeHooks: readonly ChangeHook[] = []): ServiceContext {
  return { db, actor: null, requestId: null, changeHooks };
}
