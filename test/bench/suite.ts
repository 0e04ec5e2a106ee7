/**
 * A benchmark suite: `run` measures, prints a table to stdout as it goes, and returns the
 * Markdown section that `pnpm bench -- --write` puts into BENCHMARKS.md.
 */
export interface BenchSuite {
  readonly name: string;
  readonly description: string;
  run(): Promise<string>;
}

/** Median of a list of samples (the figure every suite reports). */
export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
