import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the peer received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, as sent: `/services/T000/B000/XXXX?x=1`. */
  path: string;
  /** Lower-cased header names, as node:http gives them. */
  headers: IncomingHttpHeaders;
  body: string;
}

/** How the peer answers; an object body is sent as JSON with `content-type: application/json`. */
export interface PeerReply {
  status: number;
  headers?: Record<string, string>;
  body?: string | object;
}

/** Answers a request; may return a promise that never settles, to hold the request open. */
export type PeerHandler = (request: RecordedRequest) => PeerReply | Promise<PeerReply>;

export interface HttpPeer {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string;
  /** Every request so far, in arrival order. */
  requests: RecordedRequest[];
  /** Replaces how the peer answers from now on. */
  respond(handler: PeerHandler | PeerReply): void;
  /** Resolves with the next request to arrive (or the first one not yet awaited). */
  nextRequest(): Promise<RecordedRequest>;
  /** Stops listening and drops open connections; closing twice is fine. */
  close(): Promise<void>;
}

/**
 * A real `node:http` server on 127.0.0.1 with a free port, answering as scripted and recording
 * every request, so channel tests exercise fetch, headers and bodies end to end.
 */
export async function startHttpPeer(handler: PeerHandler | PeerReply = { status: 200 }): Promise<HttpPeer> {
  let current = toHandler(handler);
  const requests: RecordedRequest[] = [];
  const waiting: ((request: RecordedRequest) => void)[] = [];
  let awaited = 0;

  const server = createServer((req, res) => {
    void readRequest(req).then(async (request) => {
      requests.push(request);
      waiting.shift()?.(request);
      try {
        writeReply(res, await current(request));
      } catch (error) {
        writeReply(res, { status: 500, body: `peer handler failed: ${String(error)}` });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(next) {
      current = toHandler(next);
    },
    nextRequest() {
      const ready = requests[awaited];
      awaited++;
      if (ready) return Promise.resolve(ready);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      if (!server.listening) return Promise.resolve();
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function toHandler(handler: PeerHandler | PeerReply): PeerHandler {
  return typeof handler === 'function' ? handler : () => handler;
}

async function readRequest(req: IncomingMessage): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    headers: req.headers,
    body: Buffer.concat(chunks).toString('utf8'),
  };
}

function writeReply(res: ServerResponse, reply: PeerReply): void {
  const isJson = typeof reply.body === 'object';
  const body = isJson ? JSON.stringify(reply.body) : (reply.body ?? '');
  res.writeHead(reply.status, {
    ...(isJson ? { 'content-type': 'application/json; charset=utf-8' } : { 'content-type': 'text/plain' }),
    ...reply.headers,
  });
  res.end(body);
}
