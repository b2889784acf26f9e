import type { SecurityEvent } from '../../core/index.ts';
import { canonicalIp } from '../sshd/parse-address.ts';

/** What the rule that logged a packet did with it, as its log prefix says. */
export type FirewallVerdict = 'blocked' | 'allowed' | 'logged';

/**
 * A packet a firewall logged: the kernel's netfilter (iptables' or nftables' LOG target, UFW,
 * firewalld) or pfSense's and OPNsense's filterlog.
 */
export interface NetfilterPacket extends Connection {
  /**
   * `event.module`: `iptables` for netfilter, `pfsense` for filterlog, `cisco` for an ASA's denials,
   * `fortinet`, `panw`, `sonicwall`, `sophos` and `juniper` for those vendors' firewalls'.
   */
  module: 'iptables' | 'pfsense' | 'cisco' | 'fortinet' | 'panw' | 'sonicwall' | 'sophos' | 'juniper';
  /** The rule's log prefix (`UFW BLOCK`, `FINAL_REJECT`, `IPTABLES-DROP`), brackets and colon left out; '' for none. */
  prefix: string;
  /** filterlog's rule (its tracker id). */
  ruleId?: string | undefined;
  verdict: FirewallVerdict;
  in: string | undefined;
  out: string | undefined;
  /** TCP's flags that were set (`SYN`, `ACK`, ...). */
  flags: string[];
}

/** The kernel's time since boot before its message (`[12345.678901] `), as syslog and journald keep it. */
const UPTIME = /^\[ {0,12}\d{1,12}\.\d{1,9}\] /;
/** Its log prefix (what the rule set, up to 127 bytes under nftables) and where the packet's fields start. */
const FIELDS_START = /^(.{0,128}?) ?IN=(\S{0,16}) OUT=(\S{0,16}) /;
/** At most this many fields are read: a packet's are about twenty. */
const MOST_FIELDS = 48;
const TCP_FLAGS = new Set(['CWR', 'ECE', 'URG', 'ACK', 'PSH', 'RST', 'SYN', 'FIN']);
const BLOCKED = /BLOCK|DROP|REJECT|DENY|DENIED/i;
const ALLOWED = /ALLOW|ACCEPT|PASS/i;

/**
 * A packet netfilter's LOG target wrote into the kernel's log: `PREFIX IN=eth0 OUT= MAC=...
 * SRC=ADDR DST=ADDR LEN=40 ... PROTO=TCP SPT=PORT DPT=PORT WINDOW=1024 RES=0x00 SYN URGP=0`
 * (nf_log's format, IPv4 and IPv6), or undefined for any other kernel message. Every field is the
 * kernel's, read from the packet's headers; an ICMP error's quoted packet (`[SRC=... ]`) is not read.
 */
export function readNetfilterMessage(message: string): NetfilterPacket | undefined {
  const uptime = UPTIME.exec(message);
  const text = uptime === null ? message : message.slice(uptime[0].length);
  const head = FIELDS_START.exec(text);
  if (head === null) return undefined;
  const fields = new Map<string, string>();
  const flags: string[] = [];
  const words = text.slice(head[0].length).split(' ', MOST_FIELDS);
  for (const word of words) {
    if (word.startsWith('[')) break;
    const equals = word.indexOf('=');
    if (equals < 0) {
      if (TCP_FLAGS.has(word)) flags.push(word);
    } else if (!fields.has(word.slice(0, equals))) fields.set(word.slice(0, equals), word.slice(equals + 1));
  }
  const source = canonicalIp(fields.get('SRC') ?? '');
  const destination = canonicalIp(fields.get('DST') ?? '');
  if (source === undefined || destination === undefined) return undefined;
  const prefix = (head[1] as string)
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/:$/, '')
    .trim();
  const transport = fields.get('PROTO')?.toLowerCase();
  return {
    module: 'iptables',
    prefix,
    verdict: BLOCKED.test(prefix) ? 'blocked' : ALLOWED.test(prefix) ? 'allowed' : 'logged',
    in: head[2] === '' ? undefined : head[2],
    out: head[3] === '' ? undefined : head[3],
    source,
    destination,
    transport: transport === '' ? undefined : transport,
    sourcePort: portOf(fields.get('SPT')),
    destinationPort: portOf(fields.get('DPT')),
    flags: transport === 'tcp' ? flags : [],
  };
}

