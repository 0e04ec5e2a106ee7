// Generates the typed API client's types from the committed OpenAPI document
// (packages/api/openapi.json) into src/lib/api/schema.d.ts.
// `--check` regenerates in memory and fails when the committed file differs, so a contract
// change is always a visible diff in review (CI runs it through the root `check`).
import { readFile, writeFile } from 'node:fs/promises';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import prettier from 'prettier';

const documentUrl = new URL('../../api/openapi.json', import.meta.url);
const outputPath = fileURLToPath(new URL('../src/lib/api/schema.d.ts', import.meta.url));

const header = [
  '// Generated from packages/api/openapi.json by `pnpm --filter @tagwise/workbench generate:client`.',
  '// Do not edit: regenerate after changing the API routes.',
  '',
].join('\n');

const ast = await openapiTS(JSON.parse(await readFile(documentUrl, 'utf8')), {
  alphabetize: false,
  exportType: false,
});
const options = (await prettier.resolveConfig(outputPath)) ?? {};
const generated = await prettier.format(header + astToString(ast), {
  ...options,
  filepath: outputPath,
});

if (process.argv.includes('--check')) {
  const committed = await readFile(outputPath, 'utf8').catch(() => '');
  if (committed !== generated) {
    process.stderr.write(
      'packages/workbench/src/lib/api/schema.d.ts is out of date with packages/api/openapi.json:\n' +
        '  run `npx -y pnpm@10 --filter @tagwise/workbench generate:client` and commit the result\n',
    );
    process.exit(1);
  }
  process.stdout.write('workbench API client is up to date\n');
} else {
  await writeFile(outputPath, generated);
  process.stdout.write(`wrote ${outputPath}\n`);
}
