import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from './app.ts';

describe('the committed OpenAPI document', () => {
  it('equals the document generated from the routes (run `pnpm tagwise openapi --out packages/api/openapi.json`)', async () => {
    const committed = JSON.parse(
      await readFile(new URL('../openapi.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(await generateOpenApiDocument()).toEqual(committed);
  });
});
