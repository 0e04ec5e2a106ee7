import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CsvInputError, readCsvRecords, type CsvRecord } from './csv-records.ts';

async function read(content: string | Buffer, required: string[] = []): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  for await (const record of readCsvRecords(Readable.from([bytes]), required)) records.push(record);
  return records;
}

/** The error reading `content` fails with. */
async function failure(content: string | Buffer, required: string[] = []): Promise<CsvInputError> {
  const error = await read(content, required).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CsvInputError);
  return error as CsvInputError;
}

describe('readCsvRecords', () => {
  it('reads header-keyed records with their lines, across chunks split inside a character', async () => {
    const bytes = Buffer.from('id,city\nc1,Zürich\n\nc2,"Köln, Rhein"\n');
    const split = bytes.indexOf(Buffer.from('ü')) + 1; // between the two bytes of ü
    const records: CsvRecord[] = [];
    for await (const record of readCsvRecords(
      Readable.from([bytes.subarray(0, split), bytes.subarray(split)]),
    )) {
      records.push(record);
    }
    expect(records).toEqual([
      { line: 2, values: { id: 'c1', city: 'Zürich' } },
      { line: 4, values: { id: 'c2', city: 'Köln, Rhein' } },
    ]);
  });

  it('refuses bytes that are not UTF-8 with their line, instead of storing U+FFFD', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('id,city\nc1,Bern\nc2,Z'),
      Buffer.from([0xfc]), // ü in Latin-1
      Buffer.from('rich\n'),
    ]);
    const error = await failure(latin1);
    expect(error.reason).toBe('malformed');
    expect(error.problems).toEqual([
      { line: 3, message: expect.stringContaining('not valid UTF-8') as unknown },
    ]);
  });

  it('refuses a header with an empty, repeated or reserved name, which would lose a column', async () => {
    expect((await failure('id,,plan\nc1,x,pro\n')).problems).toEqual([
      { line: 1, message: 'column 2 of the header has no name' },
    ]);
    expect((await failure('id,plan,plan\nc1,pro,basic\n')).problems).toEqual([
      {
        line: 1,
        column: 'plan',
        message: 'columns 2 and 3 are both named "plan"; each column needs its own name',
      },
    ]);
    expect((await failure('id,__proto__\nc1,x\n')).problems[0]?.column).toBe('__proto__');
  });

  it('names every required column the header lacks, and the line of a ragged row', async () => {
    const missing = await failure('id;plan\nc1;pro\n', ['customer_id', 'occurred_at']);
    expect(missing.reason).toBe('missing-columns');
    expect(missing.message).toBe('the CSV header lacks customer_id, occurred_at; it has: id, plan');
    expect(missing.problems.map((problem) => problem.column)).toEqual([
      'customer_id',
      'occurred_at',
    ]);
    const ragged = await failure('id,plan\nc1,pro\nc2,pro,extra\n');
    expect(ragged.reason).toBe('malformed');
    expect(ragged.problems[0]?.line).toBe(3);
  });
});
