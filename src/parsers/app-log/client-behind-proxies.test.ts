import { describe, expect, it } from 'vitest';
import { clientBehindProxies } from './client-behind-proxies.ts';

describe('clientBehindProxies', () => {
  it('is the address the application saw when it routes: the client wrote the header itself', () => {
    expect(clientBehindProxies(['198.51.100.66', '203.0.113.9'])).toBe('203.0.113.9');
  });

  it('passes over the proxies in front (private addresses) to the first address that routes', () => {
    expect(clientBehindProxies(['198.51.100.66', '203.0.113.9', '10.0.0.2', '172.18.0.2'])).toBe(
      '203.0.113.9',
    );
    expect(clientBehindProxies(['2001:db8::9', 'fd00::2'])).toBe('2001:db8::9');
  });

  it('is the leftmost address on a LAN, where every address is private', () => {
    expect(clientBehindProxies(['192.168.1.2', ' 192.168.1.3', '192.168.10.1'])).toBe('192.168.1.2');
  });

  it('stops at what is no address, with the last address it passed', () => {
    expect(clientBehindProxies(['unknown', '10.0.0.2'])).toBe('10.0.0.2');
    expect(clientBehindProxies(['garbage'])).toBeUndefined();
  });
});
