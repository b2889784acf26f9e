import { isObject } from '../../core/index.ts';
import { describeHttpFailure, describeNetworkError } from './describe-failure.ts';
import type { EsSettings } from './resolve-settings.ts';

/**
 * Node's TLS and socket messages that carry no code, to recover the code the official clients drop
 * (their ConnectionError keeps only the message).
 */
const TLS_MESSAGES: [RegExp, string][] = [
  [/self[- ]signed certificate in certificate chain/i, 'SELF_SIGNED_CERT_IN_CHAIN'],
  [/self[- ]signed certificate/i, 'DEPTH_ZERO_SELF_SIGNED_CERT'],
  [/unable to verify the first certificate/i, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
  [/unable to get local issuer certificate/i, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY'],
  [/certificate has expired/i, 'CERT_HAS_EXPIRED'],
  [/does not match certificate's altnames/i, 'ERR_TLS_CERT_ALTNAME_INVALID'],
  // A connection cut while the request waited for its answer (a node stopping, a proxy closing).
  [/socket hang up|other side closed|connection closed/i, 'ECONNRESET'],
];

/** An error of `@elastic/elasticsearch` or `@opensearch-project/opensearch` in plain words. */
export function describeClientError(error: unknown, action: string, settings: EsSettings): string {
  if (!isObject(error)) return describeNetworkError(error, settings.url);
  const meta = isObject(error.meta) ? error.meta : undefined;
  if (error.name === 'ResponseError' && meta && typeof meta.statusCode === 'number') {
    const body = typeof meta.body === 'string' ? meta.body : JSON.stringify(meta.body ?? '');
    return describeHttpFailure(meta.statusCode, body, {
      action,
      index: settings.index,
      authDescription: settings.authDescription,
      secretTexts: settings.secretTexts,
    });
  }
  if (error.name === 'RequestAbortedError') return 'request aborted';
  if (error.name === 'TimeoutError') return describeNetworkError({ code: 'ETIMEDOUT' }, settings.url);
  if (error.name === 'DeserializationError') {
    return `${action} failed: the answer of ${settings.url.host} is not JSON`;
  }
  const message = typeof error.message === 'string' ? error.message : '';
  return describeNetworkError({ code: codeOf(message) }, settings.url);
}

function codeOf(message: string): string | undefined {
  const match = /\b(E[A-Z]{3,}[A-Z_]*|ERR_[A-Z_]+)\b/.exec(message);
  if (match) return match[1];
  return TLS_MESSAGES.find(([pattern]) => pattern.test(message))?.[1];
}
