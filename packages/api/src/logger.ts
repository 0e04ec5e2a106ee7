import SonicBoom from 'sonic-boom';

/** One structured log record; `msg` is for people, the other fields for machines. */
export interface LogRecord {
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** Structured JSON logging: one JSON object per line. */
export interface Logger {
  info(record: LogRecord): void;
  warn(record: LogRecord): void;
  error(record: LogRecord): void;
}

interface Writable {
  write(chunk: string): unknown;
}

/** Writes one JSON line per record with a timestamp and level. */
export function createJsonLogger(out: Writable, err: Writable = out): Logger {
  const write = (target: Writable, level: string, record: LogRecord) =>
    target.write(`${JSON.stringify({ time: new Date().toISOString(), level, ...record })}\n`);
  return {
    info: (record) => write(out, 'info', record),
    warn: (record) => write(err, 'warn', record),
    error: (record) => write(err, 'error', record),
  };
}

/**
 * Bytes of log lines held while standard output does not keep up; past this, lines are
 * dropped rather than let a stuck reader exhaust the server's memory.
 */
const MAX_BUFFERED_LOG_BYTES = 16 * 1024 * 1024;

let standardOutput: SonicBoom | undefined;

/**
 * Standard output for log lines, written asynchronously. Node writes to a pipe synchronously,
 * one system call per line, and a server writes one access-log line per request: lines
 * written while a write is in flight now go out together with the next one. What is still
 * buffered when the process exits is written out before it does.
 */
export function asyncStandardOutput(): Writable {
  if (standardOutput === undefined) {
    const output = new SonicBoom({ fd: 1, maxLength: MAX_BUFFERED_LOG_BYTES });
    // A closed standard output (its reader gone) must not bring the server down.
    output.on('error', (error: Error) =>
      process.stderr.write(`writing log lines to standard output failed: ${error.message}\n`),
    );
    process.once('exit', () => {
      try {
        output.flushSync();
      } catch {
        // Standard output is gone: there is nowhere left to write the lines to.
      }
    });
    standardOutput = output;
  }
  return standardOutput;
}

/** A logger that keeps records in memory (tests assert on them). */
export function createMemoryLogger(): Logger & {
  readonly records: (LogRecord & { level: string })[];
} {
  const records: (LogRecord & { level: string })[] = [];
  return {
    records,
    info: (record) => records.push({ level: 'info', ...record }),
    warn: (record) => records.push({ level: 'warn', ...record }),
    error: (record) => records.push({ level: 'error', ...record }),
  };
}

/** Turns an unknown thrown value into loggable fields (message and stack stay in logs only). */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { error: { name: error.name, message: error.message, stack: error.stack } };
  }
  return { error: { value: String(error) } };
}
