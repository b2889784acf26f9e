import { isIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeSourceIp, normalizeSourcePort, normalizeWorkstation } from './source-address.ts';

describe('normalizeSourceIp', () => {
  it('unwraps IPv4-mapped IPv6 addresses', () => {
    expect(normalizeSourceIp('::ffff:10.0.0.5')).toBe('10.0.0.5');
    expect(normalizeSourceIp(' ::FFFF:10.0.0.5 ')).toBe('10.0.0.5');
  });

  it('keeps real addresses, loopback included', () => {
    expect(normalizeSourceIp('203.0.113.9')).toBe('203.0.113.9');
    expect(normalizeSourceIp('2001:db8::1')).toBe('2001:db8::1');
    expect(normalizeSourceIp('::1')).toBe('::1');
  });

  it('takes exactly what isIP takes', () => {
    const octet = fc.oneof(
      fc.integer({ min: 0, max: 300 }).map(String),
      fc.constantFrom('00', '01', '010', '0255', '', ' ', 'a'),
    );
    const text = fc.oneof(
      fc.array(octet, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.')),
      fc.string({ unit: fc.constantFrom('1', '2', '5', '0', '9', '.', ':', 'f', ' ', '\n') }),
    );
    fc.assert(
      fc.property(text, (value) => {
        const trimmed = value.trim();
        expect(normalizeSourceIp(value), JSON.stringify(value)).toBe(
          isIP(trimmed) === 0 ? undefined : trimmed,
        );
      }),
      { numRuns: 20_000, seed: 13 },
    );
  });

  it('drops what is not an address', () => {
    for (const value of [undefined, '-', '', 'LOCAL', 'Unknown', '10.0.0', '::ffff:']) {
      expect(normalizeSourceIp(value), String(value)).toBeUndefined();
    }
  });
});

describe('normalizeSourcePort', () => {
  it('reads a port as a number and drops 0, "-" and out-of-range values', () => {
    expect(normalizeSourcePort('54312')).toBe(54312);
    expect(normalizeSourcePort('0')).toBeUndefined();
    expect(normalizeSourcePort(undefined)).toBeUndefined();
    expect(normalizeSourcePort('-')).toBeUndefined();
    expect(normalizeSourcePort('70000')).toBeUndefined();
  });
});

describe('normalizeWorkstation', () => {
  it('strips the UNC backslashes 4776 may write and drops "-"', () => {
    expect(normalizeWorkstation('\\\\WS01')).toBe('WS01');
    expect(normalizeWorkstation('KALI')).toBe('KALI');
    expect(normalizeWorkstation('-')).toBeUndefined();
    expect(normalizeWorkstation('\\\\')).toBeUndefined();
  });
});
