import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const loggerModule = fileURLToPath(new URL('./logger.ts', import.meta.url));

describe('asyncStandardOutput', () => {
  it('writes every line out before the process exits, even one exiting at once', async () => {
    // 20,000 lines of ~100 bytes: far more than one write to a pipe takes, so most of them are
    // still buffered when the script calls process.exit.
    const script = `
      import { asyncStandardOutput, createJsonLogger } from ${JSON.stringify(loggerModule)};
      const logger = createJsonLogger(asyncStandardOutput());
      for (let i = 0; i < 20000; i++) logger.info({ msg: 'line', i, padding: 'x'.repeat(40) });
      process.exit(0);`;
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const lines = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { i: number });
    expect(lines.map((line) => line.i)).toEqual(Array.from({ length: 20000 }, (_, i) => i));
  });
});
