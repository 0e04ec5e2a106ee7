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
