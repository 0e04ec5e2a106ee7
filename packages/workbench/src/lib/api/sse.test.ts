import { describe, expect, it } from 'vitest';
import { SseParser } from './sse.ts';

describe('SseParser', () => {
  it('yields events as their blocks complete, across chunk boundaries', () => {
    const parser = new SseParser();
    expect(parser.push('event: progress\nid: 1\ndata: {"a"')).toEqual([]);
    expect(parser.push(':1}\n\nevent: end\r\ndata: x\r\ndata: y\r\n\r\n: comment\n\n')).toEqual([
      { event: 'progress', data: '{"a":1}', id: '1' },
      { event: 'end', data: 'x\ny', id: undefined },
    ]);
  });
});
