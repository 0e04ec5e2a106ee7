import { INGEST_LIMITS } from './limits.ts';
import { ProblemError, type ProblemFieldError } from '../http/problem.ts';

/** Collects every bad row of a batch, keeping the first `INGEST_LIMITS.reportedErrors`. */
export class RowErrors {
  readonly listed: ProblemFieldError[] = [];
  count = 0;

  add(path: string, message: string): void {
    this.count += 1;
    if (this.listed.length < INGEST_LIMITS.reportedErrors) this.listed.push({ path, message });
  }

  get empty(): boolean {
    return this.count === 0;
  }

  /** Throws a `batch-rejected` problem when any row was bad. */
  throwIfAny(what: string): void {
    if (this.empty) return;
    const more =
      this.count > this.listed.length ? `; the first ${this.listed.length} are listed` : '';
    throw new ProblemError(
      'batch-rejected',
      `${this.count} invalid ${what}${this.count === 1 ? '' : 's'}${more}; nothing was stored`,
      this.listed,
    );
  }
}
