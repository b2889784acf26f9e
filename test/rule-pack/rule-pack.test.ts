import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/app/index.ts';
import type { Detection, SecurityEvent } from '../../src/core/index.ts';
import { createDetectionEngine } from '../../src/detection/index.ts';
import {
  appLogParser,
  auditdParser,
  iisParser,
  ndjsonParser,
  vsftpdParser,
  webErrorLogParser,
  mysqlParser,
  asteriskParser,
  eximParser,
  fail2banParser,
  fortigateParser,
  panosParser,
  sonicwallParser,
  sophosParser,
  roundcubeParser,
  mssqlParser,
  windowsCsvParser,
  vaultwardenParser,
  mongodbParser,
  postgresqlParser,
  sshdParser,
  squidParser,
  windowsParser,
  windowsXmlParser,
} from '../../src/parsers/index.ts';
import type { ParserDefinition } from '../../src/parsers/index.ts';

const rules = await loadRules(undefined);
const T0 = Date.UTC(2024, 2, 4, 10, 0, 0);
const iso = (offsetSeconds: number) => new Date(T0 + offsetSeconds * 1000).toISOString();

/** Parses lines with a real parser and returns the rules whose incidents opened. */
function openedRules(parser: ParserDefinition, lines: string[]): string[] {
  return [...new Set(openedDetections(parser, lines).map((d) => d.ruleId))].sort();
}

function openedDetections(parser: ParserDefinition, lines: string[]): Detection[] {
  const events: SecurityEvent[] = [];
  const instance = parser.create({ year: 2024 });
  // Every line is read: a CSV export's header, slapd's connection and BIND lines and PostgreSQL's
  // `connection received` lines are the lines that give no event themselves.
  for (const line of lines)
    expect([null, 'windows-csv-header', 'slapd-line-unused', 'postgresql-line-unused']).toContain(
      instance.parseLine(line, (event) => events.push(event)),
    );
  const opened: Detection[] = [];
  const engine = createDetectionEngine({ rules, emit: (d) => d.state === 'opened' && opened.push(d) });
  engine.pushBatch(events);
  engine.flush();
  return opened;
}

/** authentik's record of a refused password (its structlog JSON, zoneless UTC time). */
const authentikFailure = (seconds: number, user: string, ip: string) =>
  JSON.stringify({
    action: 'login_failed',
    client_ip: ip,
    context: { username: user },
    event: 'Created Event',
    logger: 'authentik.events.models',
    timestamp: iso(seconds).slice(0, -1),
  });

/** Nextcloud's log line of a failed login. */
const nextcloudFailure = (seconds: number, user: string, ip: string) =>
  JSON.stringify({
    reqId: `r${seconds}`,
    level: 2,
    time: iso(seconds),
    remoteAddr: ip,
    app: 'core',
    message: `Login failed: ${user} (Remote IP: ${ip})`,
  });

const times = (n: number, every = 10) => Array.from({ length: n }, (_, i) => i * every);

function winlogbeat(code: number, seconds: number, data: Record<string, string>): string {
  return JSON.stringify({
    '@timestamp': iso(seconds),
    event: { code: String(code), provider: 'Microsoft-Windows-Security-Auditing', kind: 'event' },
    winlog: {
      channel: 'Security',
      event_id: String(code),
      computer_name: 'DC01.corp.example.com',
      event_data: data,
    },
    host: { name: 'DC01.corp.example.com' },
  });
}

/** Network Policy Server denying `user` access from a VPN client at `ip` (6273). */
const npsDenied = (seconds: number, ip: string, user = 'jsmith') =>
  winlogbeat(6273, seconds, {
    SubjectUserName: user,
    SubjectDomainName: 'CORP',
    CallingStationID: ip,
    ClientName: 'vpn-gw',
    ReasonCode: '16',
  });

/** A Kerberos service ticket issued (4769) to `user` for `service`, encrypted as `encryption` says. */
const serviceTicket = (seconds: number, user: string, service: string, encryption: string) =>
  winlogbeat(4769, seconds, {
    TargetUserName: `${user}@CORP.EXAMPLE.COM`,
    ServiceName: service,
    TicketEncryptionType: encryption,
    Status: '0x0',
    IpAddress: '::ffff:10.0.0.65',
    IpPort: '50000',
  });
/** A service installed, as the System log's Service Control Manager records it (7045). */
const serviceInstalled = (seconds: number, name: string, imagePath: string) =>
  JSON.stringify({
    '@timestamp': iso(seconds),
    event: { code: '7045', provider: 'Service Control Manager', kind: 'event' },
    winlog: {
      channel: 'System',
      event_id: '7045',
      computer_name: 'WS042.corp.example.com',
      event_data: {
        ServiceName: name,
        ImagePath: imagePath,
        ServiceType: 'user mode service',
        StartType: 'demand start',
        AccountName: 'LocalSystem',
      },
    },
    host: { name: 'WS042.corp.example.com' },
  });

const failedLogon = (seconds: number, user: string, ip: string, logonType = '3', workstation = 'KALI') =>
  winlogbeat(4625, seconds, {
    TargetUserName: user,
    TargetDomainName: 'CORP',
    IpAddress: ip,
    IpPort: '0',
    WorkstationName: workstation,
    LogonType: logonType,
    Status: '0xc000006d',
    SubStatus: '0xc000006a',
  });

/** A 4625 as NXLog's im_msvistalog writes it (the OTRF Security-Datasets' shape): flat, no @timestamp. */
const nxlogFailedLogon = (seconds: number, user: string, ip: string, logonType: number) =>
  JSON.stringify({
    EventTime: iso(seconds).slice(0, 19).replace('T', ' '),
    Hostname: 'DC01.corp.example.com',
    EventType: 'AUDIT_FAILURE',
    EventID: 4625,
    SourceName: 'Microsoft-Windows-Security-Auditing',
    Channel: 'Security',
    TargetUserName: user,
    TargetDomainName: 'CORP',
    Status: '0xc000006d',
    SubStatus: '0xc000006a',
    LogonType: logonType,
    IpAddress: ip,
    IpPort: '0',
    SourceModuleType: 'im_msvistalog',
  });

/** A 4625 as Windows renders it in XML (Splunk's XmlWinEventLog, ToXml()): one event a line. */
const xmlFailedLogon = (seconds: number, user: string, ip: string, logonType: number) =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4625</EventID><Version>0</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode><Keywords>0x8010000000000000</Keywords><TimeCreated SystemTime='${iso(seconds).replace('Z', '0000Z')}'/><EventRecordID>${7000 + seconds}</EventRecordID><Correlation/><Execution ProcessID='660' ThreadID='3128'/><Channel>Security</Channel><Computer>DC01.corp.example.com</Computer><Security/></System><EventData><Data Name='SubjectUserSid'>S-1-0-0</Data><Data Name='TargetUserName'>${user}</Data><Data Name='TargetDomainName'>CORP</Data><Data Name='Status'>0xc000006d</Data><Data Name='SubStatus'>0xc000006a</Data><Data Name='LogonType'>${logonType}</Data><Data Name='IpAddress'>${ip}</Data><Data Name='IpPort'>0</Data></EventData></Event>`;

function appEvent(
  seconds: number,
  action: string,
  fields: { user?: string; ip?: string; outcome?: string },
): string {
  return JSON.stringify({
    '@timestamp': iso(seconds),
    event: {
      kind: 'event',
      category: [action === 'login' ? 'authentication' : 'web'],
      action,
      outcome: fields.outcome ?? 'failure',
    },
    ...(fields.user && { user: { name: fields.user } }),
    source: { ip: fields.ip ?? '198.51.100.7' },
    service: { name: 'shop-web' },
    url: { path: '/account/42' },
  });
}

const sshdLine = (seconds: number, message: string, program = 'sshd') =>
  `${new Date(T0 + seconds * 1000).toUTCString().slice(8, 11)} ${new Date(T0 + seconds * 1000).getUTCDate()} ${new Date(T0 + seconds * 1000).toISOString().slice(11, 19)} bastion ${program}[${100 + seconds}]: ${message}`;
/** Dropbear (OpenWrt's SSH server): one connection (pid) a line, as each guess comes from a new one. */
const dropbearFailure = (seconds: number, user: string, ip: string) =>
  sshdLine(seconds, `Bad password attempt for '${user}' from ${ip}:${40000 + seconds}`, 'dropbear');
/** A line of a Linux account program on one host (sudo, su, useradd, usermod ...). */
const accountLine = (seconds: number, program: string, message: string) =>
  sshdLine(seconds, message, program).replace(' bastion ', ' web-01 ');
const sudoDenied = (seconds: number, error: string) =>
  accountLine(seconds, 'sudo', `mallory : ${error} ; TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/bash`);
/** A document of Filebeat's system module (auth fileset), as an Elasticsearch source gives it. */
const filebeatAuth = (seconds: number, process: string, fields: Record<string, unknown>) =>
  JSON.stringify({
    '@timestamp': iso(seconds),
    event: { module: 'system', dataset: 'system.auth', kind: 'event', ...(fields.event as object) },
    host: { hostname: 'web-01', name: 'web-01' },
    process: { name: process, pid: 4242 },
    ...Object.fromEntries(Object.entries(fields).filter(([key]) => key !== 'event')),
  });
/** An FTP server's failed password, which only PAM reports. */
const vsftpdFailure = (seconds: number) =>
  accountLine(
    seconds,
    'vsftpd',
    'pam_unix(vsftpd:auth): authentication failure; logname= uid=0 euid=0 tty=ftp ruser=admin rhost=203.0.113.40  user=admin',
  );
/** vsftpd's own log line of a failed login (its time as C's ctime writes it; T0 is a Monday). */
const vsftpdOwnFailure = (seconds: number, ip: string) =>
  `Mon Mar  4 ${iso(seconds).slice(11, 19)} 2024 [pid ${900 + seconds}] [admin] FAIL LOGIN: Client "${ip}"`;
/** Apache refusing an HTTP basic auth password, in its error log. */
const apacheAuthFailure = (seconds: number, ip: string) => {
  // `Mon, 04 Mar 2024 10:00:00 GMT`, in the order Apache writes it: `Mon Mar 04 10:00:00.000000 2024`.
  const [weekday, day, month, year, time] = new Date(T0 + seconds * 1000)
    .toUTCString()
    .replace(',', '')
    .split(' ');
  return `[${weekday} ${month} ${day} ${time}.000000 ${year}] [auth_basic:error] [pid 1:tid 2] [client ${ip}:4000] AH01617: user admin: authentication failure for "/admin": Password Mismatch`;
};
/** Apache's error log naming a file a request asked for that does not exist. */
const apacheMissingFile = (seconds: number, ip: string, file: string) =>
  apacheAuthFailure(seconds, ip)
    .replace('[auth_basic:error]', '[core:info]')
    .replace(/AH01617: .*$/, `AH00128: File does not exist: ${file}`);
/** Apache's error log naming a request an access rule refused. */
const apacheDenied = (seconds: number, ip: string, file: string) =>
  apacheAuthFailure(seconds, ip)
    .replace('[auth_basic:error]', '[authz_core:error]')
    .replace(/AH01617: .*$/, `AH01630: client denied by server configuration: ${file}`);
/** ModSecurity blocking a request on rule `id`, in Apache's error log. */
const modsecurityBlock = (seconds: number, ip: string, id: string) =>
  apacheAuthFailure(seconds, ip)
    .replace('[auth_basic:error]', '[security2:error]')
    .replace(
      /AH01617: .*$/,
      `ModSecurity: Access denied with code 403 (phase 2). Pattern match [file "/etc/modsecurity/rules.conf"] [line "1"] [id "${id}"] [msg "rule ${id}"] [hostname "www"] [uri "/"] [unique_id "u${seconds}"]`,
    );
/** Apache's error log naming a request it could not read. */
const apacheInvalidUri = (seconds: number, ip: string) =>
  apacheAuthFailure(seconds, ip)
    .replace('[auth_basic:error]', '[core:error]')
    .replace(/AH01617: .*$/, `AH00126: Invalid URI in request GET /${seconds}/../../x HTTP/1.1`);
/** nginx refusing a request over its rate. */
const nginxLimited = (seconds: number, ip: string) =>
  `${iso(seconds).slice(0, 19).replaceAll('-', '/').replace('T', ' ')} [error] 2865#2865: *1 limiting requests, excess: 5.120 by zone "login", client: ${ip}, server: s, request: "POST /login HTTP/1.1", host: "s"`;
