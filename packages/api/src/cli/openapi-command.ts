import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { generateOpenApiDocument } from '../app.ts';

/** `tagwise openapi [--out file]`: the OpenAPI 3.1 document of the HTTP API. */
export function registerOpenApiCommand(program: Command): void {
  program
    .command('openapi')
    .description('Print (or write) the OpenAPI 3.1 document the typed client is generated from')
    .option('--out <file>', 'write to this file instead of stdout')
    .action(async (options: { out?: string }) => {
      const text = `${JSON.stringify(await generateOpenApiDocument(), null, 2)}\n`;
      if (options.out === undefined) process.stdout.write(text);
      else await writeFile(options.out, text);
    });
}
