import { churnModelFromBytes, disposeChurnModel, type ChurnModel } from '@tagwise/engine';
import type { Db } from '../db/database.ts';
import {
  findActiveChurnModelRef,
  findChurnModelArtifact,
  type ChurnModelRef,
} from './churn-model.repository.ts';

/** The active model of a workspace: its row and the deserialised engine model. */
export interface ActiveChurnModel {
  readonly row: ChurnModelRef;
  readonly model: ChurnModel;
}

interface Entry {
  readonly modelId: string;
  readonly loading: Promise<ChurnModel>;
  /** Callers using the model right now. */
  users: number;
  /** Replaced or evicted: dispose once the last user is done. */
  stale: boolean;
  disposed: boolean;
}

/**
 * Deserialised active churn models, one per workspace, shared by requests in this process.
 *
 * Each use looks up the active model's id (one indexed query, no artifact): when it differs
 * from the cached one — another model was activated, here or by another process — the new
 * model is loaded and the old one is disposed as soon as no request is still scoring with
 * it. `invalidate` drops a workspace's entry at once (called after an activation here). At
 * most `maxWorkspaces` models are kept; the least recently used goes first.
 *
 * @example
 * const cache = new ChurnModelCache();
 * const scores = await cache.withActiveModel(db, workspaceId, ({ model }) => scoreChurnRows(model, rows));
 */
export class ChurnModelCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxWorkspaces: number;

  constructor(options: { maxWorkspaces?: number } = {}) {
    this.#maxWorkspaces = Math.max(1, options.maxWorkspaces ?? 32);
  }

  /** Workspaces with a cached model. */
  get size(): number {
    return this.#entries.size;
  }

  /**
   * Runs `use` with the workspace's active model; `undefined` (and `use` is not called) when
   * no model is active. The model stays alive until `use` settles.
   */
  async withActiveModel<T>(
    db: Db,
    workspaceId: string,
    use: (active: ActiveChurnModel) => T | Promise<T>,
  ): Promise<T | undefined> {
    const row = await findActiveChurnModelRef(db, workspaceId);
    if (row === undefined) {
      this.invalidate(workspaceId);
      return undefined;
    }
    const entry = this.#entryFor(db, workspaceId, row.id);
    entry.users++;
    try {
      const model = await entry.loading;
      return await use({ row, model });
    } finally {
      entry.users--;
      this.#disposeIfDone(entry);
    }
  }

  /** Forgets the workspace's model (disposed once unused): the next use reloads. */
  invalidate(workspaceId: string): void {
    const entry = this.#entries.get(workspaceId);
    if (entry === undefined) return;
    this.#entries.delete(workspaceId);
    entry.stale = true;
    this.#disposeIfDone(entry);
  }

  /** Drops every model (server shutdown, tests). */
  clear(): void {
    for (const workspaceId of [...this.#entries.keys()]) this.invalidate(workspaceId);
  }

  #entryFor(db: Db, workspaceId: string, modelId: string): Entry {
    const cached = this.#entries.get(workspaceId);
    if (cached !== undefined && cached.modelId === modelId) {
      // Re-inserting keeps the map in least-recently-used order.
      this.#entries.delete(workspaceId);
      this.#entries.set(workspaceId, cached);
      return cached;
    }
    this.invalidate(workspaceId);
    const loading = (async () => {
      const artifact = await findChurnModelArtifact(db, workspaceId, modelId);
      if (artifact === undefined) throw new Error(`churn model ${modelId} has no artifact`);
      return churnModelFromBytes(artifact);
    })();
    const entry: Entry = { modelId, loading, users: 0, stale: false, disposed: false };
    // A failed load is not cached: the next use tries again.
    loading.catch(() => {
      if (this.#entries.get(workspaceId) === entry) this.#entries.delete(workspaceId);
    });
    this.#entries.set(workspaceId, entry);
    while (this.#entries.size > this.#maxWorkspaces) {
      this.invalidate(this.#entries.keys().next().value!);
    }
    return entry;
  }

  #disposeIfDone(entry: Entry): void {
    if (!entry.stale || entry.users > 0 || entry.disposed) return;
    entry.disposed = true;
    entry.loading.then(disposeChurnModel, () => undefined);
  }
}