/** Squid's access log: a request at T0 + `seconds`, its result, status and user. */
const squidRequest = (seconds: number, ip: string, verdict: string, user = '-') =>
  `${(T0 + seconds * 1000) / 1000}.000 0 ${ip} ${verdict} 3900 CONNECT smtp.example.com:25 ${user} HIER_NONE/- text/html`;
/** A packet UFW blocked, in syslog. */
const ufwBlock = (seconds: number, source: string, destination: string, port: number) =>
  accountLine(
    seconds,
    'kernel',
    `[UFW BLOCK] IN=eth0 OUT= SRC=${source} DST=${destination} LEN=44 TTL=243 PROTO=TCP SPT=40000 DPT=${port} WINDOW=1024 RES=0x00 SYN URGP=0`,
  );
/** A Cisco ASA refusing a VPN login (113015), or a login to itself (611102), in syslog. */
const asaVpnReject = (seconds: number, ip: string, user = 'jdoe') =>
  accountLine(
    seconds,
    '%ASA-6-113015',
    `AAA user authentication Rejected : reason = Invalid password : local database : user = ${user} : user IP = ${ip}`,
  );
/** A Cisco IOS router refusing an SSH login, in syslog after its sequence number. */
const iosLoginFailure = (seconds: number, ip: string) => {
  const header = sshdLine(seconds, '').split(' bastion ')[0];
  const clock = iso(seconds).slice(11, 19);
  return `${header} router1 ${1000 + seconds}: *Mar  4 ${clock}.000 UTC: %SEC_LOGIN-4-LOGIN_FAILED: Login failed [user: admin] [Source: ${ip}] [localport: 22] [Reason: Login Authentication Failed] at ${clock} UTC Mon Mar 4 2024`;
};
const asaAdminReject = (seconds: number, ip: string) =>
  accountLine(seconds, '%ASA-6-611102', `User authentication failed: IP address: ${ip}, Uname: admin`);
/** A FortiGate's record at T0 + `seconds` in its default syslog format, its clock at UTC. */
const fortigate = (seconds: number, fields: string) =>
  `date=${iso(seconds).slice(0, 10)} time=${iso(seconds).slice(11, 19)} devname="FGT-HQ" tz="+0000" ${fields}`;
/** A FortiGate refusing an SSL VPN login, letting one in, an administrator's failed login, a denied session. */
const fortigateVpnFailure = (seconds: number, ip: string, user = 'jdoe') =>
  fortigate(
    seconds,
    `logid="0101039426" type="event" subtype="vpn" action="ssl-login-fail" tunneltype="ssl-web" remip=${ip} user="${user}" reason="sslvpn_login_permission_denied"`,
  );
const fortigateVpnLogin = (seconds: number, ip: string, user = 'jdoe') =>
  fortigate(
    seconds,
    `logid="0101039424" type="event" subtype="vpn" action="tunnel-up" tunneltype="ssl-tunnel" remip=${ip} user="${user}"`,
  );
const fortigateAdminFailure = (seconds: number, ip: string) =>
  fortigate(
    seconds,
    `logid="0100032002" type="event" subtype="system" user="admin" ui="https(${ip})" method="https" srcip=${ip} action="login" status="failed" reason="passwd_invalid"`,
  );
const fortigateIps = (seconds: number, ip: string, attack: string) =>
  fortigate(
    seconds,
    `logid="0419016384" type="utm" subtype="ips" eventtype="signature" severity="critical" srcip=${ip} dstip=192.0.2.25 attack="${attack}" action="dropped" proto=6 srcport=40000 dstport=443`,
  );
const fortigateDeny = (seconds: number, ip: string, port: number) =>
  fortigate(
    seconds,
    `logid="0000000013" type="traffic" subtype="forward" srcip=${ip} srcport=40000 dstip=192.0.2.25 dstport=${port} proto=6 action="deny" policyid=0`,
  );
/** PAN-OS refusing a GlobalProtect login (its GLOBALPROTECT log), and a session its policy denied. */
const panos = (seconds: number, type: string, fields: string) => {
  const time = iso(seconds).slice(0, 19).replaceAll('-', '/').replace('T', ' ');
  return `1,${time},016201004321,${type},${fields.replace('TIME', time)}`;
};
const globalProtectFailure = (seconds: number, ip: string, user = 'jdoe') =>
  panos(
    seconds,
    'GLOBALPROTECT',
    `0,2817,TIME,vsys1,gateway-auth,login,LDAP,,${user},US,,${ip},0.0.0.0,0.0.0.0,0.0.0.0,,,,,,1,,Authentication failed: Invalid username or password,"",failure,,0,,0,GP-Gateway,1`,
  );
const panosDeny = (seconds: number, ip: string, port: number) =>
  panos(
    seconds,
    'TRAFFIC',
    `deny,2049,TIME,${ip},192.0.2.25,0.0.0.0,0.0.0.0,deny-inbound,,,not-applicable,vsys1,untrust,trust,ethernet1/1,,default,TIME,0,1,40000,${port},0,0,0x0,tcp,deny`,
  );
/** A SonicWall refusing an administrator's password, and a dropped packet. */
const sonicwall = (seconds: number, fields: string) =>
  `id=firewall sn=C0EAE4590001 time="${iso(seconds).slice(0, 19).replace('T', ' ')} UTC" fw=192.0.2.1 ${fields}`;
const sonicwallAdminFailure = (seconds: number, ip: string) =>
  sonicwall(
    seconds,
    `pri=1 c=32 m=30 msg="Administrator login denied due to bad credentials" n=7 src=${ip}:40000:X1 dst=192.0.2.1:443:X1`,
  );
const sonicwallDrop = (seconds: number, ip: string, host: number) =>
  sonicwall(
    seconds,
    `pri=5 c=64 m=36 msg="TCP connection dropped" n=8 src=${ip}:40000:WAN dst=10.0.1.${host}:445:LAN rule=0`,
  );
/** A Sophos Firewall refusing an SSL VPN login. */
const sophosVpnFailure = (seconds: number, ip: string) =>
  `device="SFW" date=${iso(seconds).slice(0, 10)} time=${iso(seconds).slice(11, 19)} timezone="UTC" device_name="XG210" log_id=063110617711 log_type="Event" log_component="SSL VPN Authentication" log_subtype="Authentication" status="Failed" user_name="jdoe" src_ip=${ip} message="User jdoe failed to login to SSLVPN"`;
/** fail2ban banning an address, in its own log. */
const fail2banBan = (seconds: number, ip: string, jail = 'sshd') =>
  `${iso(seconds).slice(0, 10)} ${iso(seconds).slice(11, 19)},000 fail2ban.actions        [812]: NOTICE  [${jail}] Ban ${ip}`;
