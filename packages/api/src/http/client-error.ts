import { randomUUID } from 'node:crypto';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { problemBody, type Problem } from './problem.ts';

/** The problem for a request Node's HTTP parser refused before any route could see it. */
function problemFor(code: string | undefined): Problem {
  const requestId = randomUUID();
  if (code === 'HPE_HEADER_OVERFLOW') {
    return problemBody(
      'headers-too-large',
      `request headers are limited to ${maxHeaderSize / 1024} KiB in all`,
      requestId,
    );
  }
  if (code === 'HPE_REQUEST_TIMEOUT') {
    return problemBody('request-timeout', 'the request was not received in time', requestId);
  }
  return problemBody('malformed-request', 'the request is not valid HTTP/1.1', requestId);
}

/**
 * Answers a request the HTTP parser refused (headers too large, a timeout, bytes that are
 * not HTTP) with a problem+json like every other error, instead of Node's bare status line.
 * A connection the client already dropped is only closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const problem = problemFor(error.code);
  const json = JSON.stringify(problem);
  socket.end(
    [
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
      'Content-Type: application/problem+json',
      `Content-Length: ${Buffer.byteLength(json)}`,
      `X-Request-Id: ${problem.requestId}`,
      'Connection: close',
      '',
      json,
    ].join('\r\n'),
  );
}
