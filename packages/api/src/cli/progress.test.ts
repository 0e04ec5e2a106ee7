import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, withProgress } from './progress.ts';

function fakeTerminal(): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('createProgress', () => {
  it('draws a bar with the label and the count when enabled', async () => {
    const terminal = fakeTerminal();
    const progress = createProgress('scoring', 10, { stream: terminal.stream, enabled: true });
    progress.update(4);
    progress.increment(6);
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(terminal.text()).toContain('scoring');
    expect(terminal.text()).toContain('10/10');
  });

  it('shows a count while the total is unknown', async () => {
    const terminal = fakeTerminal();
    const progress = createProgress('reading', undefined, {
      stream: terminal.stream,
      enabled: true,
    });
    progress.update(20_000, undefined, 'rows');
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(terminal.text()).toContain('reading 20000 rows');
  });

  it('writes nothing when the stream is not a terminal', async () => {
    const terminal = fakeTerminal();
    const plain = Object.assign(terminal.stream, { isTTY: false });
    const progress = createProgress('scoring', 10, { stream: plain });
    progress.update(5);
    progress.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(terminal.text()).toBe('');
  });

  it('stops the display when the work throws', async () => {
    const terminal = fakeTerminal();
    await expect(
      withProgress(
        'failing',
        3,
        (progress) => {
          progress.update(1);
          throw new Error('boom');
        },
        { stream: terminal.stream, enabled: true },
      ),
    ).rejects.toThrow('boom');
    await new Promise((resolve) => setImmediate(resolve));
    // a stopped bar ends its line and shows the cursor again
    expect(terminal.text()).toMatch(/failing .*1\/3[^]*\n/);
    expect(terminal.text()).toContain('\u001b[?25h');
  });
});
