export interface DebouncedCallOptions<A, T> {
  /** The call; it should stop early when `signal` aborts. */
  readonly run: (argument: A, signal: AbortSignal) => Promise<T>;
  /** Called when the quiet time ends and the call starts. */
  readonly onStart?: () => void;
  /** The answer of the latest call (answers of superseded calls are dropped). */
  readonly onResult: (value: T) => void;
  readonly onError: (error: unknown) => void;
  /** Quiet time after the last request before calling. @default 400 */
  readonly delayMs?: number;
}

/**
 * Calls `run` once requests stop for `delayMs`, with the latest argument only: a new request
 * aborts the call in flight and its answer is never reported, so a slow early answer cannot
 * overwrite a later one (a live count while the analyst types).
 */
export class DebouncedCall<A, T> {
  readonly #options: DebouncedCallOptions<A, T>;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #controller: AbortController | undefined;

  constructor(options: DebouncedCallOptions<A, T>) {
    this.#options = options;
  }

  /** Asks for a call with `argument` after the quiet time (replacing any pending one). */
  request(argument: A): void {
    this.cancel();
    this.#timer = setTimeout(() => void this.#call(argument), this.#options.delayMs ?? 400);
  }

  /** Drops the pending request and aborts the call in flight. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#controller?.abort();
    this.#controller = undefined;
  }

  async #call(argument: A): Promise<void> {
    this.#timer = undefined;
    const controller = new AbortController();
    this.#controller = controller;
    this.#options.onStart?.();
    try {
      const value = await this.#options.run(argument, controller.signal);
      if (!controller.signal.aborted) this.#options.onResult(value);
    } catch (error) {
      if (!controller.signal.aborted) this.#options.onError(error);
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
    }
  }
}
