/**
 * RFC 4180 records, parsed without any CSV library so tests can check files our code wrote
 * with one. Lines without a quote are split on commas directly (almost all of them);
 * quoted lines go through a small state machine, joined with the next line while a quoted
 * field is still open.
 */
export function parseCsv(text: string): string[][] {
  const lines = text.split('\n');
  const records: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (line === '') continue;
    if (!line.includes('"')) {
      records.push(line.split(','));
      continue;
    }
    while ((line.match(/"/g)?.length ?? 0) % 2 === 1 && i + 1 < lines.length) {
      line += `\n${lines[++i]}`;
    }
    const record: string[] = [];
    let field = '';
    let quoted = false;
    for (let j = 0; j < line.length; j++) {
      const ch = line[j]!;
      if (quoted) {
        if (ch === '"' && line[j + 1] === '"') {
          field += '"';
          j++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        record.push(field);
        field = '';
      } else field += ch;
    }
    record.push(field);
    records.push(record);
  }
  return records;
}
