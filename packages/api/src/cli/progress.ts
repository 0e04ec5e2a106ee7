import { MultiBar, Presets, type SingleBar } from 'cli-progress';

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

/** One bar in its frame: the frame can print lines above the bar, a lone bar cannot. */
interface Display {
  readonly frame: MultiBar;
  readonly bar: SingleBar;
}

/** The frame on screen now, if any: `aboveProgress` prints through it. */
let onScreen: MultiBar | undefined;

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
  let display: Display | undefined;
  let value = 0;
  let known = total !== undefined && total > 0;
  let currentTotal = total ?? 0;
  let stopped = false;

  const start = (): Display => {
    const format = known
      ? `${label} [{bar}] {percentage}% {value}/{total} {step}`
      : `${label} {value} {step}`;
    const frame = new MultiBar(
      // Line wrapping stays on so that long lines printed above the bar wrap instead of being
      // cut at the edge; the bar itself is trimmed to the terminal's width either way.
      { format, stream, hideCursor: true, linewrap: true, etaBuffer: 50, fps: 5 },
      Presets.shades_classic,
    );
    const bar = frame.create(known ? currentTotal : 0, value, { step: '' });
    onScreen = frame;
    return { frame, bar };
  };
  const end = ({ frame }: Display) => {
    frame.update(); // prints the lines still waiting to go above the bar
    frame.stop();
    if (onScreen === frame) onScreen = undefined;
  };

  return {
    update(done, nextTotal, step) {
      if (stopped) return;
      value = done;
      if (nextTotal !== undefined && nextTotal > 0 && nextTotal !== currentTotal) {
        currentTotal = nextTotal;
        if (!known && display) {
          // switching from a count to a bar needs a new format
          end(display);
          display = undefined;
        }
        known = true;
        display?.bar.setTotal(currentTotal);
      }
      display ??= start();
      display.bar.update(value, { step: step ?? '' });
    },
    increment(by = 1) {
      this.update(value + by);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      if (display) end(display);
    },
  };
}

/**
 * A destination for text that may arrive while a progress bar is drawn, such as the server's
 * log lines during `tagwise start`. While a bar is on screen and `out` is a terminal too, each
 * line is printed above the bar instead of across it; otherwise it goes to `otherwise` (the
 * same stream unless given, e.g. `asyncStandardOutput()` for standard output).
 *
 * @example
 * const logger = createJsonLogger(aboveProgress(process.stdout), aboveProgress(process.stderr));
 */
export function aboveProgress(
  out: NodeJS.WriteStream,
  otherwise: { write(line: string): unknown } = out,
): { write(line: string): unknown } {
  return {
    write(line) {
      if (onScreen === undefined || out.isTTY !== true) return otherwise.write(line);
      onScreen.log(line);
      return true;
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
