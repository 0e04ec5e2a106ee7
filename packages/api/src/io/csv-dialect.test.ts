import { describe, expect, it } from 'vitest';
import { sniffDelimiter, sniffStream } from './csv-dialect.ts';

async function collect(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function* chunked(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let start = 0; start < bytes.length; start += size)
    yield bytes.subarray(start, start + size);
}

describe('CSV dialect', () => {
  it('reads the separator off the header line', () => {
    expect(sniffDelimiter('id,plan,tenure\n1,pro,3\n')).toBe(',');
    expect(sniffDelimiter('Kunden-ID;Alter;Umsatz\r\nK1;40;12,5\r\n')).toBe(';');
    expect(sniffDelimiter('id\tplan\n1\tpro\n')).toBe('\t');
    expect(sniffDelimiter('id|plan|tenure\n')).toBe('|');
  });

  it('counts only separators outside quotes and on the first line', () => {
    expect(sniffDelimiter('"name, full";"city, country";zip\n')).toBe(';');
    expect(sniffDelimiter('a;b\nx,y,z,w,v\n')).toBe(';');
  });

  it('falls back to a comma for a one-column file, and prefers it on a tie', () => {
    expect(sniffDelimiter('customer_id\nc1\n')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
    expect(sniffDelimiter('a,b;c\n')).toBe(',');
  });

  it('finds a header split over many chunks and gives back every byte', async () => {
    const text = `${'column_with_a_long_name;'.repeat(20)}last\n${'1;'.repeat(20)}2\n`;
    const { delimiter, stream } = await sniffStream(chunked(text, 7));
    expect(delimiter).toBe(';');
    expect(await collect(stream)).toBe(text);
  });

  it('gives back a stream without a line break whole', async () => {
    const { delimiter, stream } = await sniffStream(chunked('a\tb', 1));
    expect(delimiter).toBe('\t');
    expect(await collect(stream)).toBe('a\tb');
  });
});