/** IANA protocol numbers as netfilter's lines name them (`6` is `tcp`); another number is kept as written. */
const TRANSPORTS = new Map([
  ['1', 'icmp'],
  ['6', 'tcp'],
  ['17', 'udp'],
  ['58', 'ipv6-icmp'],
]);

/** A protocol number's name (see TRANSPORTS), undefined for none. */
export function transportOfNumber(protocol: string | undefined): string | undefined {
  return protocol === undefined ? undefined : (TRANSPORTS.get(protocol) ?? protocol);
}

/** A connection's two ends and protocol. */
export interface Connection {
  source: string;
  sourcePort: number | undefined;
  destination: string;
  destinationPort: number | undefined;
  /** `tcp`, `udp`, `icmp`, `ipv6-icmp`, ... as the kernel names it, lower case; a number for others. */
  transport: string | undefined;
}

/** A connection as ECS: `source` and `destination` (`address`, `ip`, `port`), `network`, `related.ip`. */
export function connectionFields(connection: Connection): Record<string, unknown> {
  const endpoint = (ip: string, port: number | undefined) =>
    port === undefined ? { address: ip, ip } : { address: ip, ip, port };
  return {
    source: endpoint(connection.source, connection.sourcePort),
    destination: endpoint(connection.destination, connection.destinationPort),
    network: {
      type: connection.source.includes(':') ? 'ipv6' : 'ipv4',
      ...(connection.transport !== undefined && { transport: connection.transport }),
    },
    related: { ip: [...new Set([connection.source, connection.destination])] },
  };
}

