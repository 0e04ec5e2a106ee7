import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/** The JSON body Tagwise POSTs. */
export interface DeliveryBody {
  id: string;
  type: string;
  occurredAt: string;
  workspace: string;
  data: Record<string, unknown>;
}

/** One request the receiver got, and how it answered (`hang`: it never did). */
export interface ReceivedRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  readonly body: DeliveryBody;
  readonly answer: number | 'hang';
}

/** What to answer the `nth` (1-based) request to a path. */
export type Answer = (nth: number) => number | 'hang';

/**
 * A webhook receiver on an ephemeral port: records every request and answers per path
 * (200 unless told otherwise). Tests wait on it instead of sleeping.
 */
export class WebhookReceiver {
  readonly requests: ReceivedRequest[] = [];
  readonly #answers = new Map<string, Answer>();
  readonly #hung: ServerResponse[] = [];
  readonly #listeners = new Set<() => void>();

  private constructor(
    readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const receiver = new WebhookReceiver(
      server,
      `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    );
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => receiver.#handle(req.url ?? '/', req.headers, chunks, res));
    });
    return receiver;
  }

  #handle(path: string, headers: IncomingHttpHeaders, chunks: Buffer[], res: ServerResponse) {
    const nth = this.requests.filter((r) => r.path === path).length + 1;
    const answer = (this.#answers.get(path) ?? (() => 200))(nth);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    this.requests.push({
      path,
      headers,
      rawBody,
      body: JSON.parse(rawBody) as DeliveryBody,
      answer,
    });
    if (answer === 'hang') this.#hung.push(res);
    else res.writeHead(answer, { 'content-type': 'text/plain' }).end(`answer ${answer}`);
    for (const listener of this.#listeners) listener();
  }

  /** Sets how requests to `path` are answered from now on. */
  answer(path: string, answer: Answer): void {
    this.#answers.set(path, answer);
  }

  /** The requests to `path`. */
  at(path: string): ReceivedRequest[] {
    return this.requests.filter((r) => r.path === path);
  }

  /** Resolves once `condition` holds (checked now and after every request). */
  async until(condition: () => boolean): Promise<void> {
    if (condition()) return;
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!condition()) return;
        this.#listeners.delete(check);
        resolve();
      };
      this.#listeners.add(check);
    });
  }

  async close(): Promise<void> {
    for (const res of this.#hung) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Checks a request the way a subscriber would: recompute the HMAC-SHA256 of
 * `<timestamp>.<raw body>` with the secret and compare in constant time.
 */
export function signatureIsValid(request: ReceivedRequest, secret: string): boolean {
  const timestamp = request.headers['x-tagwise-timestamp'];
  const signature = request.headers['x-tagwise-signature'];
  if (typeof timestamp !== 'string' || typeof signature !== 'string') return false;
  const expected = Buffer.from(
    `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.rawBody}`).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
