import { describe, expect, it } from 'vitest';
import { describeHttpFailure, describeNetworkError, redactTexts } from './describe-failure.ts';

const context = {
  action: 'search',
  index: 'winlogbeat-*',
  authDescription: 'API key',
  secretTexts: ['TOPSECRETKEY'],
};

describe('describeHttpFailure', () => {
  it('says which credentials were refused and never repeats them', () => {
    const body = JSON.stringify({
      error: { type: 'security_exception', reason: 'unable to authenticate for key TOPSECRETKEY' },
      status: 401,
    });
    const message = describeHttpFailure(401, body, context);
    expect(message).toBe(
      'authentication failed with API key (HTTP 401 security_exception): unable to authenticate for key <secret>',
    );
  });

  it('reads plain text bodies (OpenSearch security) and string errors (old clusters)', () => {
    expect(describeHttpFailure(401, 'Unauthorized', context)).toBe(
      'authentication failed with API key (HTTP 401)',
    );
    expect(
      describeHttpFailure(400, '{"error":"no handler found for uri [/x/_pit] and method [POST]"}', context),
    ).toBe('search failed: HTTP 400: no handler found for uri [/x/_pit] and method [POST]');
    expect(describeHttpFailure(502, '<html>Bad Gateway</html>', context)).toBe(
      'search failed: HTTP 502 Bad Gateway: <html>Bad Gateway</html>',
    );
  });

  it('adds the root cause when the top reason only says all shards failed', () => {
    const body = JSON.stringify({
      error: {
        root_cause: [{ type: 'query_shard_exception', reason: 'Failed to parse query [event.code:(]' }],
        type: 'search_phase_execution_exception',
        reason: 'all shards failed',
      },
      status: 400,
    });
    expect(describeHttpFailure(400, body, context)).toBe(
      'search failed: HTTP 400 search_phase_execution_exception: all shards failed; query_shard_exception: Failed to parse query [event.code:(]',
    );
  });
});

describe('describeNetworkError', () => {
  it('names the host and the kind of trouble from the code', () => {
    const url = new URL('https://es.example:9200');
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(describeNetworkError(refused, url)).toBe(
      'cluster unreachable: connection refused by es.example:9200 (ECONNREFUSED)',
    );
    const dns = { code: 'ENOTFOUND' };
    expect(describeNetworkError(dns, url)).toBe(
      'cluster unreachable: host name es.example not found (DNS ENOTFOUND)',
    );
    const wrapped = new TypeError('fetch failed', { cause: { code: 'SELF_SIGNED_CERT_IN_CHAIN' } });
    expect(describeNetworkError(wrapped, url)).toMatch(
      /not trusted \(SELF_SIGNED_CERT_IN_CHAIN\): set ca_file/,
    );
  });
});

describe('redactTexts', () => {
  it('replaces the longest secret first', () => {
    expect(redactTexts('key abcdef and abc', ['abc', 'abcdef'])).toBe('key <secret> and <secret>');
  });
});
