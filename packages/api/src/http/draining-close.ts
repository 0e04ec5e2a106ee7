import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** How long requests in progress may take to finish once the server is closing. */
export const DRAIN_GRACE_MS = 10_000;

const isEventStream = (request: IncomingMessage): boolean =>
  request.headers.accept?.includes('text/event-stream') === true;

/**
 * Returns a `close` for `server` that lets the requests in progress finish: it stops
 * accepting connections, ends event streams (they never finish on their own), waits for the
 * other requests to be answered (at most `graceMs`), then closes every connection left.
 * Cutting connections at once would fail requests mid-way and leave their handlers running
 * against a database that is about to close.
 *
 * @example
 * const close = drainingClose(server);
 * process.once('SIGTERM', () => void close().then(() => database.close()));
 */
export function drainingClose(server: Server, graceMs = DRAIN_GRACE_MS): () => Promise<void> {
  const inFlight = new Map<ServerResponse, IncomingMessage>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    inFlight.set(response, request);
    response.once('close', () => inFlight.delete(response));
  });

  const drained = (deadline: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (inFlight.size === 0 || Date.now() >= deadline) resolve();
        else setTimeout(check, 10);
      };
      check();
    });

  return async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    for (const [response, request] of inFlight) {
      if (isEventStream(request)) response.destroy();
    }
    await drained(Date.now() + graceMs);
    // Connections a finished request left idle, and whatever outlived the grace period.
    server.closeAllConnections();
    await closed;
  };
}
