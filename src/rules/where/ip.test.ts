import { describe, expect, it } from 'vitest';
import { isInCidr, parseCidr, parseIp, parseIpv4, parseIpv6 } from './ip.ts';

describe('parseIpv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['10.1.2.3', 0x0a010203],
    ['255.255.255.255', 0xffffffff],
  ])('parses %s', (text, value) => expect(parseIpv4(text)).toBe(value));

  it.each(['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1..2.3', '1.2.3.', 'a.b.c.d', '', '-'])(
    'rejects %j',
    (text) => expect(parseIpv4(text)).toBeUndefined(),
  );
});

describe('parseIpv6', () => {
  it.each([
    ['::', 0n],
    ['::1', 1n],
    ['2001:db8::', 0x20010db8n << 96n],
    ['2001:0DB8:0:0:0:0:0:1', (0x20010db8n << 96n) | 1n],
    ['::ffff:10.0.0.1', (0xffffn << 32n) | 0x0a000001n],
    ['fe80::1%eth0', (0xfe80n << 112n) | 1n],
  ])('parses %s', (text, value) => expect(parseIpv6(text)).toBe(value));

  it.each(['1::2::3', '12345::', ':::', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', 'g::1', '1:2:3:4:5:6:7::8:9'])(
    'rejects %j',
    (text) => expect(parseIpv6(text)).toBeUndefined(),
  );
});

describe('parseIp', () => {
  it('turns IPv4-mapped IPv6 into IPv4', () => {
    expect(parseIp('::ffff:192.0.2.1')).toEqual({ version: 4, value: 0xc0000201 });
  });
});

describe('parseCidr and isInCidr', () => {
  const inside = (address: string, prefix: string): boolean =>
    isInCidr(
      parseIp(address) as NonNullable<ReturnType<typeof parseIp>>,
      parseCidr(prefix) as NonNullable<ReturnType<typeof parseCidr>>,
    );

  it.each([
    ['10.255.255.255', '10.0.0.0/8', true],
    ['11.0.0.0', '10.0.0.0/8', false],
    ['203.0.113.200', '203.0.113.128/25', true],
    ['203.0.113.127', '203.0.113.128/25', false],
    ['8.8.8.8', '0.0.0.0/0', true],
    ['2001:db8::1', '2001:db8::/32', true],
    ['2001:db9::1', '2001:db8::/32', false],
    ['::1', '::/0', true],
    ['10.0.0.1', '::/0', false],
    ['10.1.2.3', '::ffff:10.0.0.0/104', true],
    ['10.1.2.3', '10.1.2.3', true],
  ])('%s in %s is %s', (address, prefix, expected) => expect(inside(address, prefix)).toBe(expected));

  it.each(['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/x', '2001:db8::/129', 'foo/8', '::ffff:0:0/95'])(
    'rejects %j',
    (text) => expect(parseCidr(text)).toBeUndefined(),
  );
});
