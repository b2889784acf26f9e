import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import https from 'node:https';

export interface EsHttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path below the cluster URL, with its query string: `/winlogbeat-*\/_pit?keep_alive=1m`. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
}

export interface EsHttpReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface EsHttpTarget {
  url: URL;
  /** Sent with every request (Authorization). */
  headers: Record<string, string>;
  timeoutMs: number;
  /** Keeps connections open between polls and trusts the CA (see createEsAgent); one per source. */
  agent: http.Agent;
}

/**
 * An agent of the right protocol for the URL, keeping connections alive between requests; for
 * https, `ca` (PEM text) is trusted instead of the system store.
 */
export function createEsAgent(url: URL, ca: string | undefined): http.Agent {
  const options = { keepAlive: true, maxSockets: 4 };
  return url.protocol === 'https:'
    ? new https.Agent({ ...options, ...(ca ? { ca } : {}) })
    : new http.Agent(options);
}

/**
 * Sends one request with `node:http(s)` (global fetch cannot be given a CA without undici) and
 * reads the whole answer as text. Rejects on network trouble, on `timeoutMs` without an answer
 * (an error with code `ETIMEDOUT`) and when `signal` aborts.
 */
export function sendEsRequest(
  target: EsHttpTarget,
  request: EsHttpRequest,
  signal: AbortSignal,
): Promise<EsHttpReply> {
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const basePath = target.url.pathname.replace(/\/+$/, '');
  const headers: Record<string, string | number> = { accept: 'application/json', ...target.headers };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(body);
  }
  const send = target.url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(
      {
        protocol: target.url.protocol,
        hostname: target.url.hostname.replace(/^\[|\]$/g, ''),
        port: target.url.port || undefined,
        method: request.method,
        path: `${basePath}${request.path}`,
        headers,
        agent: target.agent,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(target.timeoutMs, () => {
      req.destroy(Object.assign(new Error(`no answer within ${target.timeoutMs} ms`), { code: 'ETIMEDOUT' }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