/** A port's text as a number: 0-65535, else undefined. */
export function portOf(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

/** Filebeat's datasets for the modules whose dataset is not `MODULE.log`. */
const DATASETS: Partial<Record<NetfilterPacket['module'], string>> = {
  cisco: 'cisco.asa',
  fortinet: 'fortinet.firewall',
  panw: 'panw.panos',
  sonicwall: 'sonicwall.firewall',
  sophos: 'sophos.xg',
  juniper: 'juniper.srx',
};

const ACTIONS: Record<FirewallVerdict, string> = {
  blocked: 'firewall_blocked',
  allowed: 'firewall_allowed',
  logged: 'firewall_logged',
};
const TYPES: Record<FirewallVerdict, string[]> = {
  blocked: ['connection', 'denied'],
  allowed: ['connection', 'allowed'],
  logged: ['connection', 'info'],
};

/**
 * A logged packet as ECS: `event.action` `firewall_blocked`, `firewall_allowed` or `firewall_logged`
 * (a prefix that says neither), `event.category: [network]`, `event.module` iptables or pfsense, the
 * prefix in `rule.name` (filterlog's tracker in `rule.id`), `source`/`destination` `ip` and `port`, `network.transport` and `.type`, the
 * interfaces in `observer.ingress` and `.egress`, TCP's flags in `tcp.flags`; `host` the syslog
 * header's.
 */
export function mapNetfilterPacket(
  line: string,
  packet: NetfilterPacket,
  time: number,
  host: string | undefined,
): SecurityEvent {
  const event: SecurityEvent = {
    '@timestamp': new Date(time).toISOString(),
    event: {
      original: line,
      kind: 'event',
      module: packet.module,
      dataset: DATASETS[packet.module] ?? `${packet.module}.log`,
      category: ['network'],
      type: TYPES[packet.verdict],
      action: ACTIONS[packet.verdict],
      ...(packet.verdict !== 'logged' && { outcome: packet.verdict === 'blocked' ? 'failure' : 'success' }),
      ...(packet.prefix !== '' && { reason: packet.prefix }),
    },
    ...connectionFields(packet),
  };
  if (packet.prefix !== '' || packet.ruleId !== undefined)
    event.rule = {
      ...(packet.ruleId !== undefined && { id: packet.ruleId }),
      ...(packet.prefix !== '' && { name: packet.prefix }),
    };
  const observer: Record<string, unknown> = {};
  if (packet.in !== undefined) observer.ingress = { interface: { name: packet.in } };
  if (packet.out !== undefined) observer.egress = { interface: { name: packet.out } };
  if (Object.keys(observer).length > 0) event.observer = observer;
  if (packet.flags.length > 0) event.tcp = { flags: packet.flags };
  if (host !== undefined) {
    event.host = { hostname: host, name: host };
    (event.related as Record<string, string[]>).hosts = [host];
  }
  return event;
}

/** filterlog's actions: `pass`, `block`, `reject`. */
const FILTERLOG_VERDICTS = new Map<string, FirewallVerdict>([
  ['pass', 'allowed'],
  ['block', 'blocked'],
  ['reject', 'blocked'],
]);
/** At most this many comma-separated fields are read (about 30 for TCP over IPv4). */
const MOST_FILTERLOG_FIELDS = 40;

/**
 * A packet pfSense's or OPNsense's filterlog wrote (its syslog program `filterlog`): comma-separated
 * `RULE,SUBRULE,ANCHOR,TRACKER,INTERFACE,REASON,ACTION,DIRECTION,IPVERSION,...`, then IPv4's `TOS,ECN,TTL,
 * ID,OFFSET,FLAGS,PROTOID,PROTO,LENGTH,SRC,DST` or IPv6's `CLASS,FLOWLABEL,HOPLIMIT,PROTO,PROTOID,LENGTH,
 * SRC,DST`, then TCP's and UDP's `SRCPORT,DSTPORT,DATALENGTH[,FLAGS,...]`. Undefined for any other line.
 */
export function readFilterlogMessage(message: string): NetfilterPacket | undefined {
  const fields = message.split(',', MOST_FILTERLOG_FIELDS);
  const verdict = FILTERLOG_VERDICTS.get(fields[6] ?? '');
  if (verdict === undefined) return undefined;
  const v4 = fields[8] === '4';
  if (!v4 && fields[8] !== '6') return undefined;
  const at = v4 ? 18 : 15;
  const source = canonicalIp(fields[at] ?? '');
  const destination = canonicalIp(fields[at + 1] ?? '');
  if (source === undefined || destination === undefined) return undefined;
  const transport = (v4 ? fields[16] : fields[12])?.toLowerCase();
  const ported = transport === 'tcp' || transport === 'udp';
  const inbound = fields[7] === 'in';
  const tracker = fields[3] ?? '';
  return {
    module: 'pfsense',
    prefix: '',
    ruleId: /^[0-9A-Za-z]{1,64}$/.test(tracker) ? tracker : undefined,
    verdict,
    in: inbound ? fields[4] || undefined : undefined,
    out: inbound ? undefined : fields[4] || undefined,
    source,
    destination,
    transport: transport === '' ? undefined : transport,
    sourcePort: ported ? portOf(fields[at + 2]) : undefined,
    destinationPort: ported ? portOf(fields[at + 3]) : undefined,
    flags: transport === 'tcp' ? tcpFlags(fields[at + 5]) : [],
  };
}

/** filterlog's letters for TCP's flags. */
const TCP_FLAG_NAMES: Record<string, string> = {
  S: 'SYN',
  A: 'ACK',
  F: 'FIN',
  R: 'RST',
  P: 'PSH',
  U: 'URG',
  E: 'ECE',
  W: 'CWR',
};

/** filterlog's TCP flags (`S`, `SA`, `FPA`, ...) by their names. */
function tcpFlags(text: string | undefined): string[] {
  return [...new Set([...(text ?? '').slice(0, 8)].flatMap((letter) => TCP_FLAG_NAMES[letter] ?? []))];
}
