import { isIP } from 'node:net';

export type SyslogProtocol = 'udp' | 'tcp';

/** Where the source listens: `udp://127.0.0.1:5514`, `tcp://0.0.0.0:5514`, `udp://[::1]:5514`. */
export interface ListenAddress {
  protocol: SyslogProtocol;
  /** An IP address (IPv6 without brackets) or a host name. */
  host: string;
  /** 0 asks the system for a free port (tests). */
  port: number;
}

const LISTEN_URL = /^(udp|tcp):\/\/(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/;
const HOST_NAME = /^(?!-)[A-Za-z0-9-]{1,63}(?<!-)(?:\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))*$/;

/** The listen URL's parts, or undefined when it is not `udp://HOST:PORT` or `tcp://HOST:PORT`. */
export function parseListenAddress(text: string): ListenAddress | undefined {
  const match = LISTEN_URL.exec(text);
  if (!match) return undefined;
  const [, protocol, bracketed, plain, portText] = match;
  const port = Number(portText);
  if (port > 65_535) return undefined;
  if (bracketed !== undefined) {
    return isIP(bracketed) === 6
      ? { protocol: protocol as SyslogProtocol, host: bracketed, port }
      : undefined;
  }
  const host = plain ?? '';
  if (isIP(host) === 0 && (/^[0-9.]+$/.test(host) || !HOST_NAME.test(host))) return undefined;
  return { protocol: protocol as SyslogProtocol, host, port };
}

/** `udp://127.0.0.1:5514`, `tcp://[::1]:5514`; without a port for a peer (`udp://203.0.113.9`). */
export function formatEndpoint(protocol: SyslogProtocol, host: string, port?: number): string {
  const plainHost = host.startsWith('::ffff:') && isIP(host.slice(7)) === 4 ? host.slice(7) : host;
  const shown = isIP(plainHost) === 6 ? `[${plainHost}]` : plainHost;
  return port === undefined ? `${protocol}://${shown}` : `${protocol}://${shown}:${port}`;
}
