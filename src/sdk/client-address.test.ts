import { describe, expect, it } from 'vitest';
import { findClientAddress } from './client-address.ts';
import { normalizeIp } from './normalize-ip.ts';

describe('findClientAddress', () => {
  it('uses the socket peer and ignores X-Forwarded-For unless trustProxy is set', () => {
    expect(findClientAddress('::ffff:10.0.0.5', '203.0.113.9', false)).toBe('10.0.0.5');
    expect(findClientAddress('10.0.0.5', undefined, true)).toBe('10.0.0.5');
  });

  it('takes the entry the trusted proxies added, not the ones the client could forge', () => {
    const chain = '198.51.100.66, 203.0.113.9, 10.0.0.7';
    expect(findClientAddress('10.0.0.5', chain, true)).toBe('10.0.0.7');
    expect(findClientAddress('10.0.0.5', chain, 2)).toBe('203.0.113.9');
    expect(findClientAddress('10.0.0.5', ['198.51.100.66', '203.0.113.9'], 1)).toBe('203.0.113.9');
    expect(findClientAddress('10.0.0.5', chain, 9)).toBe('198.51.100.66');
  });

  it('falls back to the peer when the forwarded entry is not an address', () => {
    expect(findClientAddress('10.0.0.5', 'unknown', true)).toBe('10.0.0.5');
    expect(findClientAddress('10.0.0.5', '', true)).toBe('10.0.0.5');
  });

  it('has no address when the socket has none', () => {
    expect(findClientAddress(undefined, '203.0.113.9', true)).toBeUndefined();
  });
});

describe('normalizeIp', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    [' ::ffff:203.0.113.9 ', '203.0.113.9'],
    ['203.0.113.9:51234', '203.0.113.9'],
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['2001:db8::1', '2001:db8::1'],
    ['alice', undefined],
    ['999.0.0.1', undefined],
  ])('reads %j as %j', (text, ip) => {
    expect(normalizeIp(text)).toBe(ip);
  });
});
