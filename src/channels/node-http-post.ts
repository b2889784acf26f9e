import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** What `postJson` reads of a reply. */
export interface RawReply {
  status: number;
  headers: { get(name: string): string | null };
  body: string;
}

/** A reply body beyond this is cut off: a broken or hostile peer cannot fill our memory. */
export const MAX_REPLY_BYTES = 4 * 1024 * 1024;

// Connections stay open between messages: an alert burst pays the TCP/TLS handshake once.
const agents = {
  'http:': new HttpAgent({ keepAlive: true }),
  'https:': new HttpsAgent({ keepAlive: true }),
};

/**
 * One request with node:http(s) over kept-alive connections: the same exchange as `fetch` for a
 * JSON post (no redirects followed, the body read as text) at a fraction of its CPU per request,
 * which counts when hundreds of alerts a second go out. Rejects as fetch does: the signal's reason
 * when it aborts (a TimeoutError for `AbortSignal.timeout`), else the socket error with its code.
 */
export function postWithNodeHttp(url: URL, init: PostInit): Promise<RawReply> {
  return attempt(url, init, false);
}

interface PostInit {
  method: string;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/**
 * A kept-alive connection the peer closed while idle may be reused in the instant before its close
 * arrives: the request then meets a reset with no reply. That one is sent again once on a new
 * connection, as Node's documentation advises (`request.reusedSocket`); any other failure is final.
 */
const STALE_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

function attempt(url: URL, init: PostInit, isRetry: boolean): Promise<RawReply> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  const body = Buffer.from(init.body, 'utf8');
  return new Promise((resolve, reject) => {
    let answered = false;
    const fail = (error: unknown) => {
      outgoing.destroy();
      const code = (error as { code?: unknown } | undefined)?.code;
      const stale = outgoing.reusedSocket && !answered && STALE_CONNECTION_CODES.has(String(code));
      if (stale && !isRetry && !init.signal.aborted) resolve(attempt(url, init, true));
      else reject(init.signal.aborted ? init.signal.reason : error);
    };
    const outgoing = send(
      url,
      {
        method: init.method,
        agent,
        signal: init.signal,
        headers: { ...init.headers, 'content-length': String(body.length) },
      },
      (response) => {
        answered = true;
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (text.length + chunk.length <= MAX_REPLY_BYTES) text += chunk;
          else fail(Object.assign(new Error('reply body too large'), { code: 'ERR_REPLY_TOO_LARGE' }));
        });
        response.on('error', fail);
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: headerLookup(response.headers), body: text }),
        );
      },
    );
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

function headerLookup(headers: IncomingHttpHeaders): RawReply['headers'] {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}
