import { createServer } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeQueryError } from './fake-elasticsearch-query.ts';
import type { Source } from './fake-elasticsearch-query.ts';
import { createFakeCluster } from './fake-elasticsearch-cluster.ts';
import { errorBody, productHeaders, searchPhaseFailure, unauthorized } from './fake-elasticsearch-replies.ts';
import type { FakeProduct, FakeReply } from './fake-elasticsearch-replies.ts';
import { FakeEsError } from './fake-elasticsearch-search.ts';

export type { FakeProduct, FakeReply } from './fake-elasticsearch-replies.ts';

export interface FakeEsOptions {
  product?: FakeProduct;
  /** `version.number`: 7.17.21, 8.13.4, 9.0.1 (Elasticsearch) or 1.3.17, 2.11.1 (OpenSearch). */
  version?: string;
  /** The encoded API key the cluster accepts (`Authorization: ApiKey <key>`). */
  apiKey?: string;
  basic?: { username: string; password: string };
  /** Serve https with this PEM key and certificate. */
  tls?: { key: string; cert: string };
}

/** One request as the fake received it. */
export interface FakeRequest {
  method: string;
  /** Path without the query string, decoded. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeElasticsearch {
  /** `http://127.0.0.1:<port>` (`https://` with `tls`). */
  url: string;
  requests: FakeRequest[];
  /** Indexes documents (`_id` optional, the rest is `_source`), creating the index if needed. */
  addDocuments(index: string, documents: Source[]): void;
  /** Which credentials the cluster accepts from now on (none: no security). */
  setCredentials(credentials: Pick<FakeEsOptions, 'apiKey' | 'basic'>): void;
  /** Answers the next `times` requests for which `when` holds with `reply`, or never (`hang`). */
  intercept(
    reply: FakeReply | 'hang',
    options?: { times?: number; when?: (request: FakeRequest) => boolean },
  ): void;
  /** Points in time opened and not closed. */
  openPits(): number;
  /** Stops listening (connections are refused) until `restart`. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real `node:http` server on 127.0.0.1 acting as one Elasticsearch or OpenSearch node holding
 * documents in memory. It answers `GET /`, point in time open/close (`_pit` on Elasticsearch
 * 7.10+, `_search/point_in_time` on OpenSearch 2.4+), `_search` and `_count` (queries as
 * fake-elasticsearch-query.ts describes, sort, search_after, size, track_total_hits, terms and
 * composite aggregations), with the bodies, headers and errors of the real products.
 */
export async function startFakeElasticsearch(options: FakeEsOptions = {}): Promise<FakeElasticsearch> {
  const product = options.product ?? 'elasticsearch';
  const version = options.version ?? (product === 'opensearch' ? '2.11.1' : '8.13.4');
  const [major, minor] = version.split('.').map(Number) as [number, number];
  const cluster = createFakeCluster(product, version);
  const requests: FakeRequest[] = [];
  let credentials: Pick<FakeEsOptions, 'apiKey' | 'basic'> = { apiKey: options.apiKey, basic: options.basic };
  let intercepts: { reply: FakeReply | 'hang'; times: number; when: (request: FakeRequest) => boolean }[] =
    [];

  function answer(request: FakeRequest): FakeReply | 'hang' {
    const intercept = intercepts.find((entry) => entry.when(request));
    if (intercept) {
      intercept.times--;
      intercepts = intercepts.filter((entry) => entry.times > 0);
      return intercept.reply;
    }
    if (!isAuthorized(request.headers.authorization, credentials)) {
      return unauthorized(product, request.path, request.headers.authorization !== undefined);
    }
    try {
      return cluster.route(request);
    } catch (error) {
      if (error instanceof FakeEsError)
        return { status: error.status, body: errorBody(error.status, error.type, error.reason) };
      if (error instanceof FakeQueryError) {
        return {
          status: 400,
          body: searchPhaseFailure('query_shard_exception', error.message, request.path),
        };
      }
      throw error;
    }
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const text = Buffer.concat(chunks).toString('utf8');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: decodeURIComponent(url.pathname),
        query: url.searchParams,
        headers: req.headers,
        body: text === '' ? undefined : JSON.parse(text),
      };
      requests.push(request);
      const reply = answer(request);
      if (reply === 'hang') return;
      const authenticated = reply.status !== 401 && reply.status !== 403;
      writeReply(res, reply, productHeaders(product, major, minor, req.headers.accept, authenticated));
    });
  };
  const server = options.tls ? createTlsServer(options.tls, handle) : createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const stop = (): Promise<void> => {
    server.closeAllConnections();
    return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  };

  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    addDocuments: (index, documents) => cluster.addDocuments(index, documents),
    setCredentials(next) {
      credentials = next;
    },
    intercept(reply, { times = 1, when = () => true } = {}) {
      intercepts.push({ reply, times, when });
    },
    openPits: () => cluster.openPits(),
    stop,
    restart() {
      return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    },
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}

function isAuthorized(
  header: string | undefined,
  credentials: Pick<FakeEsOptions, 'apiKey' | 'basic'>,
): boolean {
  if (credentials.apiKey === undefined && credentials.basic === undefined) return true;
  if (credentials.apiKey !== undefined && header === `ApiKey ${credentials.apiKey}`) return true;
  const { basic } = credentials;
  return (
    basic !== undefined &&
    header === `Basic ${Buffer.from(`${basic.username}:${basic.password}`).toString('base64')}`
  );
}

function writeReply(res: ServerResponse, reply: FakeReply, defaults: Record<string, string>): void {
  const body =
    reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, { ...defaults, ...reply.headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