/** MySQL 8.0 refusing a login, in its error log. */
const mysqlFailure = (seconds: number, ip: string) =>
  `${iso(seconds).slice(0, 23)}000Z 8 [Note] [MY-010926] [Server] Access denied for user 'root'@'${ip}' (using password: YES)`;
/** Asterisk refusing a SIP registration, in its own log. */
const sipFailure = (seconds: number, ip: string) =>
  `[${iso(seconds).slice(0, 10)} ${iso(seconds).slice(11, 19)}] NOTICE[1638] chan_sip.c: Registration from '<sip:100@pbx.example.org>' failed for '${ip}:5060' - Wrong password`;
/** Exim refusing an SMTP AUTH password, in its main log. */
const eximFailure = (seconds: number, ip: string) =>
  `${iso(seconds).slice(0, 10)} ${iso(seconds).slice(11, 19)} dovecot_login authenticator failed for (ylmf-pc) [${ip}]:50000: 535 Incorrect authentication data (set_id=info@example.org)`;
/** Roundcube refusing a webmail login, in its errors log. */
const roundcubeFailure = (seconds: number, user: string, ip: string) => {
  const [, day, month, year, time] = new Date(T0 + seconds * 1000).toUTCString().replace(',', '').split(' ');
  return `[${day}-${month}-${year} ${time} +0000]: IMAP Error: Login failed for ${user} from ${ip}. AUTHENTICATE PLAIN: Authentication failed. in /var/www/roundcube/program/lib/Roundcube/rcube_imap.php on line 211 (POST /?_task=login&_action=login)`;
};
/** A 4625 as Event Viewer saves it as CSV: a record over many lines, the message quoted. */
const csvFailedLogon = (seconds: number, user: string, ip: string, logonType: number) => {
  const [month, day, year] = [3, 4, 2024];
  const time = new Date(T0 + seconds * 1000).toISOString().slice(11, 19);
  const message = [
    'An account failed to log on.',
    '',
    `Logon Type:\t\t\t${logonType}`,
    '',
    'Account For Which Logon Failed:',
    '\tSecurity ID:\t\tS-1-0-0',
    `\tAccount Name:\t\t${user}`,
    '\tAccount Domain:\t\tCORP',
    '',
    'Failure Information:',
    '\tFailure Reason:\t\tUnknown user name or bad password.',
    '\tStatus:\t\t\t0xC000006D',
    '\tSub Status:\t\t0xC000006A',
    '',
    'Network Information:',
    '\tWorkstation Name:\tKALI',
    `\tSource Network Address:\t${ip}`,
    '\tSource Port:\t\t0',
  ];
  return `Audit Failure,${month}/${day}/${year} ${time},Microsoft-Windows-Security-Auditing,4625,Logon,"${message.join('\r\n')}"`.split(
    '\n',
  );
};
/** SQL Server refusing a password, in its error log. */
const mssqlFailure = (seconds: number, ip: string) =>
  `${iso(seconds).slice(0, 10)} ${iso(seconds).slice(11, 22)} Logon       Login failed for user 'sa'. Reason: Password did not match that for the login provided. [CLIENT: ${ip}]`;
/** Cyrus IMAP refusing a plain password. */
const cyrusFailure = (seconds: number, ip: string) =>
  accountLine(
    seconds,
    'cyrus/imaps',
    `badlogin: [${ip}] plaintext admin SASL(-13): authentication failure: checkpass failed`,
  );
/** ProFTPD refusing a password, in syslog. */
const proftpdFailure = (seconds: number, ip: string) =>
  accountLine(
    seconds,
    'proftpd',
    `ftp.example.org (${ip}[${ip}]) - USER admin (Login failed): Incorrect password`,
  );
/** macOS's Screen Sharing refusing a login, in the syslog form `log show --style syslog` writes. */
const screenSharingFailure = (seconds: number, ip: string) =>
  `${iso(seconds).slice(0, 10)} ${iso(seconds).slice(11, 23)}000+0000  mac screensharingd[3535]: Authentication: FAILED :: User Name: admin :: Viewer Address: ${ip} :: Type: DH`;
/** Postfix's smtpd on a failed SMTP AUTH (mail.log is read by the sshd parser too). */
const postfixReject = (seconds: number, ip: string, recipient: string, code: string, reason: string) =>
  accountLine(
    seconds,
    'postfix/smtpd',
    `NOQUEUE: reject: RCPT from unknown[${ip}]: ${code} <${recipient}>: ${reason}; from=<a@b.example> to=<${recipient}> proto=ESMTP helo=<x>`,
  );
const postfixSaslFailure = (seconds: number, ip: string) =>
  accountLine(
    seconds,
    'postfix/smtpd',
    `warning: unknown[${ip}]: SASL LOGIN authentication failed: UGFzc3dvcmQ6`,
  );
/** Dovecot's login process as a client that failed `attempts` times goes. */
const dovecotLoginFailure = (seconds: number, attempts: number, ip: string) =>
  accountLine(
    seconds,
    'dovecot',
    `imap-login: Disconnected (auth failed, ${attempts} attempts in 20 secs): user=<info>, method=PLAIN, rip=${ip}, lip=192.0.2.25, TLS`,
  );
/** A user-space record of the Linux audit log (auditd), its fields in msg='...'. */
const auditRecord = (seconds: number, type: string, fields: string) =>
  `type=${type} msg=audit(${(T0 / 1000 + seconds).toFixed(3)}:${9000 + seconds}): pid=${2000 + seconds} uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 msg='${fields}'`;
const auditSshd = (op: string, user: string, ip: string, res: string) =>
  `op=${op} acct="${user}" exe="/usr/sbin/sshd" hostname=${ip} addr=${ip} terminal=ssh res=${res}`;
/**
 * One wrong SSH password on a Red Hat host: PAM's USER_AUTH, sshd's own, and sshd's USER_LOGIN
 * (not counted: sshd writes one for the `none` method too).
 */
const redHatGuess = (seconds: number, user: string, ip: string) => [
  auditRecord(seconds, 'USER_AUTH', auditSshd('PAM:authentication grantors=?', user, ip, 'failed')),
  auditRecord(seconds, 'USER_AUTH', auditSshd('password', user, ip, 'failed')),
  auditRecord(seconds, 'USER_LOGIN', auditSshd('login', user, ip, 'failed')),
];
const dropbearUnknownUser = (seconds: number, ip: string) =>
  sshdLine(seconds, `Login attempt for nonexistent user from ${ip}:${40000 + seconds}`, 'dropbear');
const sshdFailure = (seconds: number, user: string, ip: string) =>
  sshdLine(seconds, `Failed password for ${user} from ${ip} port ${40000 + seconds} ssh2`);
/** Connections that end before authenticating, each kind in turn (see match-probe.ts). */
const sshdProbe = (seconds: number, ip: string, index: number) =>
  sshdLine(
    seconds,
    [
      `Did not receive identification string from ${ip} port ${40000 + seconds}`,
      `Bad protocol version identification 'GET / HTTP/1.1' from ${ip} port ${40000 + seconds}`,
      `fatal: Unable to negotiate with ${ip} port ${40000 + seconds}: no matching cipher found. Their offer: 3des-cbc [preauth]`,
      `banner exchange: Connection from ${ip} port ${40000 + seconds}: invalid format`,
      `Connection closed by ${ip} port ${40000 + seconds}`,
    ][index % 5] as string,
  );
const graceTimeout = (seconds: number, ip: string) =>
  sshdLine(seconds, `fatal: Timeout before authentication for ${ip} port ${40000 + seconds}`);

