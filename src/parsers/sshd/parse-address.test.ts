import { describe, expect, it } from 'vitest';
import { isHostName, isIpv4, normalizeIp } from './parse-address.ts';

describe('normalizeIp', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['2001:db8::1', '2001:db8::1'],
    ['2001:DB8::ABCD', '2001:db8::abcd'],
    ['::1', '::1'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['::FFFF:10.0.0.1', '10.0.0.1'],
    ['64:ff9b::1.2.3.4', '64:ff9b::1.2.3.4'],
  ])('%s → %s', (text, expected) => {
    expect(normalizeIp(text)).toBe(expected);
  });

  it.each([
    '1.2.3',
    '1.2.3.4.5',
    '256.1.1.1',
    '1..2.3',
    '1.2.3.4 ',
    'example.com',
    '2001:db8:::1',
    ':::',
    '',
  ])('rejects %j', (text) => {
    expect(normalizeIp(text)).toBeUndefined();
  });
});

describe('isIpv4', () => {
  it('accepts a dotted quad and rejects a trailing dot', () => {
    expect(isIpv4('10.77.20.248')).toBe(true);
    expect(isIpv4('10.0.20.248')).toBe(true);
    expect(isIpv4('10.77.20.248.')).toBe(false);
  });

  it('rejects a part written with a leading zero, which inet_aton reads as octal', () => {
    expect(isIpv4('34.204.227.075')).toBe(false);
    expect(isIpv4('010.77.20.248')).toBe(false);
    expect(isIpv4('10.00.20.248')).toBe(false);
    expect(normalizeIp('::ffff:34.204.227.075')).toBeUndefined();
  });
});

describe('isHostName', () => {
  it.each(['ip-10-77-20-248', 'scanner.example.net', 'host_1.lan', 'UNKNOWN'])('accepts %s', (text) => {
    expect(isHostName(text)).toBe(true);
  });

  it.each(['', '1.2.3.999', 'bad!host', 'a b', 'x'.repeat(254), 'tab\there'])('rejects %j', (text) => {
    expect(isHostName(text)).toBe(false);
  });
});
