import { readdir } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchSuite } from './suite.ts';

/**
 * `pnpm bench [suite...]` runs every `*.bench.ts` suite in this folder (or the named ones) and
 * prints each suite's Markdown section, headed by the date and machine, ready for BENCHMARKS.md.
 */
const folder = fileURLToPath(new URL('.', import.meta.url));
const wanted = new Set(process.argv.slice(2).filter((arg) => !arg.startsWith('-')));
const files = (await readdir(folder)).filter((file) => file.endsWith('.bench.ts')).sort();

const sections: string[] = [];
for (const file of files) {
  const suite = ((await import(`./${file}`)) as { default: BenchSuite }).default;
  if (wanted.size > 0 && !wanted.has(suite.name)) continue;
  console.log(`\n## ${suite.name}: ${suite.description}`);
  sections.push(`## ${suite.name}\n\n${suite.description}\n\n${await suite.run()}`);
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(
  `\n---\nMarkdown for BENCHMARKS.md\n\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine}.\n\n${sections.join('\n\n')}`,
);
