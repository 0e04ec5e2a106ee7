import { InvalidArgumentError } from 'commander';

/** `--k 4` or `--k 2-10`. */
export function parseKOption(value: string): number | { min: number; max: number } {
  const match = /^(\d+)(?:-(\d+))?$/.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected a number like 4 or a range like 2-10');
  const min = Number(match[1]);
  const max = match[2] === undefined ? undefined : Number(match[2]);
  if (max === undefined) {
    if (min < 1) throw new InvalidArgumentError('k must be at least 1');
    return min;
  }
  if (min < 2 || max < min)
    throw new InvalidArgumentError('a k range must satisfy 2 <= min <= max');
  return { min, max };
}

/** A non-negative integer option such as `--seed`. */
export function parseIntegerOption(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new InvalidArgumentError('expected a non-negative integer');
  return parsed;
}

/** `a,b,c` → `['a', 'b', 'c']`, trimmed, empty entries dropped. */
export function parseListOption(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