describe('the shipped rule pack', () => {
  it.each([
    [
      'ssh brute force from one address',
      sshdParser,
      times(10, 20).map((s) => sshdFailure(s, 'root', '203.0.113.9')),
      ['ssh-brute-force-source'],
    ],
    [
      '9 ssh failures are not enough',
      sshdParser,
      times(9, 20).map((s) => sshdFailure(s, 'root', '203.0.113.9')),
      [],
    ],
    [
      'ssh brute force on one account from many addresses',
      sshdParser,
      times(20, 20).map((s, i) => sshdFailure(s, 'deploy', `203.0.113.${i + 1}`)),
      ['ssh-brute-force-user'],
    ],
    [
      'ssh brute force on a Dropbear server',
      sshdParser,
      times(10, 20).map((s) => dropbearFailure(s, 'root', '203.0.113.9')),
      ['ssh-brute-force-source'],
    ],
    [
      'ssh brute force on a Dropbear server with unknown account names',
      sshdParser,
      times(10, 20).map((s) => dropbearUnknownUser(s, '203.0.113.9')),
      ['ssh-brute-force-source'],
    ],
    [
      '9 Dropbear failures are not enough',
      sshdParser,
      times(9, 20).map((s) => dropbearFailure(s, 'root', '203.0.113.9')),
      [],
    ],
    [
      'sudo refused a user not in sudoers',
      sshdParser,
      [sudoDenied(0, 'user NOT in sudoers')],
      ['linux-sudo-not-allowed'],
    ],
    [
      'sudo gave up on wrong passwords three times',
      sshdParser,
      times(3, 60).map((s) => sudoDenied(s, '3 incorrect password attempts')),
      ['linux-sudo-password-failures'],
    ],
    [
      'twice is a user mistyping',
      sshdParser,
      times(2, 60).map((s) => sudoDenied(s, '3 incorrect password attempts')),
      [],
    ],
    [
      'allowed sudo commands are no incident',
      sshdParser,
      times(20, 5).map((s) =>
        accountLine(
          s,
          'sudo',
          'ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/usr/bin/apt-get update',
        ),
      ),
      [],
    ],
    [
      'repeated failed su to root',
      sshdParser,
      times(3, 20).map((s) => accountLine(s, 'su', 'FAILED SU (to root) mallory on pts/1')),
      ['linux-su-failures'],
    ],
    [
      'a new local account',
      sshdParser,
      [
        accountLine(
          0,
          'useradd',
          'new user: name=sysbackup, UID=1002, GID=1002, home=/home/sysbackup, shell=/bin/bash',
        ),
      ],
      ['linux-account-created'],
    ],
    [
      'an account added to the sudo group',
      sshdParser,
      [accountLine(0, 'usermod', "add 'sysbackup' to group 'sudo'")],
      ['linux-privileged-group-member'],
    ],
    [
      "sudo refused, in Filebeat's document",
      ndjsonParser,
      [
        filebeatAuth(0, 'sudo', {
          user: { name: 'mallory' },
          system: { auth: { sudo: { error: 'user NOT in sudoers', user: 'root', command: '/bin/bash' } } },
        }),
      ],
      ['linux-sudo-not-allowed'],
    ],
    [
      "su's PAM failures, in Filebeat's documents",
      ndjsonParser,
      times(3, 20).map((s) =>
        filebeatAuth(s, 'su', {
          event: { category: ['authentication'], outcome: 'failure' },
          user: { name: 'root' },
        }),
      ),
      ['linux-su-failures'],
    ],
    [
      "a new account, in Filebeat's document",
      ndjsonParser,
      [
        filebeatAuth(0, 'useradd', {
          event: { category: ['iam'], type: ['user', 'creation'] },
          user: { name: 'sysbackup', id: '1002' },
        }),
      ],
      ['linux-account-created'],
    ],
    [
      "a new group is not a new account (Filebeat's useradd document of the user's own group)",
      ndjsonParser,
      [
        filebeatAuth(0, 'useradd', {
          event: { category: ['iam'], type: ['group', 'creation'] },
          group: { name: 'x' },
        }),
      ],
      [],
    ],
    [
      'a Windows account creation (4720, as Winlogbeat ships it) is a Windows one, not a Linux one',
      ndjsonParser,
      [
        JSON.stringify({
          '@timestamp': iso(0),
          event: {
            code: '4720',
            module: 'security',
            category: ['iam'],
            type: ['user', 'creation', 'admin'],
            action: 'added-user-account',
            outcome: 'success',
          },
          host: { name: 'DC01.corp.example.com' },
          user: { name: 'admin', target: { name: 'backdoor' } },
        }),
      ],
      ['windows-account-created'],
    ],
    [
      'password guessing against an FTP server through PAM',
      sshdParser,
      times(10, 20).map((s) => vsftpdFailure(s)),
      ['pam-brute-force-source'],
    ],
    ['9 PAM failures are not enough', sshdParser, times(9, 20).map((s) => vsftpdFailure(s)), []],
    [
      "FTP password guessing in vsftpd's own log",
      vsftpdParser,
      times(10, 20).map((s) => vsftpdOwnFailure(s, '203.0.113.45')),
      ['ftp-brute-force-source'],
    ],
    [
      '9 FTP failures are not enough',
      vsftpdParser,
      times(9, 20).map((s) => vsftpdOwnFailure(s, '203.0.113.45')),
      [],
    ],
    [
      "HTTP basic auth guessing in Apache's error log",
      webErrorLogParser,
      times(10, 20).map((s) => apacheAuthFailure(s, '203.0.113.49')),
      ['web-http-auth-failures-source'],
    ],
    [
      '9 HTTP auth failures are not enough',
      webErrorLogParser,
      times(9, 20).map((s) => apacheAuthFailure(s, '203.0.113.49')),
      [],
    ],
    [
      "a wordlist scan that only Apache's error log shows",
      webErrorLogParser,
      times(30, 5).map((s) => apacheMissingFile(s, '203.0.113.125', `/var/www/word${s}`)),
      ['web-missing-files-source'],
    ],
    [
      '29 distinct missing files are not enough, nor one file asked for again and again',
      webErrorLogParser,
      [
        ...times(29, 5).map((s) => apacheMissingFile(s, '203.0.113.125', `/var/www/word${s}`)),
        ...times(40, 5).map((s) => apacheMissingFile(s, '203.0.113.126', '/var/www/favicon.ico')),
      ],
      [],
    ],
    [
      "a probe of the areas an access rule closes, as Apache's error log names its refusals",
      webErrorLogParser,
      times(20, 10).map((s) => apacheDenied(s, '203.0.113.127', `/var/www/area${s % 4}`)),
      ['web-denied-requests-source'],
    ],
    [
      '19 refused requests in 5 minutes are not enough',
      webErrorLogParser,
      times(19, 15).map((s) => apacheDenied(s, '203.0.113.127', '/var/www/server-status')),
      [],
    ],
    [
      'an attack trying several things, as the web application firewall names its rules',
      webErrorLogParser,
      ['942100', '930110', '941100'].map((id, i) => modsecurityBlock(i * 60, '203.0.113.128', id)),
      ['web-waf-rules-source'],
    ],
    [
      'a burst of requests the firewall blocked on one rule',
      webErrorLogParser,
      times(10, 30).map((s) => modsecurityBlock(s, '203.0.113.129', '500000')),
      ['web-waf-blocks-source'],
    ],
    [
      'two rules, or nine blocks on one rule, are not enough',
      webErrorLogParser,
      [
        ...['942100', '930110'].map((id, i) => modsecurityBlock(i * 60, '203.0.113.128', id)),
        ...times(9, 30).map((s) => modsecurityBlock(s, '203.0.113.129', '500000')),
      ],
      [],
    ],
    [
      "a Shellshock header that reached a CGI script's bash",
      webErrorLogParser,
      [
        apacheAuthFailure(0, '203.0.113.131')
          .replace('[auth_basic:error]', '[cgi:error]')
          .replace(
            /AH01617: .*$/,
            'AH01215: /bin/bash: warning: HTTP_REFERER: ignoring function definition attempt',
          ),
      ],
      ['web-exploit-reached-cgi'],
    ],
    [
      'a burst of requests Apache could not read, from one address',
      webErrorLogParser,
      times(10, 30).map((s) => apacheInvalidUri(s, '203.0.113.132')),
      ['web-malformed-requests-source'],
    ],
    [
      '9 malformed requests are not enough',
      webErrorLogParser,
      times(9, 30).map((s) => apacheInvalidUri(s, '203.0.113.132')),
      [],
    ],
    [
      "an address nginx's rate limit refuses again and again",
      webErrorLogParser,
      times(30, 5).map((s) => nginxLimited(s, '203.0.113.133')),
      ['web-rate-limited-source'],
    ],
    [
      '29 refusals for the rate are not enough',
      webErrorLogParser,
      times(29, 5).map((s) => nginxLimited(s, '203.0.113.133')),
      [],
    ],
    [
      'an open-proxy scan: CONNECTs that Squid refuses again and again',
      squidParser,
      times(20, 10).map((s) => squidRequest(s, '203.0.113.134', 'TCP_DENIED/403')),
      ['proxy-denied-requests-source'],
    ],
    [
      "proxy password guessing from one client; a browser's 407s before its credentials are none",
      squidParser,
      [
        ...times(10, 20).map((s) => squidRequest(s, '203.0.113.135', 'TCP_DENIED/407', 'alice')),
        ...times(30, 5).map((s) => squidRequest(s, '10.0.0.30', 'TCP_DENIED/407')),
      ],
      ['proxy-auth-failures-source'],
    ],
    [
      '19 refused requests are not enough',
      squidParser,
      times(19, 10).map((s) => squidRequest(s, '203.0.113.134', 'TCP_DENIED/403')),
      [],
    ],
    [
      'a port scan the firewall blocked; one port tried again and again is none',
      sshdParser,
      [
        ...times(20, 3).map((s) => ufwBlock(s, '203.0.113.141', '192.0.2.10', 1000 + s)),
        ...times(40, 3).map((s) => ufwBlock(s, '203.0.113.142', '192.0.2.10', 23)),
      ],
      ['firewall-port-scan-source'],
    ],
    [
      '19 ports are not enough',
      sshdParser,
      times(19, 3).map((s) => ufwBlock(s, '203.0.113.141', '192.0.2.10', 1000 + s)),
      [],
    ],
    [
      "a sweep of a network's hosts the firewall blocked; broadcast and multicast reach many without one",
      sshdParser,
      [
        ...times(10, 5).map((s) => ufwBlock(s, '10.0.0.143', `10.0.1.${s / 5 + 1}`, 445)),
        ...times(12, 5).map((s) => ufwBlock(s, '10.0.0.144', `239.255.255.${s / 5 + 1}`, 1900)),
      ],
      ['firewall-host-sweep-source'],
    ],
    [
      "password guessing at a Cisco ASA's VPN and at the device itself",
      sshdParser,
      [
        ...times(10, 20).map((s) => asaVpnReject(s, '203.0.113.150')),
        ...times(5, 60).map((s) => asaAdminReject(s, '203.0.113.151')),
      ],
      ['admin-panel-login-failures-source', 'vpn-brute-force-source'],
    ],
    [
      "password guessing at a FortiGate's SSL VPN and its GUI, and a port scan it denied",
      fortigateParser,
      [
        ...times(10, 20).map((s) => fortigateVpnFailure(s, '203.0.113.152')),
        ...times(5, 60).map((s) => fortigateAdminFailure(s, '203.0.113.153')),
        ...times(20, 3).map((s) => fortigateDeny(s, '203.0.113.154', 1000 + s)),
      ],
      ['admin-panel-login-failures-source', 'firewall-port-scan-source', 'vpn-brute-force-source'],
    ],
    [
      'password spraying at a GlobalProtect gateway, and a port scan PAN-OS denied',
      panosParser,
      [
        ...times(10, 20).map((s) => globalProtectFailure(s, '203.0.113.156', `user${s}`)),
        ...times(20, 3).map((s) => panosDeny(s, '203.0.113.157', 2000 + s)),
      ],
      ['firewall-port-scan-source', 'password-spray-source', 'vpn-brute-force-source'],
    ],
    [
      "password guessing at a SonicWall's administration, and a sweep of hosts it dropped",
      sonicwallParser,
      [
        ...times(5, 60).map((s) => sonicwallAdminFailure(s, '203.0.113.158')),
        ...times(10, 5).map((s) => sonicwallDrop(s, '203.0.113.159', s / 5 + 1)),
      ],
      ['admin-panel-login-failures-source', 'firewall-host-sweep-source'],
    ],
    [
      "password guessing at a Sophos Firewall's SSL VPN",
      sophosParser,
      times(10, 20).map((s) => sophosVpnFailure(s, '203.0.113.160')),
      ['vpn-brute-force-source'],
    ],
    [
      "an exploit scanner setting off five of a FortiGate's IPS signatures; one signature again and again is not enough",
      fortigateParser,
      [
        ...['Log4j', 'Struts', 'PHPUnit', 'FortiOS.SSL.VPN', 'Citrix.ADC'].map((attack, n) =>
          fortigateIps(n * 60, '203.0.113.161', attack),
        ),
        ...times(10, 30).map((s) => fortigateIps(s, '203.0.113.162', 'Log4j')),
      ],
      ['ips-signatures-source'],
    ],
    [
      'an SSL VPN account guessed at, then let in',
      fortigateParser,
      [
        ...times(5, 30).map((s) => fortigateVpnFailure(s, '203.0.113.155')),
        fortigateVpnLogin(200, '198.51.100.30'),
      ],
      ['auth-success-after-failures'],
    ],
    [
      'password guessing at a Cisco IOS router',
      sshdParser,
      times(5, 60).map((s) => iosLoginFailure(s, '203.0.113.163')),
      ['admin-panel-login-failures-source'],
    ],
    [
      "password guessing at a Windows VPN through Network Policy Server; a Wi-Fi client's MAC is no address",
      windowsParser,
      [
        ...times(10, 20).map((s) => npsDenied(s, '203.0.113.171')),
        ...times(12, 20).map((s) => npsDenied(s, 'AA-BB-CC-DD-EE-FF')),
      ],
      ['vpn-brute-force-source'],
    ],
    [
      '9 refused VPN logins are not enough',
      sshdParser,
      times(9, 20).map((s) => asaVpnReject(s, '203.0.113.150')),
      [],
    ],
    [
      'an address fail2ban bans again and again; its recidive jail does not add to the count',
      fail2banParser,
      [
        ...times(5, 3600).map((s) => fail2banBan(s, '203.0.113.136')),
        ...times(4, 3600).map((s) => fail2banBan(s, '203.0.113.137')),
        fail2banBan(20_000, '203.0.113.137', 'recidive'),
      ],
      ['fail2ban-repeat-offender'],
    ],
    [
      'an address several fail2ban jails ban; one jail, or a jail and recidive, is not enough',
      fail2banParser,
      [
        fail2banBan(0, '203.0.113.138', 'sshd'),
        fail2banBan(600, '203.0.113.138', 'postfix-sasl'),
        fail2banBan(0, '203.0.113.139', 'sshd'),
        fail2banBan(60, '203.0.113.139', 'sshd'),
        fail2banBan(120, '203.0.113.139', 'recidive'),
      ],
      ['fail2ban-jails-source'],
    ],
    [
      'two jails an hour and more apart are not enough',
      fail2banParser,
      [fail2banBan(0, '203.0.113.140', 'sshd'), fail2banBan(3700, '203.0.113.140', 'dovecot')],
      [],
    ],
    [
      'password guessing against MySQL from one address',
      mysqlParser,
      times(5, 20).map((s) => mysqlFailure(s, '203.0.113.51')),
      ['mysql-login-failures-source'],
    ],
    [
      '4 refused MySQL logins are not enough',
      mysqlParser,
      times(4, 20).map((s) => mysqlFailure(s, '203.0.113.51')),
      [],
    ],
    [
      'SIP password guessing against Asterisk from one address',
      asteriskParser,
      times(10, 20).map((s) => sipFailure(s, '203.0.113.52')),
      ['voip-brute-force-source'],
    ],
    [
      '9 refused SIP registrations are not enough',
      asteriskParser,
      times(9, 20).map((s) => sipFailure(s, '203.0.113.52')),
      [],
    ],
    [
      "SMTP AUTH password guessing in Exim's main log",
      eximParser,
      times(10, 30).map((s) => eximFailure(s, '203.0.113.53')),
      ['mail-auth-failures-source'],
    ],
    [
      '9 refused Exim logins are not enough',
      eximParser,
      times(9, 30).map((s) => eximFailure(s, '203.0.113.53')),
      [],
    ],
    [
      'webmail password guessing against one Roundcube account',
      roundcubeParser,
      times(10, 20).map((s) => roundcubeFailure(s, 'info@example.org', '203.0.113.54')),
      ['app-login-failures-user', 'self-hosted-login-failures-source'],
    ],
    [
      'credential stuffing against Roundcube from one address',
      roundcubeParser,
      times(20, 20).map((s, i) => roundcubeFailure(s, `user${i}@example.org`, '203.0.113.55')),
      // app-login-failures-source is muted by self-hosted-login-failures-source (an inhibition).
      ['app-login-failures-source', 'password-spray-source', 'self-hosted-login-failures-source'],
    ],
    [
      "password guessing against SQL Server's sa, in its error log",
      mssqlParser,
      times(10, 20).map((s) => mssqlFailure(s, '203.0.113.56')),
      ['mssql-login-failure-source', 'mssql-login-failure-user'],
    ],
    [
      '4 failed SQL Server logins are not enough',
      mssqlParser,
      times(4, 20).map((s) => mssqlFailure(s, '203.0.113.56')),
      [],
    ],
    [
      'forced browsing behind HAProxy, in its HTTP log',
      sshdParser,
      times(30, 5).map((s) =>
        accountLine(
          s,
          'haproxy',
          `203.0.113.58:40000 [04/Mar/2024:10:00:00.000] main app/app1 0/0/1/2/3 401 120 - - ---- 1/1/1/1/0 0/0 "GET /admin/${s} HTTP/1.1"`,
        ),
      ),
      ['web-auth-failures-source'],
    ],
    [
      'password guessing against OpenLDAP, one connection per guess',
      sshdParser,
      times(10, 20).flatMap((s) => [
        accountLine(s, 'slapd', `conn=${s} fd=21 ACCEPT from IP=203.0.113.61:40000 (IP=0.0.0.0:389)`),
        accountLine(
          s,
          'slapd',
          `conn=${s} op=1 BIND dn="uid=user${s},ou=people,dc=example,dc=com" method=128`,
        ),
        accountLine(s, 'slapd', `conn=${s} op=1 RESULT tag=97 err=49 text=`),
      ]),
      ['ldap-bind-failures-source', 'password-spray-source'],
    ],
    [
      'password guessing against MongoDB from one address',
      mongodbParser,
      times(10, 20).map(
        (s) =>
          `{"t":{"$date":"${iso(s)}"},"s":"I","c":"ACCESS","id":20249,"ctx":"conn${s}","msg":"Authentication failed","attr":{"mechanism":"SCRAM-SHA-256","principalName":"admin","authenticationDatabase":"admin","remote":"203.0.113.60:4${s}","error":"AuthenticationFailed: SCRAM authentication failed, storedKey mismatch"}}`,
      ),
      ['mongodb-login-failures-source'],
    ],
    [
      'a client forging a second address into its nginx user name: reported, counted against neither',
      webErrorLogParser,
      times(12).map(
        (s) =>
          `${iso(s).slice(0, 19).replaceAll('-', '/').replace('T', ' ')} [error] 2865#2865: *10${s} user "x": password mismatch, client: 198.51.100.7, server: www, request: "GET / HTTP/1.1", host: "h"": password mismatch, client: 192.0.2.102, server: www.example.org, request: "GET /admin HTTP/1.1", host: "www.example.org"`,
      ),
      ['log-address-forgery'],
    ],
    [
      'a client forging a second address into its Roundcube user name: reported, counted against neither',
      roundcubeParser,
      times(12).map(
        (s) =>
          `[04-Mar-2024 10:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')} +0000]: IMAP Error: Login failed for admin from 198.51.100.66. x from 203.0.113.64. AUTHENTICATE PLAIN: Authentication failed. in /srv/roundcube/program/lib/Roundcube/rcube_imap.php on line 200 (POST /?_task=login&_action=login)`,
      ),
      ['log-address-forgery'],
    ],
    [
      'password guessing against PostgreSQL from one address, each failure joined to its session',
      postgresqlParser,
      times(10, 20).flatMap((s) => [
        `${iso(s).slice(0, 10)} ${iso(s).slice(11, 23)} UTC [${5000 + s}] LOG:  connection received: host=203.0.113.61 port=5${s}`,
        `${iso(s).slice(0, 10)} ${iso(s).slice(11, 23)} UTC [${5000 + s}] postgres@postgres FATAL:  password authentication failed for user "postgres"`,
      ]),
      ['postgresql-login-failures-source'],
    ],
    [
      'scanners PostgreSQL refuses in pg_hba.conf, from one address, over many accounts',
      postgresqlParser,
      times(10, 20).map(
        (s, i) =>
          `${iso(s).slice(0, 10)} ${iso(s).slice(11, 23)} UTC [${5000 + s}] FATAL:  no pg_hba.conf entry for host "198.51.100.62", user "user${i}", database "postgres", SSL off`,
      ),
      ['password-spray-source', 'postgresql-login-failures-source'],
    ],
    [
      '4 failed MongoDB logins are not enough',
      mongodbParser,
      times(4, 20).map(
        (s) =>
          `{"t":{"$date":"${iso(s)}"},"s":"I","c":"ACCESS","id":20249,"ctx":"conn${s}","msg":"Authentication failed","attr":{"principalName":"admin","remote":"203.0.113.60:4${s}","error":"AuthenticationFailed: x"}}`,
      ),
      [],
    ],
    [
      'password guessing against a Vaultwarden account',
      vaultwardenParser,
      times(10, 20).map(
        (s) =>
          `[${iso(s).slice(0, 10)} ${iso(s).slice(11, 23)}][vaultwarden::api::identity][ERROR] Username or password is incorrect. Try again. IP: 203.0.113.59. Username: alice@example.org.`,
      ),
      ['app-login-failures-user', 'self-hosted-login-failures-source'],
    ],
    [
      "password guessing at authentik's login from one address",
      appLogParser,
      times(5, 20).map((s, i) => authentikFailure(s, `user${i}`, '203.0.113.62')),
      ['password-spray-source', 'self-hosted-login-failures-source'],
    ],
    [
      "password guessing at Guacamole's login, the client behind its proxy",
      appLogParser,
      times(5, 20).map(
        (s) =>
          `${iso(s).slice(0, 19)},000Z [http-nio-8080-exec-1] WARN  o.a.g.r.auth.AuthenticationService - Authentication attempt from [198.51.100.${s}, 203.0.113.66, 172.18.0.2] for user "admin" failed.`,
      ),
      ['self-hosted-login-failures-source'],
    ],
    [
      "password guessing at Home Assistant's login from one address",
      appLogParser,
      times(5, 20).map(
        (s) =>
          `${iso(s).slice(0, 10)} ${iso(s).slice(11, 23)} WARNING (MainThread) [homeassistant.components.http.ban] Login attempt or request with invalid authentication from 203.0.113.174 (203.0.113.174). Requested URL: '/auth/login_flow/x'. (Mozilla/5.0)`,
      ),
      ['self-hosted-login-failures-source'],
    ],
    [
      "password guessing at cPanel's WHM login from one address",
      appLogParser,
      times(5, 20).map(
        (s) =>
          `[${iso(s).slice(0, 10)} ${iso(s).slice(11, 19)} +0000] info [whostmgrd] 203.0.113.68 - root "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN whostmgrd: user password incorrect`,
      ),
      ['admin-panel-login-failures-source'],
    ],
    [
      '4 failed Nextcloud logins from one address are not enough',
      appLogParser,
      times(4, 20).map((s) => nextcloudFailure(s, 'admin', '203.0.113.63')),
      [],
    ],
    [
      "5 failed logins an application reports through the ingest API (no module: a shared gateway's address may be everyone's)",
      ndjsonParser,
      times(5, 20).map((s) =>
        JSON.stringify({
          '@timestamp': iso(s),
          event: { action: 'login', outcome: 'failure' },
          service: { name: 'shop' },
          user: { name: 'alice' },
          source: { ip: '203.0.113.64' },
        }),
      ),
      [],
    ],
    [
      "password guessing in Webmin's own action log",
      appLogParser,
      times(5, 20).map(
        (s) =>
          `1709546400.${s}.0 [4/Mar/2024 10:0${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}] root - 203.0.113.65 global miniserv.pl "failed" "-" "wrongpass"`,
      ),
      ['admin-panel-login-failures-source'],
    ],
    [
      "password guessing at Drupal's login form, in its syslog lines",
      sshdParser,
      times(5, 20).map((s) =>
        accountLine(
          s,
          'drupal',
          `https://www.example.org|${1709546400 + s}|user|203.0.113.69|https://www.example.org/user/login||0||Login attempt failed for admin.`,
        ),
      ),
      ['self-hosted-login-failures-source'],
    ],
    [
      "password guessing at Froxlor's hosting panel",
      sshdParser,
      times(5, 20).map((s) =>
        accountLine(
          s,
          'Froxlor',
          `[Login Action 203.0.113.58] User 'admin' tried to login with wrong password.`,
        ),
      ),
      ['admin-panel-login-failures-source'],
    ],
    [
      'password guessing against Webmin, which runs as root',
      sshdParser,
      times(10, 20).map((s) => accountLine(s, 'webmin', `Invalid login as root from 203.0.113.57`)),
      ['admin-panel-login-failures-source', 'app-login-failures-user'],
    ],
    [
      "password guessing at Monit's web interface, which can stop and start the server's services",
      sshdParser,
      times(5, 20).map((s) =>
        accountLine(
          s,
          'monit',
          `HttpRequest: access denied -- client [203.0.113.108]: wrong password for user 'admin'`,
        ),
      ),
      ['admin-panel-login-failures-source'],
    ],
    [
      "password guessing at SOGo's login, in its own log",
      sshdParser,
      times(5, 20).map(
        (s) =>
          `${sshdLine(s, '').split(' bastion ')[0]} sogod [2211]: SOGoRootPage Login from '203.0.113.109' for user 'user${s}' might not have worked - password policy: 65535  grace: -1  expire: -1  bound: 0`,
      ),
      ['password-spray-source', 'self-hosted-login-failures-source'],
    ],
    [
      'SMB password guessing against Samba from one address',
      sshdParser,
      times(5, 20).map((s) =>
        accountLine(
          s,
          'smbd',
          `Auth: [SMB2,(null)] user [WORKGROUP]\\[user${s}] at [Mon, 04 Mar 2024 10:00:00.000000 UTC] with [NTLMv2] status [NT_STATUS_WRONG_PASSWORD] workstation [KALI] remote host [ipv4:203.0.113.59:50000] mapped to [WORKGROUP]\\[user${s}]. local host [ipv4:192.0.2.20:445]`,
        ),
      ),
      ['password-spray-source', 'smb-brute-force-source'],
    ],
    [
      '4 refused SMB logins are not enough',
      sshdParser,
      times(4, 20).map((s) =>
        accountLine(
          s,
          'smbd',
          `Auth: [SMB2,(null)] user [WORKGROUP]\\[admin] at [Mon, 04 Mar 2024 10:00:00.000000 UTC] with [NTLMv2] status [NT_STATUS_WRONG_PASSWORD] workstation [KALI] remote host [ipv4:203.0.113.59:50000] mapped to [WORKGROUP]\\[admin]. local host [ipv4:192.0.2.20:445]`,
        ),
      ),
      [],
    ],
    [
      "password guessing at Proxmox VE's web interface",
      sshdParser,
      times(5, 20).map((s) =>
        accountLine(
          s,
          'pvedaemon',
          'authentication failure; rhost=::ffff:203.0.113.58 user=root@pam msg=Authentication failure',
        ),
      ),
      ['admin-panel-login-failures-source'],
    ],
    [
      '4 Proxmox failures are not enough',
      sshdParser,
      times(4, 20).map((s) =>
        accountLine(
          s,
          'pvedaemon',
          'authentication failure; rhost=::ffff:203.0.113.58 user=root@pam msg=Authentication failure',
        ),
      ),
      [],
    ],
    [
      'toll-fraud scanning: 10 calls to unknown extensions from one address',
      asteriskParser,
      times(10, 20).map(
        (s) =>
          `[${iso(s).slice(0, 10)} ${iso(s).slice(11, 19)}] NOTICE[3477][C-00000${100 + s}] chan_sip.c: Call from '' (203.0.113.76:5060) to extension '0044${s}' rejected because extension not found in context 'default'.`,
      ),
      ['voip-toll-fraud-scan-source'],
    ],
    [
      "a SIP scanner FreeSWITCH's ACL refuses",
      asteriskParser,
      times(10, 20).map(
        (s) =>
          `${iso(s).slice(0, 10)} ${iso(s).slice(11, 19)}.000000 [WARNING] sofia_reg.c:3223 IP 203.0.113.67 Rejected by register acl "domains"`,
      ),
      ['voip-acl-rejections-source'],
    ],
    [
      'password guessing against an OpenVPN server from one address',
      sshdParser,
      times(10, 20).map((s) =>
        accountLine(
          s,
          'ovpn-server',
          '203.0.113.69:1194 TLS Auth Error: Auth Username/Password verification failed for peer',
        ),
      ),
      ['openvpn-brute-force-source'],
    ],
    [
      "20 packets without OpenVPN's tls-crypt key from one address",
      sshdParser,
      times(20, 20).map((s) =>
        accountLine(
          s,
          'openvpn',
          `TLS Error: tls-crypt unwrapping failed from [AF_INET]203.0.113.70:${40000 + s}`,
        ),
      ),
      ['openvpn-tls-probing-source'],
    ],
    [
      'IMAP password guessing against Cyrus from one address',
      sshdParser,
      times(10, 30).map((s) => cyrusFailure(s, '203.0.113.48')),
      ['mail-auth-failures-source'],
    ],
    [
      "FTP password guessing in ProFTPD's lines",
      sshdParser,
      times(10, 20).map((s) => proftpdFailure(s, '203.0.113.46')),
      ['ftp-brute-force-source'],
    ],
    [
      '9 ProFTPD failures are not enough',
      sshdParser,
      times(9, 20).map((s) => proftpdFailure(s, '203.0.113.46')),
      [],
    ],
    [
      'password guessing against macOS Screen Sharing from one address',
      sshdParser,
      times(5, 20).map((s) => screenSharingFailure(s, '203.0.113.47')),
      ['macos-screen-sharing-brute-force-source'],
    ],
    [
      '4 Screen Sharing failures are not enough',
      sshdParser,
      times(4, 20).map((s) => screenSharingFailure(s, '203.0.113.47')),
      [],
    ],
    [
      'SMTP AUTH password guessing against Postfix from one address',
      sshdParser,
      times(10, 30).map((s) => postfixSaslFailure(s, '203.0.113.43')),
      ['mail-auth-failures-source'],
    ],
    [
      "password spraying at Exchange ActiveSync, in IIS's log: 30 requests refused 401 to one address",
      iisParser,
      times(30, 5).map(
        (s) =>
          `${iso(s).slice(0, 10)} ${iso(s).slice(11, 19)} 10.0.0.5 POST /Microsoft-Server-ActiveSync - 443 - 203.0.113.167 Apple-iPhone/1905.258 - 401 1 2148074254 3`,
      ),
      ['web-auth-failures-source'],
    ],
    [
      "password guessing at Exchange's OWA, in IIS's log: 20 logon pages shown again with reason=2",
      iisParser,
      times(20, 20).flatMap((s) => [
        `${iso(s).slice(0, 10)} ${iso(s).slice(11, 19)} 10.0.0.5 POST /owa/auth.owa - 443 - 203.0.113.169 Mozilla/5.0 - 302 0 0 15`,
        `${iso(s).slice(0, 10)} ${iso(s).slice(11, 19)} 10.0.0.5 GET /owa/auth/logon.aspx replaceCurrent=1&reason=2&url=https%3a%2f%2fmail.example.org%2fowa%2f 443 - 203.0.113.169 Mozilla/5.0 - 200 0 0 31`,
      ]),
      ['app-login-failures-source'],
    ],
    [
      "a wordlist scan in IIS's log: 30 distinct paths answered 404",
      iisParser,
      times(30, 5).map(
        (s) =>
          `${iso(s).slice(0, 10)} ${iso(s).slice(11, 19)} 10.0.0.5 GET /backup${s}.zip - 443 - 203.0.113.168 Mozilla/5.0 - 404 0 2 1`,
      ),
      ['web-content-scan-source'],
    ],
    [
      'an address using the DNS server as an open resolver: 20 refused queries',
      sshdParser,
      times(20, 20).map((s) =>
        accountLine(
          s,
          'named',
          `client 203.0.113.158#${40000 + s}: query (cache) 'example${s}.org/ANY/IN' denied`,
        ),
      ),
      ['dns-denied-queries-source'],
    ],
    [
      '19 refused queries are not enough',
      sshdParser,
      times(19, 20).map((s) =>
        accountLine(
          s,
          'named',
          `client 203.0.113.158#${40000 + s}: query (cache) 'example${s}.org/ANY/IN' denied`,
        ),
      ),
      [],
    ],
    [
      'a zone transfer refused',
      sshdParser,
      [accountLine(0, 'named', "client 203.0.113.159#56275: zone transfer 'example.org/AXFR/IN' denied")],
      ['dns-zone-transfer-refused'],
    ],
    [
      'an SMTP scanner: 20 connections without mail from one address, as Postfix sums them',
      sshdParser,
      times(20, 25).map((s) =>
        accountLine(s, 'postfix/smtpd', 'disconnect from unknown[203.0.113.186] ehlo=1 quit=1 commands=2'),
      ),
      ['smtp-probing-source'],
    ],
    [
      'a spam bot talking before the greeting, as postscreen judges it, 20 times from one address',
      sshdParser,
      times(20, 25).map((s) =>
        accountLine(
          s,
          'postfix/postscreen',
          `PREGREET 11 after 0.1 from [203.0.113.187]:${40000 + s}: EHLO x\\r\\n`,
        ),
      ),
      ['smtp-probing-source'],
    ],
    [
      '19 connections without mail are not enough',
      sshdParser,
      times(19, 25).map((s) =>
        accountLine(s, 'postfix/smtpd', 'disconnect from unknown[203.0.113.186] ehlo=1 quit=1 commands=2'),
      ),
      [],
    ],
    [
      'open-relay probing: 5 relays sendmail refused one address',
      sshdParser,
      times(5, 30).map((s) =>
        accountLine(
          s,
          'sm-mta',
          `424AaDQT0${s}: ruleset=check_rcpt, arg1=<u${s}@elsewhere.example>, relay=[203.0.113.135], reject=550 5.7.1 <u${s}@elsewhere.example>... Relaying denied`,
        ),
      ),
      ['mail-relay-probing-source'],
    ],
    [
      'open-relay probing: 5 relays Postfix refused one address',
      sshdParser,
      times(5, 30).map((s) =>
        postfixReject(s, '203.0.113.71', `u${s}@elsewhere.example`, '554 5.7.1', 'Relay access denied'),
      ),
      ['mail-relay-probing-source'],
    ],
    [
      'a directory harvest: 10 unknown recipients from one address, not 9',
      sshdParser,
      times(19, 20).map((s, i) =>
        postfixReject(
          s,
          '203.0.113.72',
          `guess${i % 9}@example.com`,
          '550 5.1.1',
          'Recipient address rejected: User unknown in local recipient table',
        ),
      ),
      [],
    ],
    [
      'a directory harvest: 10 distinct unknown recipients from one address',
      sshdParser,
      times(10, 20).map((s, i) =>
        postfixReject(
          s,
          '203.0.113.72',
          `guess${i}@example.com`,
          '550 5.1.1',
          'Recipient address rejected: User unknown in local recipient table',
        ),
      ),
      ['mail-recipient-harvest-source'],
    ],
    [
      '9 SMTP AUTH failures are not enough',
      sshdParser,
      times(9, 30).map((s) => postfixSaslFailure(s, '203.0.113.43')),
      [],
    ],
    [
      "IMAP password guessing, Dovecot's lines summing each connection's attempts",
      sshdParser,
      times(4, 60).map((s) => dovecotLoginFailure(s, 3, '203.0.113.44')),
      ['mail-auth-failures-source'],
    ],
    [
      "SSH password guessing logged only by old Linux-PAM's sshd(pam_unix) tag (Red Hat's messages file)",
      sshdParser,
      times(10, 20).map((s) =>
        sshdLine(
          s,
          'authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=203.0.113.42 ',
          'sshd(pam_unix)',
        ),
      ),
      ['ssh-brute-force-source'],
    ],
    [
      'SSH password guessing in a Red Hat audit log (two failed USER_AUTH records a guess)',
      auditdParser,
      times(5, 20).flatMap((s) => redHatGuess(s, 'root', '203.0.113.41')),
      ['auditd-login-failures-source'],
    ],
    [
      '4 such guesses are not enough, however many USER_LOGIN failures come with them',
      auditdParser,
      [
        ...times(4, 20).flatMap((s) => redHatGuess(s, 'root', '203.0.113.41')),
        ...times(10, 5).map((s) =>
          auditRecord(100 + s, 'USER_LOGIN', auditSshd('login', 'root', '203.0.113.41', 'failed')),
        ),
      ],
      [],
    ],
    [
      'a login in the audit log after one wrong password',
      auditdParser,
      [
        ...redHatGuess(0, 'alice', '192.0.2.10'),
        auditRecord(
          5,
          'USER_AUTH',
          auditSshd('PAM:authentication grantors=pam_unix', 'alice', '192.0.2.10', 'success'),
        ),
        auditRecord(5, 'USER_LOGIN', auditSshd('login', 'alice', '192.0.2.10', 'success')),
      ],
      [],
    ],
    [
      'an account added to an ordinary group',
      sshdParser,
      [accountLine(0, 'usermod', "add 'sysbackup' to group 'audio'")],
      [],
    ],
    [
      'SSH probing from one address: never counted as login attempts',
      sshdParser,
      times(20, 25).map((s, i) => sshdProbe(s, '198.51.100.23', i)),
      ['ssh-probing-source'],
    ],
    [
      "a scanner's SSH connections closed after the key exchange, naming no user",
      sshdParser,
      times(20, 25).map((s) => sshdLine(s, `Connection closed by 198.51.100.24 port ${40000 + s} [preauth]`)),
      ['ssh-probing-source'],
    ],
    [
      '19 probes are not enough',
      sshdParser,
      times(19, 25).map((s, i) => sshdProbe(s, '198.51.100.23', i)),
      [],
    ],
    [
      'connections held until LoginGraceTime from one address (regreSSHion)',
      sshdParser,
      times(10, 30).map((s) => graceTimeout(s, '198.51.100.24')),
      ['ssh-login-grace-timeouts'],
    ],
    [
      'RDP brute force',
      windowsParser,
      times(5).map((s) => failedLogon(s, 'administrator', '203.0.113.88', '10')),
      ['windows-logon-failure-source', 'windows-rdp-brute-force'],
    ],
    [
      'RDP brute force as NXLog writes it',
      windowsParser,
      times(5).map((s) => nxlogFailedLogon(s, 'administrator', '203.0.113.88', 10)),
      ['windows-logon-failure-source', 'windows-rdp-brute-force'],
    ],
    [
      "RDP brute force in Event Viewer's CSV export",
      windowsCsvParser,
      [
        'Keywords,Date and Time,Source,Event ID,Task Category',
        ...times(5).flatMap((s) => csvFailedLogon(s, 'administrator', '203.0.113.88', 10)),
      ],
      ['windows-logon-failure-source', 'windows-rdp-brute-force'],
    ],
    [
      'RDP brute force as Windows writes it in XML',
      windowsXmlParser,
      times(5).map((s) => xmlFailedLogon(s, 'administrator', '203.0.113.88', 10)),
      ['windows-logon-failure-source', 'windows-rdp-brute-force'],
    ],
    [
      'network logon failures against one account',
      windowsParser,
      times(10).map((s, i) => failedLogon(s, 'alice', `10.1.0.${i + 1}`)),
      ['windows-logon-failure-user'],
    ],
    [
      'logon failures without an address, from one workstation',
      windowsParser,
      times(10).map((s) => failedLogon(s, 'alice', '-', '2', 'WS042')),
      ['windows-logon-failure-user', 'windows-logon-failure-workstation'],
    ],
    [
      'password spray from one address',
      windowsParser,
      times(10).map((s, i) => failedLogon(s, `user${i}`, '203.0.113.140')),
      ['password-spray-source', 'windows-logon-failure-source'],
    ],
    [
      'Kerberos pre-authentication failures',
      windowsParser,
      times(10).map((s) =>
        winlogbeat(4771, s, { TargetUserName: 'bob', IpAddress: '::ffff:10.1.2.3', Status: '0x18' }),
      ),
      ['windows-kerberos-failures-source', 'windows-kerberos-preauth-failures'],
    ],
    [
      'NTLM validation failures',
      windowsParser,
      times(10).map((s) =>
        winlogbeat(4776, s, { TargetUserName: 'carol', Workstation: 'WS7', Status: '0xc000006a' }),
      ),
      ['windows-ntlm-failures', 'windows-ntlm-failures-workstation'],
    ],
    [
      'successful NTLM validations',
      windowsParser,
      times(10).map((s) =>
        winlogbeat(4776, s, { TargetUserName: 'carol', Workstation: 'WS7', Status: '0x0' }),
      ),
      [],
    ],
    [
      'an account lockout',
      windowsParser,
      [winlogbeat(4740, 0, { TargetUserName: 'dave', TargetDomainName: 'CORP', SubjectUserName: 'DC01$' })],
      ['windows-account-lockout'],
    ],
    [
      'an account created',
      windowsParser,
      [
        winlogbeat(4720, 0, {
          TargetUserName: 'backdoor',
          TargetSid: 'S-1-5-21-1-2-3-1002',
          SubjectUserName: 'mallory',
        }),
      ],
      ['windows-account-created'],
    ],
    [
      'members added to privileged groups, one by a localised name (its SID tells); Remote Desktop Users is none',
      windowsParser,
      [
        winlogbeat(4732, 0, {
          MemberName: '-',
          MemberSid: 'S-1-5-21-1-2-3-1002',
          TargetUserName: 'Administrators',
          TargetSid: 'S-1-5-32-544',
        }),
        winlogbeat(4728, 60, {
          MemberName: 'CN=Jane,DC=corp',
          MemberSid: 'S-1-5-21-1-2-3-1003',
          TargetUserName: 'Domänen-Admins',
          TargetSid: 'S-1-5-21-1-2-3-512',
        }),
        winlogbeat(4732, 120, {
          MemberName: '-',
          MemberSid: 'S-1-5-21-1-2-3-1004',
          TargetUserName: 'Remote Desktop Users',
          TargetSid: 'S-1-5-32-555',
        }),
      ],
      ['windows-privileged-group-member'],
    ],
    [
      "a service that runs a shell, as Impacket's smbexec installs it; an application's own service is none",
      windowsParser,
      [
        serviceInstalled(
          0,
          'BTOBTO',
          '%COMSPEC% /Q /c echo dir ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > %TEMP%\\execute.bat',
        ),
        serviceInstalled(60, 'AppUpdater', '"C:\\Program Files\\App\\updater.exe" --service'),
      ],
      ['windows-service-runs-shell'],
    ],
    [
      'RC4 service tickets for five services to one account; AES tickets and computer accounts are none',
      windowsParser,
      [
        ...['MSSQLSvc', 'svc-web', 'svc-backup', 'svc-sharepoint', 'svc-crm'].map((service, i) =>
          serviceTicket(i * 10, 'mallory', service, '0x17'),
        ),
        ...['svc-a', 'svc-b', 'svc-c', 'svc-d', 'svc-e'].map((service, i) =>
          serviceTicket(i * 10, 'alice', service, '0x12'),
        ),
        ...['WS1$', 'WS2$', 'WS3$', 'WS4$', 'WS5$'].map((service, i) =>
          serviceTicket(i * 10, 'bob', service, '0x17'),
        ),
      ],
      ['windows-kerberoasting'],
    ],
    [
      'a ticket-granting ticket issued without pre-authentication; one with it is none',
      windowsParser,
      [
        winlogbeat(4768, 0, {
          TargetUserName: 'svc-legacy',
          Status: '0x0',
          PreAuthType: '0',
          TicketEncryptionType: '0x17',
          IpAddress: '::ffff:10.0.0.66',
        }),
        winlogbeat(4768, 10, {
          TargetUserName: 'alice',
          Status: '0x0',
          PreAuthType: '2',
          TicketEncryptionType: '0x12',
          IpAddress: '::ffff:10.0.0.67',
        }),
      ],
      ['windows-asrep-roasting'],
    ],
    [
      "replication rights used by a user account (DCSync); a domain controller's and Azure AD Connect's are none",
      windowsParser,
      ['mallory', 'DC02$', 'MSOL_0123abcd'].map((subject, i) =>
        winlogbeat(4662, i * 10, {
          SubjectUserName: subject,
          SubjectDomainName: 'CORP',
          ObjectServer: 'DS',
          AccessMask: '0x100',
          Properties:
            '%%7688\r\n\t\t{1131f6ad-9c07-11d1-f79f-00c04fc2dcd2}\r\n\t{19195a5b-6da0-11d0-afd3-00c04fd930c9}',
        }),
      ),
      ['windows-dcsync'],
    ],
    [
      'a NewCredentials logon through seclogo (pass-the-hash); an interactive logon is none',
      windowsParser,
      [
        winlogbeat(4624, 0, {
          TargetUserName: 'mallory',
          LogonType: '9',
          LogonProcessName: 'seclogo',
          AuthenticationPackageName: 'Negotiate',
        }),
        winlogbeat(4624, 10, {
          TargetUserName: 'alice',
          LogonType: '2',
          LogonProcessName: 'User32 ',
          AuthenticationPackageName: 'Negotiate',
        }),
      ],
      ['windows-overpass-the-hash'],
    ],
    [
      'audit policy removed for a subcategory; one added is none',
      windowsParser,
      [
        winlogbeat(4719, 0, {
          SubjectUserName: 'mallory',
          SubcategoryGuid: '{0cce9215-69ae-11d9-bed3-505054503030}',
          AuditPolicyChanges: '%%8448, %%8450',
        }),
        winlogbeat(4719, 10, {
          SubjectUserName: 'DC01$',
          SubcategoryGuid: '{0cce9215-69ae-11d9-bed3-505054503030}',
          AuditPolicyChanges: '%%8449',
        }),
      ],
      ['windows-audit-policy-removed'],
    ],
    [
      'a DSRM password set and SID History added',
      windowsParser,
      [
        winlogbeat(4794, 0, { SubjectUserName: 'mallory', Workstation: 'DC01', Status: '0x0' }),
        winlogbeat(4765, 10, {
          TargetUserName: 'mallory',
          SourceUserName: 'admin',
          SourceSid: 'S-1-5-21-9-9-9-500',
        }),
      ],
      ['windows-dsrm-password-set', 'windows-sid-history-added'],
    ],
    [
      'failures then a success for one account',
      ndjsonParser,
      [
        ...times(5).map((s) => appEvent(s, 'login', { user: 'erin' })),
        appEvent(60, 'login', { user: 'erin', outcome: 'success' }),
      ],
      ['auth-success-after-failures'],
    ],
    [
      'application login failures on one account',
      ndjsonParser,
      times(10).map((s, i) => appEvent(s, 'login', { user: 'frank', ip: `198.51.100.${i + 1}` })),
      ['app-login-failures-user'],
    ],
    [
      'application login failures from one address',
      ndjsonParser,
      times(20).map((s) => appEvent(s, 'login', { user: 'grace' })),
      ['app-login-failures-source', 'app-login-failures-user'],
    ],
    [
      'CSRF-token failures',
      ndjsonParser,
      times(10).map((s) => appEvent(s, 'csrf_token_invalid', {})),
      ['app-csrf-failures'],
    ],
    [
      'forbidden and tampered requests by one user',
      ndjsonParser,
      times(8).map((s, i) =>
        appEvent(s, i % 2 ? 'access_forbidden' : 'object_id_tampered', { user: 'heidi' }),
      ),
      ['app-forbidden-requests-user'],
    ],
    [
      'forbidden requests from one address',
      ndjsonParser,
      times(15).map((s) => appEvent(s, 'access_forbidden', {})),
      ['app-forbidden-requests-source'],
    ],
  ])('%s', (_name, parser, lines, expected) => {
    expect(openedRules(parser, lines)).toEqual(expected);
  });

  it('raises a lockout for the locked-out account, not for the domain controller that reports it', () => {
    const lockout = winlogbeat(4740, 0, {
      TargetUserName: 'dave',
      TargetDomainName: 'WS042',
      SubjectUserName: 'DC01$',
    });
    expect(openedDetections(windowsParser, [lockout]).map((d) => d.group)).toEqual([
      { 'user.target.name': 'dave' },
    ]);
  });

  it('gives every rule a runbook, ATT&CK techniques and a severity', () => {
    for (const rule of rules) {
      expect(rule.runbook, rule.id).toBeTruthy();
      expect(rule.attack.length, rule.id).toBeGreaterThan(0);
    }
  });
});
