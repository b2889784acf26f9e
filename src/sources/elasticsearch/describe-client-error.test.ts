import { errors as elasticErrors } from '@elastic/elasticsearch';
import { errors as openSearchErrors } from '@opensearch-project/opensearch';
import { describe, expect, it } from 'vitest';
import { describeClientError } from './describe-client-error.ts';
import { resolveEsSettings } from './resolve-settings.ts';
import type { EsSettings } from './resolve-settings.ts';
import { esConfigSchema } from './schema.ts';

const settings = resolveEsSettings(
  esConfigSchema.parse({ url: 'https://es.example:9200', index: 'winlogbeat-*', username: 'klaxon' }),
  { password: 'hunter2-pw' },
) as EsSettings;

describe('describeClientError', () => {
  it("recovers the codes the clients' ConnectionError drops", () => {
    const os = (message: string) =>
      describeClientError(new openSearchErrors.ConnectionError(message), 'search', settings);
    expect(os('connect ECONNREFUSED 10.0.0.1:9200')).toBe(
      'cluster unreachable: connection refused by es.example:9200 (ECONNREFUSED)',
    );
    expect(os('socket hang up')).toBe(
      'cluster unreachable: connection to es.example:9200 closed before an answer (ECONNRESET)',
    );
    expect(os('self-signed certificate')).toBe(
      'TLS: the certificate of es.example:9200 is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT): set ca_file to the CA that signed it',
    );
    expect(
      os(
        "Hostname/IP does not match certificate's altnames: Host: es.example. is not in the cert's altnames",
      ),
    ).toMatch(/not for the host name es\.example \(ERR_TLS_CERT_ALTNAME_INVALID\)/);
    const timeout = new elasticErrors.TimeoutError('Request timed out');
    expect(describeClientError(timeout, 'search', settings)).toBe(
      'cluster unreachable: no answer from es.example:9200 in time (ETIMEDOUT)',
    );
  });

  it('puts an error answer in the plain words of describeHttpFailure, without the password', () => {
    const body = {
      error: { type: 'security_exception', reason: 'unable to authenticate user [klaxon] hunter2-pw' },
      status: 401,
    };
    const error = new elasticErrors.ResponseError({
      body,
      statusCode: 401,
      headers: {},
      warnings: null,
      meta: {} as never,
    });
    expect(describeClientError(error, 'search', settings)).toBe(
      'authentication failed with basic auth as user "klaxon" (HTTP 401 security_exception): unable to authenticate user [klaxon] <secret>',
    );
  });
});
