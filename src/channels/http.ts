import { STATUS_CODES } from 'node:http';
import type { FailureReason, SendContext, SendResult } from './channel.ts';
import { postWithNodeHttp } from './node-http-post.ts';

/** The part of `Headers` the classifier reads, so a plain lookup works too. */
export interface HeaderLookup {
  get(name: string): string | null;
}

/** A peer's answer, body read as text. `kind` tells it apart from a `SendResult` failure. */
export interface HttpReply {
  kind: 'reply';
  status: number;
  headers: HeaderLookup;
  body: string;
}

/** A delivery that did not succeed. */
export type SendFailure = Exclude<SendResult, { kind: 'ok' }>;

const DETAIL_CHARS = 200;

/**
 * The shared status table (STYLE.md): 2xx ok; 408 retry/timeout; 425, 429 retry/rate_limited at
 * Retry-After; 5xx retry/server (at Retry-After when given); 401/403 fail/auth; other 4xx fail/client;
 * 3xx fail/config (we never follow redirects: they would carry signed requests elsewhere).
 * `detail` is the peer's own explanation (Slack's `invalid_payload`), clipped; never a URL of ours.
 */
export function classifyHttpResponse(
  status: number,
  headers: HeaderLookup,
  now: number,
  detail?: string,
): SendResult {
  if (status >= 200 && status < 300) return { kind: 'ok' };
  const message = describeStatus(status, detail);
  if (status === 408) return { kind: 'retry', reason: 'timeout', message };
  if (status === 425 || status === 429 || status >= 500) {
    const reason: FailureReason = status >= 500 ? 'server' : 'rate_limited';
    const retryAt = parseRetryAfter(headers.get('retry-after'), now);
    return retryAt === undefined
      ? { kind: 'retry', reason, message }
      : { kind: 'retry', reason, message, retryAt };
  }
  if (status === 401 || status === 403) return { kind: 'fail', reason: 'auth', message };
  if (status >= 300 && status < 400) {
    return { kind: 'fail', reason: 'config', message: `${message}; configure the final URL` };
  }
  return { kind: 'fail', reason: 'client', message };
}

/** `HTTP 429 Too Many Requests: rate_limited`, with the peer's detail flattened and clipped. */
export function describeStatus(status: number, detail?: string): string {
  const base = `HTTP ${status}${STATUS_CODES[status] ? ` ${STATUS_CODES[status]}` : ''}`;
  const clipped = detail === undefined ? '' : clipDetail(detail);
  return clipped ? `${base}: ${clipped}` : base;
}

export function clipDetail(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= DETAIL_CHARS ? flat : `${flat.slice(0, DETAIL_CHARS - 1)}…`;
}

/**
 * Retry-After as epoch ms: delay-seconds (`120`) or an HTTP-date. A date in the past means now;
 * anything unreadable is ignored (the outbox's own backoff applies).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return now + Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(date, now);
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * A rejected fetch as a SendResult. Abort and timeouts → retry/timeout; DNS, refused, reset, TLS
 * and anything unknown → retry/network. The message is built from error codes only: error messages
 * may quote the URL (`Failed to parse URL from https://api.telegram.org/bot<token>/...`).
 */
export function classifyFetchError(error: unknown): SendFailure {
  const name = errorField(error, 'name');
  if (name === 'AbortError' || name === 'TimeoutError') {
    return {
      kind: 'retry',
      reason: 'timeout',
      message: `request ${name === 'AbortError' ? 'aborted' : 'timed out'}`,
    };
  }
  const code = findCode(error);
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    return { kind: 'retry', reason: 'timeout', message: `request timed out (${code})` };
  }
  if (code === 'ERR_INVALID_URL') return { kind: 'fail', reason: 'config', message: 'invalid URL' };
  if (code !== undefined && (NETWORK_CODES.has(code) || /CERT|TLS|SSL/.test(code))) {
    return { kind: 'retry', reason: 'network', message: `network error (${code})` };
  }
  return {
    kind: 'retry',
    reason: 'network',
    message: `request failed (${code ?? (typeof name === 'string' ? name : 'unknown error')})`,
  };
}

function findCode(error: unknown): string | undefined {
  // undici wraps the socket error: TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }).
  for (let current = error, depth = 0; current !== undefined && depth < 4; depth++) {
    const code = errorField(current, 'code');
    if (typeof code === 'string') return code;
    current = errorField(current, 'cause');
  }
  return undefined;
}

function errorField(error: unknown, field: string): unknown {
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[field] : undefined;
}

export interface JsonRequest {
  url: string;
  body: string;
  method?: 'POST' | 'PUT';
  headers?: Record<string, string>;
}

/** The process's own fetch, as it was when Klaxon loaded: a `fetch` passed in other than it is used as given. */
const BUILT_IN_FETCH = globalThis.fetch;

/**
 * POST (or PUT) a JSON body; the reply with its body as text, or the fetch failure already
 * classified. Redirects are not followed. Never throws for network trouble. With the built-in
 * fetch, http(s) URLs go through node:http over kept-alive connections (postWithNodeHttp).
 */
export async function postJson(
  request: JsonRequest,
  context: Pick<SendContext<unknown, unknown>, 'fetch' | 'signal'>,
): Promise<HttpReply | SendFailure> {
  try {
    const url = context.fetch === BUILT_IN_FETCH ? parseHttpUrl(request.url) : undefined;
    if (url !== undefined) {
      const reply = await postWithNodeHttp(url, {
        method: request.method ?? 'POST',
        headers: { 'content-type': 'application/json', ...request.headers },
        body: request.body,
        signal: context.signal,
      });
      return { kind: 'reply', ...reply };
    }
    const response = await context.fetch(request.url, {
      method: request.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...request.headers },
      body: request.body,
      redirect: 'manual',
      signal: context.signal,
    });
    const body = await response.text();
    return { kind: 'reply', status: response.status, headers: response.headers, body };
  } catch (error) {
    return classifyFetchError(error);
  }
}

function parseHttpUrl(text: string): URL | undefined {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  return url?.protocol === 'http:' || url?.protocol === 'https:' ? url : undefined;
}

/**
 * The text with every secret replaced by `<secret>`, for peer replies that may echo a request
 * (an echo server returns our Authorization header; a flow quotes its own trigger URL). A secret
 * that is a URL also hides its path and query, and any long segment or query value of them.
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  const fragments = secrets.flatMap(secretFragments).filter((fragment) => fragment.length >= 8);
  fragments.sort((a, b) => b.length - a.length);
  let out = text;
  for (const fragment of fragments) out = out.split(fragment).join('<secret>');
  return out;
}

function secretFragments(secret: string): string[] {
  if (!/^https?:\/\//.test(secret) || !URL.canParse(secret)) return [secret];
  const url = new URL(secret);
  const pieces = [...url.pathname.split('/'), ...url.searchParams.values()].filter(
    (piece) => piece.length >= 16,
  );
  return [
    secret,
    `${url.pathname}${url.search}`,
    url.search.slice(1),
    ...pieces,
    ...pieces.map(encodeURIComponent),
  ];
}

/** `https://hooks.slack.com/…`: enough to say where, never the path or query that carry tokens. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '<invalid url>';
  }
}
