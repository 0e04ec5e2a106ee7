import type { CustomerRow } from '@tagwise/engine';
import { InputFileError, readCsvRows } from './csv-file.ts';

export interface CustomerFile {
  readonly ids: string[];
  /** Only the requested columns, as raw strings (missing cells are empty strings). */
  readonly rows: CustomerRow[];
}

/**
 * Reads a customer CSV keeping only `columns` plus the id. Without `idColumn`, rows are
 * numbered from 1 in file order. Duplicate and empty ids are errors naming the line.
 */
export async function readCustomerFile(
  file: string,
  options: { idColumn?: string; columns: readonly string[] },
): Promise<CustomerFile> {
  const required = options.idColumn ? [options.idColumn, ...options.columns] : options.columns;
  const ids: string[] = [];
  const rows: CustomerRow[] = [];
  const seen = new Map<string, number>();
  for await (const { line, values } of readCsvRows(file, required)) {
    const id = options.idColumn ? values[options.idColumn]!.trim() : String(ids.length + 1);
    if (id === '') throw new InputFileError(file, 'empty customer id', line, options.idColumn);
    const firstLine = seen.get(id);
    if (firstLine !== undefined) {
      throw new InputFileError(
        file,
        `customer id "${id}" already appeared on line ${firstLine}`,
        line,
        options.idColumn,
      );
    }
    seen.set(id, line);
    ids.push(id);
    rows.push(Object.fromEntries(options.columns.map((column) => [column, values[column]!])));
  }
  if (ids.length === 0) throw new InputFileError(file, 'the file has no customer rows');
  return { ids, rows };
}
