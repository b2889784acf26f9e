import type * as ElasticModule from '@elastic/elasticsearch';
import type * as OpenSearchModule from '@opensearch-project/opensearch';
import type { EsHttpRequest } from './es-request.ts';
import type { EsSettings } from './resolve-settings.ts';

export type EsProduct = 'Elasticsearch' | 'OpenSearch';

/** What a request brought back: a status and the parsed body (a string when it was not JSON). */
export interface TransportReply {
  status: number;
  body: unknown;
}

/**
 * One connection pool of the official client for the product: `@elastic/elasticsearch` or
 * `@opensearch-project/opensearch`. `send` rejects with the client's own errors (ResponseError
 * for an answer other than 2xx, ConnectionError, TimeoutError, RequestAbortedError).
 */
export interface OfficialTransport {
  send(request: EsHttpRequest, signal: AbortSignal): Promise<TransportReply>;
  close(): void;
}

/**
 * The client's package is imported with the first request: loading both takes some 0.3 s of CPU,
 * which a process that never asks a cluster (a replay of files) should not pay at start.
 */
export function createOfficialTransport(
  product: EsProduct,
  settings: EsSettings,
  ca: string | undefined,
): OfficialTransport {
  let opened: Promise<OfficialTransport> | undefined;
  const open = (): Promise<OfficialTransport> =>
    (opened ??=
      product === 'OpenSearch'
        ? import('@opensearch-project/opensearch').then((client) => openSearchTransport(client, settings, ca))
        : import('@elastic/elasticsearch').then((client) => elasticTransport(client, settings, ca)));
  return {
    async send(request, signal) {
      return (await open()).send(request, signal);
    },
    close() {
      void opened?.then((transport) => transport.close());
    },
  };
}

function commonOptions(settings: EsSettings, ca: string | undefined) {
  const headers: Record<string, string> =
    settings.authorization === undefined ? {} : { authorization: settings.authorization };
  return {
    nodes: settings.nodes.map((node) => node.toString()),
    headers,
    requestTimeout: settings.timeoutMs,
    // The source retries a failed poll itself with a back-off and a fresh session (run-es-source.ts).
    maxRetries: 0,
    compression: settings.compression,
    ...(settings.url.protocol === 'https:'
      ? {
          tls: {
            ...(ca ? { ca } : {}),
            rejectUnauthorized: settings.verification !== 'none',
            ...(settings.verification === 'certificate' ? { checkServerIdentity: () => undefined } : {}),
          },
        }
      : {}),
  };
}

function splitPath(path: string): { path: string; querystring: Record<string, string> } {
  const at = path.indexOf('?');
  if (at < 0) return { path, querystring: {} };
  return {
    path: path.slice(0, at),
    querystring: Object.fromEntries(new URLSearchParams(path.slice(at + 1))),
  };
}

function elasticTransport(
  elastic: typeof ElasticModule,
  settings: EsSettings,
  ca: string | undefined,
): OfficialTransport {
  const { tls, compression, ...options } = commonOptions(settings, ca);
  const client = new elastic.Client({
    ...options,
    ...(tls ? { tls } : {}),
    compression: compression === true,
    Connection: elastic.HttpConnection,
    Transport: withoutProductCheck(elastic.SniffingTransport),
  });
  return {
    async send(request, signal) {
      const reply = await client.transport.request(
        { method: request.method, ...splitPath(request.path), body: request.body as Record<string, unknown> },
        { signal, meta: true },
      );
      return { status: reply.statusCode ?? 0, body: reply.body };
    },
    close() {
      void client.close();
    },
  };
}

function openSearchTransport(
  openSearch: typeof OpenSearchModule,
  settings: EsSettings,
  ca: string | undefined,
): OfficialTransport {
  const { tls, compression, ...options } = commonOptions(settings, ca);
  const client = new openSearch.Client({
    ...options,
    ...(tls ? { ssl: tls } : {}),
    ...(compression ? { compression: 'gzip' as const } : {}),
  });
  return {
    async send(request, signal) {
      const pending = client.transport.request({
        method: request.method,
        ...splitPath(request.path),
        ...(request.body === undefined ? {} : { body: request.body as Record<string, unknown> }),
      });
      // Returns nothing: Node's EventTarget rethrows, as an uncaught exception, the rejection of a
      // thenable a listener returns, and `abort()` returns the request, which then rejects.
      const abort = (): void => {
        pending.abort();
      };
      signal.addEventListener('abort', abort, { once: true });
      try {
        const reply = await pending;
        return { status: reply.statusCode ?? 0, body: reply.body };
      } finally {
        signal.removeEventListener('abort', abort);
      }
    },
    close() {
      void client.close();
    },
  };
}

/**
 * The client refuses answers without `x-elastic-product: Elasticsearch`, which Elasticsearch sends
 * only from 7.14 on. The source supports 7.0 and later and tells the product and version apart
 * itself from `GET /` (detect-cluster.ts), so the check is left out.
 */
function withoutProductCheck(
  SniffingTransport: typeof ElasticModule.SniffingTransport,
): typeof ElasticModule.SniffingTransport {
  return class TransportWithoutProductCheck extends SniffingTransport {
    constructor(options: ConstructorParameters<typeof SniffingTransport>[0]) {
      super({ ...options, productCheck: undefined });
    }
  };
}
