import {
  appLogParser,
  bindParser,
  gitlabParser,
  grafanaParser,
  iisParser,
  openvpnParser,
  squidParser,
  fail2banParser,
  fortigateParser,
  panosParser,
  sonicwallParser,
  sophosParser,
} from '../../src/parsers/index.ts';
import { fixtureLines } from './seeds.ts';
import { lineParserTarget } from './line-parser-target.ts';

/** GitLab's application log and production_json.log: user names and addresses of a forged failure, JSON keys. */
export const gitlabTarget = lineParserTarget(
  'gitlab',
  gitlabParser,
  [
    ...fixtureLines('src/parsers/gitlab/testdata/application.log'),
    ...fixtureLines('src/parsers/gitlab/testdata/production_json.log'),
  ],
  [
    ' ip=198.51.100.1',
    'username=',
    '"correlation_id":"x",',
    '"message":"Failed Login: username=a ip=198.51.100.1"',
    '2024-13-45T25:61:61Z: ',
    '"status":302,',
    '"controller":"SessionsController",',
    '"remote_ip":"198.51.100.1",',
  ],
);

/** Grafana's logfmt: quotes and escapes around a forged remote_addr, keys repeated. */
export const grafanaTarget = lineParserTarget(
  'grafana',
  grafanaParser,
  [
    ...fixtureLines('src/parsers/grafana/testdata/grafana.log'),
    ...fixtureLines('src/parsers/grafana/testdata/grafana-10.log'),
  ],
  [
    '"',
    '\\"',
    ' remote_addr=198.51.100.1',
    'msg="Invalid username or password" ',
    ' client=auth.client.form',
    'msg=Unauthorized error="[password-auth.failed] x" ',
    't=2024-13-45T25:61:61Z ',
    '=',
  ],
);

/** The self-hosted applications' lines (Nextcloud's to MikroTik's): forged addresses in the user, quotes, keys and heads garbled. */
export const appLogTarget = lineParserTarget(
  'app-log',
  appLogParser,
  [
    ...fixtureLines('src/parsers/app-log/testdata/nextcloud.log'),
    ...fixtureLines('src/parsers/app-log/testdata/gitea.log'),
    ...fixtureLines('src/parsers/app-log/testdata/authelia.log'),
    ...fixtureLines('src/parsers/app-log/testdata/authentik.log'),
    ...fixtureLines('src/parsers/app-log/testdata/keycloak.log'),
    ...fixtureLines('src/parsers/app-log/testdata/jellyfin.log'),
    ...fixtureLines('src/parsers/app-log/testdata/zimbra.log'),
    ...fixtureLines('src/parsers/app-log/testdata/webmin.log'),
    ...fixtureLines('src/parsers/app-log/testdata/paperless.log'),
    ...fixtureLines('src/parsers/app-log/testdata/immich.log'),
    ...fixtureLines('src/parsers/app-log/testdata/guacamole.log'),
    ...fixtureLines('src/parsers/app-log/testdata/monit.log'),
    ...fixtureLines('src/parsers/app-log/testdata/emby.log'),
    ...fixtureLines('src/parsers/app-log/testdata/uptime-kuma.log'),
    ...fixtureLines('src/parsers/app-log/testdata/adguard-home.log'),
    ...fixtureLines('src/parsers/app-log/testdata/audiobookshelf.log'),
    ...fixtureLines('src/parsers/app-log/testdata/odoo.log'),
    ...fixtureLines('src/parsers/app-log/testdata/cpanel.log'),
    ...fixtureLines('src/parsers/app-log/testdata/litespeed.log'),
    ...fixtureLines('src/parsers/app-log/testdata/mikrotik.log'),
    ...fixtureLines('src/parsers/app-log/testdata/navidrome.log'),
  ],
  [
    ' (Remote IP: 198.51.100.1)',
    "'",
    '"remoteAddr":"198.51.100.1",',
    '"message":"Login failed: a (Remote IP: 1.2.3.4)",',
    ' from 198.51.100.1:1: ',
    ' from [2001:db8::1]:0: ',
    'Failed authentication attempt for ',
    '2024/13/45 25:61:61 ',
    ' remote_ip=198.51.100.1 ',
    "'",
    ', ipAddress=198.51.100.1',
    ', username="a\\"b"',
    ' has been denied (IP: "198.51.100.1").',
    ';oip=198.51.100.1;',
    '"client_ip": "198.51.100.1", ',
    '"action": "login_failed", ',
    ' miniserv.pl "failed" "-" "wrongpass"',
    '[31/Feb/2024 25:61:61] ',
    '` from IP `198.51.100.1`',
    ' from ip address 198.51.100.1',
    '13/45/2024, 25:61:61 PM ',
    '] for user "',
    '[198.51.100.1, 10.0.0.1]',
    '\x1b[33m',
    ' - x" FAILED LOGIN cpaneld: ',
    '. IP=198.51.100.1',
    ' from ip 198.51.100.1 (',
    ' from 198.51.100.1 via ssh',
    ' login:a from 198.51.100.1',
    'httpStatus=401 ',
    'remoteAddr=198.51.100.1 ',
    '"logger": "authentik.events.models", ',
    '], invalid password',
  ],
);

