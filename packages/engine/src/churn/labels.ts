import { EngineError } from '../errors.ts';
import { isMissing, type CustomerRow } from '../features/customer-table.ts';

/** Where the churn label came from; stored with the model. */
export type LabelSource =
  | {
      readonly kind: 'column';
      readonly column: string;
      /** The value that means "churned". */
      readonly positive: string;
      readonly negative: string;
    }
  | {
      readonly kind: 'time-split';
      /** Cut-off T (ISO date-time). */
      readonly asOf: string;
      /** Label window length H in days: churned = no purchase in [T, T + H). */
      readonly horizonDays: number;
    };

/** Values that, when one of exactly two, are taken to mean "churned" without being told. */
const POSITIVE_WORDS = [
  '1',
  'yes',
  'y',
  'true',
  't',
  'churn',
  'churned',
  'left',
  'lost',
  'positive',
];

/**
 * Binary labels from a two-valued column. The positive (churned) value is `positive` when
 * given, else the one of the two values that reads as yes/true/1/churned/left; anything else
 * needs `positive`. Values are compared as trimmed strings, so `1` and `1.0` differ.
 *
 * @returns `labels` `[rows]` 1 = positive, and the resolved label source
 * @throws EngineError naming the column when a cell is empty, when the column does not have
 *   exactly two values (listing what it has), or when `positive` is not one of them
 */
export function labelsFromColumn(
  rows: readonly CustomerRow[],
  column: string,
  positive?: string,
): { labels: Uint8Array; source: LabelSource } {
  if (rows.length === 0) throw new EngineError('empty_input', 'no rows to read labels from');
  const counts = new Map<string, number>();
  rows.forEach((row, i) => {
    if (!(column in row)) {
      throw new EngineError(
        'invalid_argument',
        `label column "${column}" is not in the table; it has: ${Object.keys(row).join(', ')}`,
        ['label'],
      );
    }
    const cell = row[column];
    if (isMissing(cell)) {
      throw new EngineError(
        'invalid_argument',
        `label column "${column}" is empty in row ${i + 1}; every row needs a label`,
        ['label', i],
      );
    }
    const value = String(cell).trim();
    counts.set(value, (counts.get(value) ?? 0) + 1);
  });
  const values = [...counts.keys()].sort();
  if (values.length !== 2) {
    const shown = values
      .slice(0, 10)
      .map((v) => `"${v}" (${counts.get(v)})`)
      .join(', ');
    throw new EngineError(
      'invalid_argument',
      `label column "${column}" must have exactly two values, it has ${values.length}: ${shown}${values.length > 10 ? ', ...' : ''}`,
      ['label'],
    );
  }
  let chosen = positive?.trim();
  if (chosen !== undefined && !values.includes(chosen)) {
    throw new EngineError(
      'invalid_argument',
      `positive value "${chosen}" is not in label column "${column}"; its values are "${values[0]}" and "${values[1]}"`,
      ['positive'],
    );
  }
  if (chosen === undefined) {
    const matches = values.filter((v) => POSITIVE_WORDS.includes(v.toLowerCase()));
    if (matches.length !== 1) {
      throw new EngineError(
        'invalid_argument',
        `cannot tell which value of label column "${column}" means churned ("${values[0]}" or "${values[1]}"); name it with the positive option`,
        ['positive'],
      );
    }
    chosen = matches[0]!;
  }
  const negative = values.find((v) => v !== chosen)!;
  const labels = Uint8Array.from(rows, (row) => (String(row[column]).trim() === chosen ? 1 : 0));
  return { labels, source: { kind: 'column', column, positive: chosen, negative } };
}
