import { STATUS_CODES } from 'node:http';
import { isObject } from '../../core/index.ts';

const MESSAGE_CHARS = 300;
const MIN_SECRET_CHARS = 3;

const TLS_UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
]);

/**
 * A request that got no answer, in plain words naming the host (never the credentials). Built
 * from the error code only: messages of lower layers may quote more than we want to show.
 */
export function describeNetworkError(error: unknown, url: URL): string {
  const where = url.host;
  const code = findCode(error);
  switch (code) {
    case 'ECONNREFUSED':
      return `cluster unreachable: connection refused by ${where} (ECONNREFUSED)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cluster unreachable: host name ${url.hostname} not found (DNS ${code})`;
    case 'ETIMEDOUT':
      return `cluster unreachable: no answer from ${where} in time (ETIMEDOUT)`;
    case 'ECONNRESET':
      return `cluster unreachable: connection to ${where} closed before an answer (ECONNRESET)`;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `TLS: the certificate of ${where} is not for the host name ${url.hostname} (${code})`;
    case 'CERT_HAS_EXPIRED':
      return `TLS: the certificate of ${where} has expired (${code})`;
    case 'EPROTO':
      return `TLS handshake with ${where} failed (EPROTO): does the URL's http/https match the cluster?`;
  }
  if (code !== undefined && TLS_UNTRUSTED.has(code)) {
    return `TLS: the certificate of ${where} is not trusted (${code}): set ca_file to the CA that signed it`;
  }
  if (isObject(error) && error.name === 'AbortError') return 'request aborted';
  return `cluster unreachable: ${where} (${code ?? 'unknown network error'})`;
}

function findCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; isObject(current) && depth < 4; depth++) {
    if (typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return undefined;
}

export interface FailureContext {
  /** What was being done: `search`, `opening a point in time`. */
  action: string;
  index: string;
  authDescription: string;
  secretTexts: readonly string[];
}

/** An answer other than 2xx, in plain words: status, Elasticsearch's `error.type` and `error.reason`. */
export function describeHttpFailure(status: number, body: string, context: FailureContext): string {
  const error = readError(body);
  const reason = error.reason ?? '';
  const typed = error.type === undefined ? '' : ` ${error.type}`;
  const detail = reason ? `: ${reason}` : '';
  let message: string;
  if (status === 401) {
    message = `authentication failed with ${context.authDescription} (HTTP 401${typed})${detail}`;
  } else if (status === 403) {
    message = `permission denied for ${context.authDescription} (HTTP 403${typed})${detail}`;
  } else if (status === 404 && error.type === 'index_not_found_exception') {
    message = `index ${context.index} not found${reason ? ` (${reason})` : ''}`;
  } else if (error.type !== undefined || error.reason !== undefined) {
    message = `${context.action} failed: HTTP ${status}${typed}${detail}`;
  } else {
    const text = STATUS_CODES[status] ?? 'unexpected status';
    message = `${context.action} failed: HTTP ${status} ${text}${body.trim() ? `: ${body.trim()}` : ''}`;
  }
  return clip(redactTexts(message, context.secretTexts));
}

interface EsError {
  type?: string;
  reason?: string;
}

/**
 * `{"error": {"type", "reason", "root_cause": [...]}, "status"}`, or `{"error": "text"}` (old
 * clusters, unknown routes). When the top reason says only "all shards failed", the first root
 * cause says what went wrong (the query could not be parsed, a field is not mapped...).
 */
function readError(body: string): EsError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return {};
  }
  if (!isObject(parsed)) return {};
  const error = parsed.error;
  if (typeof error === 'string') return { reason: error };
  if (!isObject(error)) return {};
  const type = typeof error.type === 'string' ? error.type : undefined;
  let reason = typeof error.reason === 'string' ? error.reason : undefined;
  const cause = Array.isArray(error.root_cause) ? error.root_cause[0] : error.caused_by;
  if (isObject(cause) && typeof cause.reason === 'string' && cause.reason !== reason) {
    reason = reason === undefined ? cause.reason : `${reason}; ${String(cause.type)}: ${cause.reason}`;
  }
  return { ...(type ? { type } : {}), ...(reason ? { reason } : {}) };
}

/** Replaces every secret (and every form of it the caller listed) by `<secret>`. */
export function redactTexts(text: string, secrets: readonly string[]): string {
  const fragments = secrets.filter((secret) => secret.length >= MIN_SECRET_CHARS);
  fragments.sort((a, b) => b.length - a.length);
  let out = text;
  for (const fragment of fragments) out = out.split(fragment).join('<secret>');
  return out;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MESSAGE_CHARS ? flat : `${flat.slice(0, MESSAGE_CHARS - 1)}…`;
}
