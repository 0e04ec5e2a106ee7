/** Where saving stands, for the notebook header. */
export type SaveState =
  | { readonly kind: 'saved' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'conflict'; readonly detail: string }
  | { readonly kind: 'error'; readonly detail: string };

/** How a save failed: a version conflict stops autosaving until the user decides. */
export class SaveConflict extends Error {
  override readonly name = 'SaveConflict';
}

export interface AutosaverOptions {
  /** Writes the current document; resolves when stored. Throw `SaveConflict` on a 409. */
  readonly save: () => Promise<void>;
  readonly onState: (state: SaveState) => void;
  /** Quiet time after the last change before saving. @default 800 */
  readonly delayMs?: number;
  readonly describe?: (error: unknown) => string;
}

/**
 * Debounced saving: each change restarts the timer; one save at a time; changes made while
 * a save is in flight are saved right after it. A conflict or an error stops it until
 * `resume()` (after the user reloaded or chose to overwrite).
 */
export class Autosaver {
  readonly #options: AutosaverOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | undefined;
  #dirty = false;
  #blocked = false;

  constructor(options: AutosaverOptions) {
    this.#options = options;
  }

  /** Notes a change: it is saved once changes stop for `delayMs`. */
  changed(): void {
    this.#dirty = true;
    if (this.#blocked) return;
    this.#options.onState({ kind: 'pending' });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#options.delayMs ?? 800);
  }

  /** True while changes wait to be saved. */
  get dirty(): boolean {
    return this.#dirty || this.#inFlight !== undefined;
  }

  /** Saves now (waiting for a save in flight first). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#inFlight !== undefined) {
      await this.#inFlight;
      if (this.#inFlight !== undefined) return this.flush();
    }
    if (!this.#dirty || this.#blocked) return;
    this.#dirty = false;
    this.#options.onState({ kind: 'saving' });
    this.#inFlight = this.#options
      .save()
      .then(() => {
        this.#options.onState(this.#dirty ? { kind: 'pending' } : { kind: 'saved' });
      })
      .catch((error: unknown) => {
        this.#dirty = true;
        this.#blocked = true;
        const detail = this.#options.describe?.(error) ?? String(error);
        this.#options.onState(
          error instanceof SaveConflict ? { kind: 'conflict', detail } : { kind: 'error', detail },
        );
      })
      .finally(() => {
        this.#inFlight = undefined;
      });
    await this.#inFlight;
    if (this.#dirty && !this.#blocked) await this.flush();
  }

  /** Allows saving again (after a conflict was resolved) and saves what is pending. */
  async resume(): Promise<void> {
    this.#blocked = false;
    await this.flush();
  }

  /** Drops pending changes (the document was replaced by the stored one). */
  discard(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#dirty = false;
    this.#blocked = false;
    this.#options.onState({ kind: 'saved' });
  }

  dispose(): void {
    clearTimeout(this.#timer);
  }
}
