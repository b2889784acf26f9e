/** Answers shaped as Elasticsearch and OpenSearch write them (bodies and headers). */

export type FakeProduct = 'elasticsearch' | 'opensearch';

export interface FakeReply {
  status: number;
  headers?: Record<string, string | string[]>;
  /** An object is sent as JSON; a string as it is. */
  body?: unknown;
}

/** `GET /` as each product answers it. */
export function describeCluster(product: FakeProduct, version: string): Record<string, unknown> {
  if (product === 'opensearch') {
    return {
      name: 'opensearch-node1',
      cluster_name: 'opensearch-cluster',
      cluster_uuid: 'Qb2lsyMsQjuo3Kj9Jq1P2w',
      version: {
        distribution: 'opensearch',
        number: version,
        build_type: 'tar',
        build_hash: '6adc0bf476e1624190564d7fbe4aba00ccf49ad8',
        build_date: '2024-02-20T00:00:00.000000Z',
        build_snapshot: false,
        lucene_version: '9.10.0',
        minimum_wire_compatibility_version: '7.10.0',
        minimum_index_compatibility_version: '7.0.0',
      },
      tagline: 'The OpenSearch Project: https://opensearch.org/',
    };
  }
  return {
    name: 'es01',
    cluster_name: 'docker-cluster',
    cluster_uuid: 'Zb0lBWXgQ0u4t4o6lyKkWQ',
    version: {
      number: version,
      build_flavor: 'default',
      build_type: 'docker',
      build_hash: '48a287ab9497e852de30327444b0809e55d46466',
      build_date: '2024-05-06T22:04:45.107454559Z',
      build_snapshot: false,
      lucene_version: '9.10.0',
      minimum_wire_compatibility_version: '7.17.0',
      minimum_index_compatibility_version: '7.0.0',
    },
    tagline: 'You Know, for Search',
  };
}

/**
 * Headers of a successful answer. Elasticsearch 7.14+ names itself in `x-elastic-product` (not on
 * 401/403); 8.x/9.x answer a compatible-with Accept in kind. OpenSearch sends neither.
 */
export function productHeaders(
  product: FakeProduct,
  major: number,
  minor: number,
  accept: string | undefined,
  authenticated: boolean,
): Record<string, string> {
  if (product === 'opensearch') return { 'content-type': 'application/json; charset=UTF-8' };
  const headers: Record<string, string> = {};
  if (authenticated && (major > 7 || (major === 7 && minor >= 14)))
    headers['x-elastic-product'] = 'Elasticsearch';
  if (major >= 8 && accept?.includes('compatible-with')) {
    headers['content-type'] = `application/vnd.elasticsearch+json;compatible-with=${major}`;
  } else {
    headers['content-type'] = major >= 8 ? 'application/json' : 'application/json; charset=UTF-8';
  }
  return headers;
}

/** `{"error": {"root_cause": [...], "type", "reason", ...}, "status"}`. */
export function errorBody(
  status: number,
  type: string,
  reason: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const cause = { type, reason, ...extra };
  return { error: { root_cause: [cause], ...cause }, status };
}

/** A query the shards cannot run: the top error says only that all shards failed. */
export function searchPhaseFailure(type: string, reason: string, index: string): Record<string, unknown> {
  const cause = { type, reason, index_uuid: 'aXkHk2yWRyO8VxGQPzTjSA', index };
  return {
    error: {
      root_cause: [cause],
      type: 'search_phase_execution_exception',
      reason: 'all shards failed',
      phase: 'query',
      grouped: true,
      failed_shards: [{ shard: 0, index, node: 'dYk3t2BPQ0GYRXxTNjS1gg', reason: cause }],
    },
    status: 400,
  };
}

export function indexNotFound(name: string): FakeReply {
  const extra = { 'resource.type': 'index_or_alias', 'resource.id': name, index_uuid: '_na_', index: name };
  return { status: 404, body: errorBody(404, 'index_not_found_exception', `no such index [${name}]`, extra) };
}

/** Bad or missing credentials: Elasticsearch's security_exception, or OpenSearch security's plain text. */
export function unauthorized(product: FakeProduct, path: string, sentCredentials: boolean): FakeReply {
  if (product === 'opensearch') {
    return {
      status: 401,
      headers: {
        'content-type': 'text/plain; charset=UTF-8',
        'www-authenticate': 'Basic realm="OpenSearch Security"',
      },
      body: 'Unauthorized',
    };
  }
  const challenges = ['Basic realm="security", charset="UTF-8"', 'Bearer realm="security"', 'ApiKey'];
  const reason = sentCredentials
    ? 'unable to authenticate with provided credentials and anonymous access is not allowed for this request'
    : `missing authentication credentials for REST request [${path}]`;
  return {
    status: 401,
    headers: { 'content-type': 'application/json', 'www-authenticate': challenges },
    body: errorBody(401, 'security_exception', reason, { header: { 'WWW-Authenticate': challenges } }),
  };
}

/** A route the version does not have. */
export function noHandler(path: string, method: string): FakeReply {
  return { status: 400, body: { error: `no handler found for uri [${path}] and method [${method}]` } };
}
