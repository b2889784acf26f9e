import { wildcardPattern } from './fake-elasticsearch-query.ts';
import type { Source } from './fake-elasticsearch-query.ts';
import { describeCluster, errorBody, indexNotFound, noHandler } from './fake-elasticsearch-replies.ts';
import type { FakeProduct, FakeReply } from './fake-elasticsearch-replies.ts';
import { runSearch } from './fake-elasticsearch-search.ts';
import type { StoredDoc } from './fake-elasticsearch-search.ts';

/** What the cluster part of the fake needs of a request. */
export interface ClusterRequest {
  method: string;
  /** Path without the query string, decoded. */
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export interface FakeCluster {
  /** The answer to an authenticated request; throws FakeEsError/FakeQueryError for bad searches. */
  route(request: ClusterRequest): FakeReply;
  addDocuments(index: string, documents: Source[]): void;
  openPits(): number;
}

interface Pit {
  docs: StoredDoc[];
}

/**
 * The in-memory node behind the fake server: indices of documents, points in time (a copy of the
 * documents when opened) and the routes each product and version has.
 */
export function createFakeCluster(product: FakeProduct, version: string): FakeCluster {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  const at = (m: number, n: number) => major > m || (major === m && minor >= n);
  const indices = new Map<string, StoredDoc[]>();
  const pits = new Map<string, Pit>();
  let seq = 0;
  let pitCounter = 0;
  const features = {
    esPit: product === 'elasticsearch' && at(7, 10),
    osPit: product === 'opensearch' && at(2, 4),
    shardDoc: product === 'elasticsearch' ? at(7, 12) : at(3, 3),
    idFielddata: product === 'opensearch' || major < 8,
  };

  function resolve(expression: string, query: URLSearchParams): StoredDoc[] | FakeReply {
    const allowNoIndices = query.get('allow_no_indices') !== 'false';
    const ignoreUnavailable = query.get('ignore_unavailable') === 'true';
    const docs: StoredDoc[] = [];
    for (const name of expression === '_all' ? ['*'] : expression.split(',')) {
      const pattern = wildcardPattern(name);
      const found = [...indices.keys()].filter((index) => pattern.test(index));
      if (found.length === 0 && (!name.includes('*') || !allowNoIndices) && !ignoreUnavailable) {
        return indexNotFound(name);
      }
      for (const index of found) docs.push(...(indices.get(index) ?? []));
    }
    return docs.sort((a, b) => a.seq - b.seq);
  }

  function search(index: string | undefined, request: ClusterRequest): FakeReply {
    const body = (request.body ?? {}) as Source;
    const pitRef = body.pit as Source | undefined;
    if (pitRef !== undefined && index !== undefined) {
      return {
        status: 400,
        body: errorBody(
          400,
          'action_request_validation_exception',
          'Validation Failed: 1: [indices] cannot be used with point in time. Do not specify any index with point in time.;',
        ),
      };
    }
    let docs: StoredDoc[];
    if (pitRef !== undefined) {
      const pit = pits.get(String(pitRef.id));
      if (!pit) {
        const reason = `No search context found for id [${String(pitRef.id)}]`;
        return { status: 404, body: errorBody(404, 'search_context_missing_exception', reason) };
      }
      docs = pit.docs;
    } else {
      const resolved = resolve(index ?? '_all', request.query);
      if (!Array.isArray(resolved)) return resolved;
      docs = resolved;
    }
    const rules = {
      inPit: pitRef !== undefined,
      shardDoc: features.shardDoc,
      idFielddata: features.idFielddata,
    };
    const reply = runSearch(docs, body, rules);
    if (pitRef !== undefined) reply.pit_id = String(pitRef.id);
    return { status: 200, body: reply };
  }

  function openPit(index: string, request: ClusterRequest): FakeReply {
    if (!request.query.get('keep_alive')) {
      return {
        status: 400,
        body: errorBody(
          400,
          'action_request_validation_exception',
          'Validation Failed: 1: [keep_alive] is not specified;',
        ),
      };
    }
    const resolved = resolve(index, request.query);
    if (!Array.isArray(resolved)) return resolved;
    const id = Buffer.from(`fake-pit-${++pitCounter}-${index}`).toString('base64');
    pits.set(id, { docs: resolved });
    const shards = { total: 1, successful: 1, skipped: 0, failed: 0 };
    if (product === 'opensearch')
      return { status: 200, body: { pit_id: id, _shards: shards, creation_time: Date.now() } };
    return { status: 200, body: major >= 8 ? { id, _shards: shards } : { id } };
  }

  function closePit(request: ClusterRequest): FakeReply {
    const body = (request.body ?? {}) as Source;
    if (product === 'opensearch') {
      const ids = Array.isArray(body.pit_id) ? body.pit_id.map(String) : [];
      return {
        status: 200,
        body: { pits: ids.map((id) => ({ successful: pits.delete(id), pit_id: id })) },
      };
    }
    const freed = pits.delete(String(body.id));
    return { status: freed ? 200 : 404, body: { succeeded: true, num_freed: freed ? 1 : 0 } };
  }

  function count(index: string | undefined, request: ClusterRequest): FakeReply {
    const resolved = resolve(index ?? '_all', request.query);
    if (!Array.isArray(resolved)) return resolved;
    const query = ((request.body ?? {}) as Source).query;
    const hits = runSearch(
      resolved,
      { query, size: 0, track_total_hits: true },
      { inPit: false, shardDoc: false, idFielddata: false },
    );
    const total = ((hits.hits as Source).total as Source).value;
    return {
      status: 200,
      body: { count: total, _shards: { total: 1, successful: 1, skipped: 0, failed: 0 } },
    };
  }

  function route(request: ClusterRequest): FakeReply {
    const { method, path } = request;
    const parts = path.split('/').filter(Boolean);
    if (parts.length === 0 && (method === 'GET' || method === 'HEAD')) {
      return { status: 200, body: describeCluster(product, version) };
    }
    if (features.esPit && method === 'DELETE' && path === '/_pit') return closePit(request);
    if (features.osPit && method === 'DELETE' && path === '/_search/point_in_time') return closePit(request);
    if (features.esPit && method === 'POST' && parts.length === 2 && parts[1] === '_pit') {
      return openPit(parts[0] as string, request);
    }
    if (
      features.osPit &&
      method === 'POST' &&
      parts.length === 3 &&
      parts[1] === '_search' &&
      parts[2] === 'point_in_time'
    ) {
      return openPit(parts[0] as string, request);
    }
    const isRead = method === 'GET' || method === 'POST';
    if (isRead && parts.length === 1 && parts[0] === '_search') return search(undefined, request);
    if (isRead && parts.length === 2 && parts[1] === '_search') return search(parts[0], request);
    if (isRead && parts.length === 1 && parts[0] === '_count') return count(undefined, request);
    if (isRead && parts.length === 2 && parts[1] === '_count') return count(parts[0], request);
    return noHandler(path, method);
  }

  return {
    route,
    addDocuments(index, documents) {
      const stored = indices.get(index) ?? [];
      for (const { _id, ...source } of documents) {
        seq++;
        stored.push({
          _index: index,
          _id: typeof _id === 'string' ? _id : `doc-${seq}`,
          _source: source,
          seq,
        });
      }
      indices.set(index, stored);
    },
    openPits: () => pits.size,
  };
}
