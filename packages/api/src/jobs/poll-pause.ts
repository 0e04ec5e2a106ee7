/**
 * The pause a poll loop takes when it found nothing (more) to do, cut short by `wake()` —
 * when work frees a slot or the loop is stopping — so neither waits out the full interval.
 *
 * @example
 * const pause = new PollPause();
 * while (running) {
 *   if (!(await pollOnce())) await pause.sleep(1000);
 * }
 * // elsewhere: running = false; pause.wake();
 */
export class PollPause {
  #wake: (() => void) | undefined;

  /** Resolves after `ms`, or as soon as `wake()` is called. */
  async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.#wake = undefined;
  }

  /** Ends the current pause, if any. */
  wake(): void {
    this.#wake?.();
  }
}
