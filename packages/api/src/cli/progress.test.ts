import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { aboveProgress, createProgress, withProgress } from './progress.ts';

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

describe('aboveProgress', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('prints lines above a bar on screen, whole, and draws the bar again below them', async () => {
    const terminal = fakeTerminal();
    const logs = fakeTerminal();
    const progress = createProgress('importing', 10, { stream: terminal.stream, enabled: true });
    progress.update(3);
    aboveProgress(logs.stream).write('{"msg":"job claimed"}\n');
    // stopped before the next redraw: the waiting line must still be printed
    progress.update(4);
    progress.stop();
    await tick();
    const screen = terminal.text();
    expect(screen).toContain('{"msg":"job claimed"}\n');
    expect(screen.lastIndexOf('importing')).toBeGreaterThan(screen.indexOf('job claimed'));
    expect(logs.text()).toBe('');
  });

  it('writes straight to its stream when no bar is on screen', async () => {
    const terminal = fakeTerminal();
    const logs = fakeTerminal();
    const progress = createProgress('importing', 10, { stream: terminal.stream, enabled: true });
    progress.update(3);
    progress.stop();
    aboveProgress(logs.stream).write('after\n');
    await tick();
    expect(logs.text()).toBe('after\n');
    expect(terminal.text()).not.toContain('after');
  });

  it('writes straight to a stream that is not a terminal, bar or not', async () => {
    const terminal = fakeTerminal();
    const file = fakeTerminal();
    const plain = Object.assign(file.stream, { isTTY: false });
    const progress = createProgress('importing', 10, { stream: terminal.stream, enabled: true });
    progress.update(3);
    aboveProgress(plain).write('to the file\n');
    progress.stop();
    await tick();
    expect(file.text()).toBe('to the file\n');
    expect(terminal.text()).not.toContain('to the file');
  });

  it('sends lines to the destination it is given when no bar is on screen, and above a bar when one is', async () => {
    const terminal = fakeTerminal();
    const logs = fakeTerminal();
    const destination: string[] = [];
    const out = aboveProgress(logs.stream, { write: (line: string) => destination.push(line) });
    out.write('before\n');
    const progress = createProgress('importing', 10, { stream: terminal.stream, enabled: true });
    progress.update(3);
    out.write('during\n');
    progress.stop();
    await tick();
    expect(destination).toEqual(['before\n']);
    expect(terminal.text()).toContain('during\n');
    expect(logs.text()).toBe('');
  });
});
