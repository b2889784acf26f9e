import { normalizeIp } from '../sshd/parse-address.ts';

/** What an OpenVPN server's message says of a client it refused. */
export interface OpenvpnRefusal {
  /**
   * `password`: a username and password it refused (auth-user-pass-verify, a plugin);
   * `tls-key`: a packet without the tls-auth or tls-crypt key, sent by one who does not have it.
   */
  kind: 'password' | 'tls-key';
  ip: string;
  port: number | undefined;
  reason: string;
}

/**
 * `ADDR:PORT ` (or `[AF_INET]ADDR:PORT `, `NAME/ADDR:PORT `) that starts a message about a client.
 * NAME (its certificate's, or the user's under username-as-common-name) holds no space or slash.
 */
const CLIENT = /^(?:[^\s/]{1,128}\/)?(?:\[AF_INET6?\])?([0-9A-Fa-f:.]{2,45}):(\d{1,5}) /;
const PASSWORD_REFUSED = 'TLS Auth Error: Auth Username/Password verification failed for peer';
/** The tls-auth and tls-crypt refusals, which name the client after the words. */
const TLS_KEY =
  /^TLS Error: (incoming packet authentication failed|tls-crypt unwrapping failed) from \[AF_INET6?\]([0-9A-Fa-f:.]{2,45}):(\d{1,5})$/;
/** How OpenVPN's messages about itself start (its start, TLS layer, tunnel, routes and signals). */
const OWN_WORDS = [
  'OpenVPN ',
  'TLS',
  'MULTI',
  'VERIFY ',
  'Initialization Sequence Completed',
  'UDPv4',
  'UDPv6',
  'TCPv4',
  'TCPv6',
  'TCP/UDP',
  'TUN/TAP',
  'Socket Buffers',
  'library versions',
  'Diffie-Hellman',
  'Control Channel',
  'Data Channel',
  'Outgoing ',
  'Incoming ',
  'net_',
  'ROUTE',
  'PUSH',
  'SIG',
  'NOTE:',
  'WARNING:',
  'DCO ',
];

/**
 * An OpenVPN server's message (after its time, or its syslog header) that refuses a client, or
 * undefined: `ADDR:PORT TLS Auth Error: Auth Username/Password verification failed for peer`, and
 * `TLS Error: incoming packet authentication failed from [AF_INET]ADDR:PORT` (tls-auth) or
 * `TLS Error: tls-crypt unwrapping failed from ...` (tls-crypt), the client perhaps named before
 * too. OpenVPN writes the addresses itself.
 */
export function readOpenvpnMessage(message: string): OpenvpnRefusal | undefined {
  const client = CLIENT.exec(message);
  const rest = client === null ? message : message.slice(client[0].length);
  const key = TLS_KEY.exec(rest);
  if (key !== null) return refusal('tls-key', key[2] as string, key[3] as string, key[1] as string);
  if (client === null || rest !== PASSWORD_REFUSED) return undefined;
  return refusal(
    'password',
    client[1] as string,
    client[2] as string,
    'username/password verification failed',
  );
}

/** Whether a message is OpenVPN's: about a client (`ADDR:PORT ...`), or in words only OpenVPN writes. */
export function isOpenvpnMessage(message: string): boolean {
  return CLIENT.test(message) || OWN_WORDS.some((words) => message.startsWith(words));
}

function refusal(
  kind: OpenvpnRefusal['kind'],
  address: string,
  port: string,
  reason: string,
): OpenvpnRefusal | undefined {
  const ip = normalizeIp(address);
  const number = Number(port);
  return ip === undefined ? undefined : { kind, ip, port: number <= 65535 ? number : undefined, reason };
}