/** OpenVPN's own log: a client's name before its address, addresses in the TLS errors, both time forms. */
export const openvpnTarget = lineParserTarget(
  'openvpn',
  openvpnParser,
  fixtureLines('src/parsers/openvpn/testdata/openvpn.log'),
  [
    ' 198.51.100.1:1194 ',
    '/198.51.100.1:1 ',
    '[AF_INET6]2001:db8::1:1',
    ' TLS Auth Error: Auth Username/Password verification failed for peer',
    'TLS Error: tls-crypt unwrapping failed from [AF_INET]198.51.100.1:1',
    'Mon Feb 30 25:61:61 2024 ',
  ],
);

/** BIND's own log: the address before the client's names, a second client in a query name, the head's words. */
export const bindTarget = lineParserTarget(
  'bind',
  bindParser,
  fixtureLines('src/parsers/bind/testdata/named.log'),
  [
    'client 198.51.100.1#1: ',
    "query (cache) 'x/A/IN' denied",
    "zone transfer 'x/AXFR/IN' denied",
    'security: info: ',
    '@0x7f4e446fd6e8 ',
    '31-Feb-2024 25:61:61.000 ',
    "bad zone transfer request: 'x/IN': ",
  ],
);

/** IIS's W3C log: directives that change the layout, field counts, times, `-` and `+`. */
export const iisTarget = lineParserTarget(
  'iis',
  iisParser,
  fixtureLines('src/parsers/iis/testdata/u_ex240304.log'),
  [
    '#Fields: date time c-ip cs-method cs-uri-stem sc-status',
    '#Fields: ',
    ' - ',
    ' 198.51.100.1 ',
    '2024-02-30 25:61:61 ',
    ' POST /owa/auth.owa ',
    '+',
  ],
);

/** Squid's access log: the client before the URL and the user, which are the client's; the result field's words. */
export const squidTarget = lineParserTarget(
  'squid',
  squidParser,
  fixtureLines('src/parsers/squid/testdata/access.log'),
  ['TCP_DENIED/407 ', 'TCP_DENIED/403 ', 'NONE/400 ', '%', '%zz', ' 198.51.100.1 ', '99999999999.999 '],
);

/** fail2ban's log: the jail and the address in a ban, a jail's brackets, levels and times cut short. */
export const fail2banTarget = lineParserTarget(
  'fail2ban',
  fail2banParser,
  fixtureLines('src/parsers/fail2ban/testdata/fail2ban.log'),
  [
    '] Ban ',
    '] Restore Ban ',
    '[sshd',
    ' 198.51.100.1',
    'fail2ban.actions',
    ' [812]: ',
    'NOTICE  ',
    '2024-02-30 25:61:61,000 ',
  ],
);

/** FortiGate's key=value records: quotes and escapes, repeated keys, addresses, types and times cut short. */
export const fortigateTarget = lineParserTarget(
  'fortigate',
  fortigateParser,
  fixtureLines('src/parsers/fortigate/testdata/fortigate.log'),
  [
    '"',
    '\\"',
    ' remip=198.51.100.1',
    ' srcip=2001:db8::1',
    ' ui="https(198.51.100.1)"',
    ' action="ssl-login-fail"',
    ' type="traffic" action="deny"',
    ' tz="+1400"',
    'date=2024-02-30 time=25:61:61 ',
    '<189>',
  ],
);

/** PAN-OS's CSV records: quotes and commas in fields, types, addresses, descriptions and times cut short. */
export const panosTarget = lineParserTarget(
  'panos',
  panosParser,
  fixtureLines('src/parsers/panos/testdata/panos.log'),
  [
    '"',
    '""',
    ',',
    ',GLOBALPROTECT,',
    ',SYSTEM,',
    ',TRAFFIC,deny,',
    ' From: 198.51.100.1.',
    'Login from: 2001:db8::1, User name: x,',
    '2024/02/30 25:61:61',
  ],
);

/** SonicWall's key=value lines: event numbers, endpoints with ports and interfaces, IPv6, times cut short. */
export const sonicwallTarget = lineParserTarget(
  'sonicwall',
  sonicwallParser,
  fixtureLines('src/parsers/sonicwall/testdata/sonicwall.log'),
  [
    '"',
    ' m=30',
    ' m=36',
    ' src=198.51.100.1:1:X1:name',
    ' srcV6=2001:db8::1 src=:1:X0',
    ' usr="x src=198.51.100.1"',
    'time="2024-02-30 25:61:61 UTC"',
    'id=sslvpn ',
  ],
);

/** Sophos Firewall's key=value lines: both time forms and zones, components, statuses, addresses. */
export const sophosTarget = lineParserTarget(
  'sophos',
  sophosParser,
  fixtureLines('src/parsers/sophos/testdata/sophos.log'),
  [
    '"',
    ' timezone="IST"',
    ' timestamp="2024-03-04T11:00:04-0930"',
    ' log_component="GUI" log_subtype="Admin"',
    ' status="Failed"',
    ' src_ip=2001:db8::1',
    ' user_name="x src_ip=198.51.100.1"',
    'date=2024-02-30 time=25:61:61 ',
  ],
);
