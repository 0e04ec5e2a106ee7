import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputFileError, readCsvRows } from './csv-file.ts';

const folder = mkdtempSync(join(tmpdir(), 'tagwise-csv-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = join(folder, name);
  writeFileSync(file, content);
  return file;
}

async function rowsOf(file: string, required: string[] = []) {
  const rows: { line: number; values: Readonly<Record<string, string>> }[] = [];
  for await (const row of readCsvRows(file, required)) rows.push(row);
  return rows;
}

describe('readCsvRows', () => {
  it('reads a semicolon file as a spreadsheet in a decimal-comma locale saves it', async () => {
    const file = write(
      'semicolon.csv',
      '\ufeffKunden-ID;Umsatz;Notiz\r\nK1;12,5;"a; b"\r\nK2;-0,75;3,5 kg\r\nK3;7;\r\n',
    );
    expect(await rowsOf(file, ['Kunden-ID'])).toEqual([
      { line: 2, values: { 'Kunden-ID': 'K1', Umsatz: '12.5', Notiz: 'a; b' } },
      { line: 3, values: { 'Kunden-ID': 'K2', Umsatz: '-0.75', Notiz: '3,5 kg' } },
      { line: 4, values: { 'Kunden-ID': 'K3', Umsatz: '7', Notiz: '' } },
    ]);
  });

  it('reads tab-separated and gzipped files, and leaves commas in comma files alone', async () => {
    const tabs = write('tabs.csv.gz', gzipSync('id\tplan\nc1\tpro, yearly\n'));
    expect(await rowsOf(tabs)).toEqual([{ line: 2, values: { id: 'c1', plan: 'pro, yearly' } }]);
    const commas = write('commas.csv', 'id,amount\nc1,"12,5"\n');
    expect(await rowsOf(commas)).toEqual([{ line: 2, values: { id: 'c1', amount: '12,5' } }]);
  });

  it('names the file, line and column of what is wrong', async () => {
    const missing = write('missing.csv', 'id;plan\nc1;pro\n');
    await expect(rowsOf(missing, ['customer_id'])).rejects.toThrow(
      new InputFileError(
        missing,
        'the CSV header lacks customer_id; it has: id, plan',
        1,
        'customer_id',
      ),
    );
    const ragged = write('ragged.csv', 'id;plan\nc1;pro\nc2;pro;extra\n');
    await expect(rowsOf(ragged)).rejects.toThrow(`${ragged}:3: `);
    const notGzip = write('plain.csv.gz', 'id,plan\n');
    await expect(rowsOf(notGzip)).rejects.toThrow(InputFileError);
    await expect(rowsOf(join(folder, 'absent.csv'))).rejects.toThrow(
      'file not found or not readable',
    );
  });
});
