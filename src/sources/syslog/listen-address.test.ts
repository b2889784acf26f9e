import { describe, expect, it } from 'vitest';
import { formatEndpoint, parseListenAddress } from './listen-address.ts';

describe('parseListenAddress', () => {
  it.each([
    ['udp://127.0.0.1:5514', { protocol: 'udp', host: '127.0.0.1', port: 5514 }],
    ['tcp://0.0.0.0:5514', { protocol: 'tcp', host: '0.0.0.0', port: 5514 }],
    ['udp://[::1]:5514', { protocol: 'udp', host: '::1', port: 5514 }],
    ['tcp://[::]:0', { protocol: 'tcp', host: '::', port: 0 }],
    ['tcp://localhost:514', { protocol: 'tcp', host: 'localhost', port: 514 }],
    [
      'udp://log-collector.example.com:65535',
      { protocol: 'udp', host: 'log-collector.example.com', port: 65535 },
    ],
  ])('reads %s', (text, expected) => {
    expect(parseListenAddress(text)).toEqual(expected);
  });

  it.each([
    'http://127.0.0.1:5514',
    'udp://127.0.0.1',
    'udp://127.0.0.1:65536',
    'udp://127.0.0.1:-1',
    'udp://::1:5514',
    'udp://[not-an-ip]:5514',
    'udp://[127.0.0.1]:5514',
    'udp://999.1.1.1:5514',
    'udp://:5514',
    'udp://-bad-.example:5514',
    'udp://127.0.0.1:5514/path',
    'UDP://127.0.0.1:5514',
    ' udp://127.0.0.1:5514',
  ])('rejects %j', (text) => {
    expect(parseListenAddress(text)).toBeUndefined();
  });
});

describe('formatEndpoint', () => {
  it('brackets IPv6 and unwraps IPv4-mapped peers', () => {
    expect(formatEndpoint('udp', '::1', 5514)).toBe('udp://[::1]:5514');
    expect(formatEndpoint('tcp', '::ffff:203.0.113.9')).toBe('tcp://203.0.113.9');
    expect(formatEndpoint('tcp', '2001:db8::7')).toBe('tcp://[2001:db8::7]');
    expect(formatEndpoint('udp', '198.51.100.7')).toBe('udp://198.51.100.7');
  });
});
