import { parseDuration } from '../../core/index.ts';
import type { EsConfig, EsSecrets } from './schema.ts';

export interface PushdownSpec {
  groupBy: string[];
  threshold: number;
  windowMs: number;
  /** As written (`5m`), for the documents. */
  window: string;
  rule?: string;
}

/** The settings in the form the source works with: milliseconds, a ready Authorization header. */
export interface EsSettings {
  /** The first node, named in messages. */
  url: URL;
  /** Every node the client may use (`hosts`), or the one of `url` / the Cloud ID. */
  nodes: URL[];
  cloudId: string | undefined;
  /** full: chain and host name; certificate: chain only; none: nothing checked. */
  verification: 'full' | 'certificate' | 'none';
  compression: boolean;
  index: string;
  /** The user's query as a query DSL clause; undefined matches everything. */
  query: Record<string, unknown> | undefined;
  intervalMs: number;
  overlapMs: number;
  pageSize: number;
  timestampField: string;
  /** PEM files of the CAs to trust (`ca_file` and `ssl.certificate_authorities`). */
  caFiles: string[];
  startFromMs: number;
  timeoutMs: number;
  /** `Authorization` header value, when credentials are set. */
  authorization: string | undefined;
  /** Which credentials are used, in words for status messages (`API key`, `basic auth as user "elastic"`). */
  authDescription: string;
  /** Every form of the secrets that could appear in a reply, to scrub from messages. */
  secretTexts: string[];
  pushdown: PushdownSpec[];
}

/** The settings, or a message saying which settings do not go together. */
export function resolveEsSettings(config: EsConfig, secrets: EsSecrets): EsSettings | { error: string } {
  const auth = resolveAuth(config.username, secrets);
  if ('error' in auth) return auth;
  const nodes = resolveNodes(config);
  if ('error' in nodes) return nodes;
  const pushdown = config.pushdown === undefined ? [] : [config.pushdown].flat();
  const mode = config.ssl?.verification_mode ?? 'full';
  return {
    url: nodes.nodes[0]!,
    nodes: nodes.nodes,
    cloudId: config.cloud?.id,
    verification: mode === 'strict' ? 'full' : mode,
    compression: config.compression_level > 0,
    index: config.index,
    query: typeof config.query === 'string' ? { query_string: { query: config.query } } : config.query,
    intervalMs: readMs(config.interval),
    overlapMs: readMs(config.overlap),
    pageSize: config.page_size,
    timestampField: config.timestamp_field,
    caFiles: [config.ca_file ?? [], config.ssl?.certificate_authorities ?? []].flat(),
    startFromMs: readMs(config.start_from),
    timeoutMs: readMs(config.timeout),
    ...auth,
    pushdown: pushdown.map((spec) => ({
      groupBy: spec.group_by,
      threshold: spec.threshold,
      windowMs: readMs(spec.window),
      window: spec.window,
      ...(spec.rule === undefined ? {} : { rule: spec.rule }),
    })),
  };
}

/** The nodes to talk to; a Cloud ID names one, as `cluster:base64("host$es-id$kibana-id")`. */
function resolveNodes(config: EsConfig): { nodes: URL[] } | { error: string } {
  if (config.hosts !== undefined) return { nodes: config.hosts.map((host) => new URL(host)) };
  if (config.url !== undefined) return { nodes: [new URL(config.url)] };
  const encoded = config.cloud?.id.slice(config.cloud.id.indexOf(':') + 1) ?? '';
  const [host, esId] = Buffer.from(encoded, 'base64').toString('utf8').split('$');
  const text = `https://${esId ?? ''}.${host ?? ''}`;
  if (!host || !esId || !URL.canParse(text)) return { error: 'cloud.id does not decode to host$es-id' };
  return { nodes: [new URL(text)] };
}

type Auth = Pick<EsSettings, 'authorization' | 'authDescription' | 'secretTexts'>;

function resolveAuth(username: string | undefined, secrets: EsSecrets): Auth | { error: string } {
  const { api_key: apiKey, password, bearer_token: bearer } = secrets;
  if (bearer !== undefined) {
    if (apiKey !== undefined || username !== undefined || password !== undefined) {
      return { error: 'bearer_token is set with api_key or username/password: keep one of them' };
    }
    return { authorization: `Bearer ${bearer}`, authDescription: 'bearer token', secretTexts: [bearer] };
  }
  if (apiKey !== undefined && (username !== undefined || password !== undefined)) {
    return { error: 'both api_key and username/password are set: keep one of them' };
  }
  if (apiKey !== undefined) {
    // Kibana shows the encoded key; `id:api_key` (the two parts of the create API's answer) is encoded here.
    const encoded = apiKey.includes(':') ? Buffer.from(apiKey).toString('base64') : apiKey;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    // The key's id names it in Elasticsearch's answers and grants nothing: only the secret half is hidden.
    const secretHalf = /^[\x21-\x7e]+:[\x21-\x7e]+$/.test(decoded)
      ? decoded.slice(decoded.indexOf(':') + 1)
      : undefined;
    return {
      authorization: `ApiKey ${encoded}`,
      authDescription: 'API key',
      secretTexts: secretHalf === undefined ? [apiKey, encoded] : [apiKey, encoded, secretHalf],
    };
  }
  if (username !== undefined && password === undefined) {
    return { error: `username "${username}" is set but no password: set password (or use api_key)` };
  }
  if (password !== undefined && username === undefined) {
    return { error: 'password is set but no username: set username (or use api_key)' };
  }
  if (username !== undefined && password !== undefined) {
    const encoded = Buffer.from(`${username}:${password}`).toString('base64');
    return {
      authorization: `Basic ${encoded}`,
      authDescription: `basic auth as user "${username}"`,
      secretTexts: [password, encoded],
    };
  }
  return { authorization: undefined, authDescription: 'no credentials', secretTexts: [] };
}

function readMs(text: string): number {
  return parseDuration(text) ?? 0; // the schema accepted only parsable durations
}
