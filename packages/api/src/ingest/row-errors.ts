import { INGEST_LIMITS } from './limits.ts';
import { ProblemError, type ProblemFieldError } from '../http/problem.ts';

/** The row a field path is in: `line.3` of `line.3.amount`, `events.4` of `events.4.kind`. */
const rowOf = (path: string): string => path.split('.').slice(0, 2).join('.');

/**
 * Collects every problem in the rows of a batch, keeping the first
 * `INGEST_LIMITS.reportedErrors`; a row may have several.
 */
export class RowErrors {
  readonly listed: ProblemFieldError[] = [];
  count = 0;
  private readonly rows = new Set<string>();

  add(path: string, message: string): void {
    this.count += 1;
    this.rows.add(rowOf(path));
    if (this.listed.length < INGEST_LIMITS.reportedErrors) this.listed.push({ path, message });
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** Throws a `batch-rejected` problem when any row was bad. */
  throwIfAny(what: string): void {
    if (this.empty) return;
    const rows = this.rows.size;
    const problems = this.count === rows ? '' : ` (${this.count} problems)`;
    const more =
      this.count > this.listed.length ? `; the first ${this.listed.length} are listed` : '';
    throw new ProblemError(
      'batch-rejected',
      `${rows} invalid ${what}${rows === 1 ? '' : 's'}${problems}${more}; nothing was stored`,
      this.listed,
    );
  }
}
