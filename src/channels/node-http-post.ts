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
export function postWithNodeHttp(
  url: URL,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
): Promise<RawReply> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
  const body = Buffer.from(init.body, 'utf8');
  return new Promise((resolve, reject) => {
    const fail = (error: unknown) => {
      reject(init.signal.aborted ? init.signal.reason : error);
      outgoing.destroy();
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
