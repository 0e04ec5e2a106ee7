import { Presets, SingleBar } from 'cli-progress';

/** A progress display for one long step of a command. */
export interface Progress {
  /**
   * Moves to `done`. `total` may be given or changed at any call (omit it while unknown: the
   * display then shows a count instead of a bar); `step` names what is happening now.
   */
  update(done: number, total?: number, step?: string): void;
  /** Moves forward by `by` (default 1). */
  increment(by?: number): void;
  /** Ends the display; safe to call more than once. */
  stop(): void;
}

const SILENT: Progress = { update() {}, increment() {}, stop() {} };

export interface ProgressOptions {
  /** @default process.stderr */
  readonly stream?: NodeJS.WriteStream;
  /** @default the stream is a terminal and the CI variable is not set */
  readonly enabled?: boolean;
}

/**
 * A progress bar on stderr when stderr is a terminal, and a no-op otherwise (pipes, files,
 * CI, tests), so commands can report progress unconditionally without garbling logs.
 *
 * @param label - the step, e.g. `reading events`
 * @param total - units to do, when known up front
 * @example
 * const progress = createProgress('scoring', customers.length);
 * for (...) progress.increment();
 * progress.stop();
 */
export function createProgress(
  label: string,
  total?: number,
  options: ProgressOptions = {},
): Progress {
  const stream = options.stream ?? process.stderr;
  const enabled = options.enabled ?? (stream.isTTY === true && !process.env.CI);
  if (!enabled) return SILENT;
  let bar: SingleBar | undefined;
  let value = 0;
  let known = total !== undefined && total > 0;
  let currentTotal = total ?? 0;
  let stopped = false;

  const start = (): SingleBar => {
    const format = known
      ? `${label} [{bar}] {percentage}% {value}/{total} {step}`
      : `${label} {value} {step}`;
    const created = new SingleBar(
      { format, stream, hideCursor: true, etaBuffer: 50, fps: 5 },
      Presets.shades_classic,
    );
    created.start(known ? currentTotal : 0, value, { step: '' });
    return created;
  };

  return {
    update(done, nextTotal, step) {
      if (stopped) return;
      value = done;
      if (nextTotal !== undefined && nextTotal > 0 && nextTotal !== currentTotal) {
        currentTotal = nextTotal;
        if (!known && bar) {
          // switching from a count to a bar needs a new format
          bar.stop();
          bar = undefined;
        }
        known = true;
        bar?.setTotal(currentTotal);
      }
      bar ??= start();
      bar.update(value, { step: step ?? '' });
    },
    increment(by = 1) {
      this.update(value + by);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar?.stop();
    },
  };
}

/**
 * Runs `work` with a progress display that is stopped however `work` ends.
 *
 * @example
 * const rows = await withProgress('reading', undefined, (progress) => readAll(file, progress));
 */
export async function withProgress<T>(
  label: string,
  total: number | undefined,
  work: (progress: Progress) => T | Promise<T>,
  options: ProgressOptions = {},
): Promise<T> {
  const progress = createProgress(label, total, options);
  try {
    return await work(progress);
  } finally {
    progress.stop();
  }
}
