import type { SendFailure } from '../http.ts';

const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME/;

/**
 * A socket error as a SendResult: a certificate the collector's CA does not vouch for → fail/config
 * (retrying will not change it); a datagram too large → fail/payload; refused, reset, unreachable,
 * DNS and anything else → retry/network.
 */
export function classifySocketError(error: unknown, where: string): SendFailure {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error';
  if (code === 'ETIMEDOUT')
    return { kind: 'retry', reason: 'timeout', message: `syslog collector ${where} timed out` };
  if (TLS_CODE.test(code)) {
    return {
      kind: 'fail',
      reason: 'config',
      message: `TLS with the syslog collector ${where} failed (${code}); set ca_file to the CA that signed its certificate and check that host matches it`,
    };
  }
  if (code === 'EMSGSIZE') {
    return {
      kind: 'fail',
      reason: 'payload',
      message: `syslog message too large for a datagram to ${where}; lower max_bytes`,
    };
  }
  return {
    kind: 'retry',
    reason: 'network',
    message: `cannot reach the syslog collector ${where} (${code})`,
  };
}
